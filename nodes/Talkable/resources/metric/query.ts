/** The request of both metric operations: the metric's path and its query (date range, filters, segments). */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, idPath } from '../../../shared';
import { isoDate, textList } from '../../lib/common';

export const metricPath = (suffix = '') => idPath(`/metrics/{0}${suffix}`, [{ parameter: 'metricName', label: 'Metric' }]);

/** Filters → query: arrays as repeated `name[]=`, dates as YYYY-MM-DD (inclusive). */
export async function metricQuery(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
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
