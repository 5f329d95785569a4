import type { INodeProperties } from 'n8n-workflow';

import { listProperties, rawResponseProperty, showFor } from '../shared';
import { many, operation, type TalkableResource } from './common';
import { siteSlug } from './siteSlug';

const show = showFor('campaign');

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many campaigns',
				description: 'List the campaigns of the site, one item per campaign',
				method: 'GET',
				url: '/campaigns',
				preSend: [siteSlug],
				output: many('campaigns'),
			}),
		],
		default: 'getAll',
	},
	...listProperties(show(['getAll'])),
	rawResponseProperty(show(['getAll'])),
];

export const campaignResource: TalkableResource = {
	option: { name: 'Campaign', value: 'campaign' },
	properties,
};
