/** Metrics: one value, or the value segmented by period, campaign tags, channels or campaign types. */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, idPath, showFor, textProperty } from '../shared';
import { isoDate, operation, single, textList, titleCase, type TalkableResource } from './common';
import { siteSlug } from './siteSlug';

const show = showFor('metric');
const OPERATIONS = ['get', 'getSegmented'];

const metricPath = (suffix = '') => idPath(`/metrics/{0}${suffix}`, [{ parameter: 'metricName', label: 'Metric' }]);

/** Filters → query: arrays as repeated `name[]=`, dates as YYYY-MM-DD (inclusive). */
async function metricQuery(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const qs: IDataObject = { ...(options.qs ?? {}) };
	const start = isoDate(this, this.getNodeParameter('startDate', ''), 'Start Date');
	const end = isoDate(this, this.getNodeParameter('endDate', ''), 'End Date');
	if (!start) fail(this, 'Start Date', 'a date is required but this item has none');
	if (!end) fail(this, 'End Date', 'a date is required but this item has none');
	if (start > end) fail(this, 'End Date', `${end} is before the start date ${start}`);
	qs.start_date = start;
	qs.end_date = end;

	const filters = (this.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const arrays: Array<[string, string]> = [
		['campaignTags', 'campaign_tags'],
		['sharingChannels', 'sharing_channels'],
		['trafficSources', 'traffic_sources'],
	];
	for (const [parameter, key] of arrays) {
		const values = textList(filters[parameter]);
		if (values.length) qs[key] = values;
	}
	const campaignIds = Array.isArray(filters.campaignIds) ? filters.campaignIds : textList(filters.campaignIds);
	if (campaignIds.length) {
		qs.campaign_ids = campaignIds.map((id) => {
			const number = Number(id);
			if (!Number.isInteger(number) || number < 1) fail(this, 'Campaigns', `"${String(id)}" is not a campaign ID`);
			return number;
		});
	}
	const scalars: Array<[string, string]> = [
		['campaignStatus', 'campaign_status'],
		['deviceType', 'device_type'],
		['excludeQaGenerated', 'exclude_qa_generated'],
		['liveCampaignsOnly', 'live_campaigns_only'],
		['mobileVisitor', 'mobile_visitor'],
		['precision', 'precision'],
	];
	for (const [parameter, key] of scalars) {
		const value = filters[parameter];
		if (value !== undefined && value !== '') qs[key] = value;
	}

	if (this.getNodeParameter('operation') === 'getSegmented') {
		const segmentBy = (this.getNodeParameter('segmentBy', {}) ?? {}) as IDataObject;
		const segments: IDataObject = {};
		if (segmentBy.period) segments.period = segmentBy.period;
		const tags = textList(segmentBy.campaignTags);
		if (tags.length) segments.campaign_tags = tags;
		if (segmentBy.sharingChannels !== undefined) segments.sharing_channels = segmentBy.sharingChannels;
		if (segmentBy.campaignTypes !== undefined) segments.campaign_types = segmentBy.campaignTypes;
		if (Object.keys(segments).length) qs.segment_by = segments;
	}
	options.qs = qs;
	options.arrayFormat = 'brackets';
	return options;
}

const listText = (displayName: string, name: string, description: string, placeholder: string) =>
	textProperty(displayName, name, { description, placeholder });

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['metric'] } },
		options: [
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a metric',
				description: 'Calculate one metric over a date range (plain and formatted value)',
				method: 'GET',
				url: '/metrics',
				preSend: [metricPath(), metricQuery, siteSlug],
				output: single(),
			}),
			operation({
				name: 'Get Segmented',
				value: 'getSegmented',
				action: 'Get a metric by segment',
				description: 'Calculate a metric per period, campaign tag, sharing channel or campaign type, one item per segment',
				method: 'GET',
				url: '/metrics',
				preSend: [metricPath('/segmentize'), metricQuery, siteSlug],
				output: { path: 'segmented' },
			}),
		],
		default: 'get',
	},
	{
		displayName: 'Metric',
		name: 'metricName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'sharing_rate',
		description: 'Name of the metric as Talkable reports call it, e.g. sharing_rate (Talkable answers “No metric found.” for an unknown name)',
		displayOptions: show(OPERATIONS),
	},
	{
		displayName: 'Start Date',
		name: 'startDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'First day of the range (inclusive; sent as YYYY-MM-DD)',
		displayOptions: show(OPERATIONS),
	},
	{
		displayName: 'End Date',
		name: 'endDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'Last day of the range (inclusive; sent as YYYY-MM-DD)',
		displayOptions: show(OPERATIONS),
	},
	{
		displayName: 'Segment By',
		name: 'segmentBy',
		type: 'collection',
		placeholder: 'Add Segmentation',
		default: { period: 'week' },
		displayOptions: show(['getSegmented']),
		options: [
			listText('Campaign Tags', 'campaignTags', 'Comma-separated campaign tags to segment by', 'default, post-purchase'),
			{
				displayName: 'Campaign Types',
				name: 'campaignTypes',
				type: 'boolean',
				default: true,
				description: 'Whether to segment by campaign type',
			},
			{
				displayName: 'Period',
				name: 'period',
				type: 'options',
				default: 'week',
				options: ['day', 'month', 'quarter', 'week', 'year'].map((value) => ({ name: titleCase(value), value })),
			},
			{
				displayName: 'Sharing Channels',
				name: 'sharingChannels',
				type: 'boolean',
				default: true,
				description: 'Whether to segment by sharing channel',
			},
		],
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(OPERATIONS),
		options: [
			listText('Campaign Tags', 'campaignTags', 'Comma-separated campaign tags', 'default'),
			{
				displayName: 'Campaign Names or IDs',
				name: 'campaignIds',
				type: 'multiOptions',
				default: [],
				typeOptions: { loadOptionsMethod: 'getCampaigns' },
				description:
					'Only these campaigns. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Campaign Status',
				name: 'campaignStatus',
				type: 'string',
				default: '',
				placeholder: 'Live',
				description: 'Only campaigns with this status (e.g. Live, Disabled)',
			},
			{
				displayName: 'Device Type',
				name: 'deviceType',
				type: 'string',
				default: '',
				placeholder: 'mobile',
			},
			{
				displayName: 'Exclude QA Generated',
				name: 'excludeQaGenerated',
				type: 'boolean',
				default: true,
				description: 'Whether to leave out data generated by Talkable QA tests',
			},
			{
				displayName: 'Live Campaigns Only',
				name: 'liveCampaignsOnly',
				type: 'boolean',
				default: true,
				description: 'Whether to count live campaigns only',
			},
			{
				displayName: 'Mobile Visitor',
				name: 'mobileVisitor',
				type: 'boolean',
				default: true,
				description: 'Whether to count mobile visitors only (off: non-mobile only)',
			},
			{
				displayName: 'Precision',
				name: 'precision',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'Decimal places of the formatted value',
			},
			listText('Sharing Channels', 'sharingChannels', 'Comma-separated sharing channels', 'email, facebook'),
			listText('Traffic Sources', 'trafficSources', 'Comma-separated traffic sources', 'in-store'),
		],
	},
];

export const metricResource: TalkableResource = {
	option: { name: 'Metric', value: 'metric' },
	properties,
};
