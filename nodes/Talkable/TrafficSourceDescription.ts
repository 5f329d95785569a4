import type { INodeProperties } from 'n8n-workflow';

import { listProperties, rawResponseProperty, showFor } from '../shared';
import { many, operation, type TalkableResource } from './common';
import { siteSlug } from './siteSlug';

const show = showFor('trafficSource');

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['trafficSource'] } },
		options: [
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many traffic sources',
				description: 'List the traffic source identifiers of the site, one item per source',
				method: 'GET',
				url: '/traffic_sources',
				preSend: [siteSlug],
				// `result` is the array itself.
				output: many(),
			}),
		],
		default: 'getAll',
	},
	...listProperties(show(['getAll'])),
	rawResponseProperty(show(['getAll'])),
];

export const trafficSourceResource: TalkableResource = {
	option: { name: 'Traffic Source', value: 'trafficSource' },
	properties,
};
