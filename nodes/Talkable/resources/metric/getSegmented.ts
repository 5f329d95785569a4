import { showFor, type ResourceOperation } from '../../../shared';
import { titleCase } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { listText, metricFiltersProperty } from './fields';
import { metricPath, metricQuery } from './query';

export const getSegmentedOperation: ResourceOperation = {
	option: operation({
		name: 'Get Segmented',
		value: 'getSegmented',
		action: 'Get a metric by segment',
		description: 'Calculate a metric per period, campaign tag, sharing channel or campaign type, one item per segment',
		method: 'GET',
		url: '/metrics',
		preSend: [metricPath('/segmentize'), metricQuery, siteSlug],
		output: { path: 'segmented' },
	}),
	fields: [
		{
			displayName: 'Segment By',
			name: 'segmentBy',
			type: 'collection',
			placeholder: 'Add Segmentation',
			default: { period: 'week' },
			displayOptions: showFor('metric')(['getSegmented']),
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
		// Shown for Get too (see fields.ts): both operations show the filters last.
		metricFiltersProperty,
	],
};
