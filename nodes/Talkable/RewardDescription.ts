import type { INodeProperties } from 'n8n-workflow';

import { listProperties, rawResponseProperty, requireValue, showFor } from '../shared';
import { many, operation, type TalkableResource } from './common';
import { siteSlug } from './siteSlug';

const show = showFor('reward');

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reward'] } },
		options: [
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many rewards of a visitor',
				description: 'List the rewards of one visitor, one item per reward',
				method: 'GET',
				url: '/rewards',
				preSend: [requireValue('visitorUuid', 'Visitor UUID'), siteSlug],
				output: many('rewards'),
			}),
		],
		default: 'getAll',
	},
	{
		displayName: 'Visitor UUID',
		name: 'visitorUuid',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123e4567-e89b-32d1-a456-426614174000',
		description: 'The visitor whose rewards to list',
		displayOptions: show(['getAll']),
		routing: { send: { type: 'query', property: 'visitor_uuid' } },
	},
	...listProperties(show(['getAll'])),
	rawResponseProperty(show(['getAll'])),
];

export const rewardResource: TalkableResource = {
	option: { name: 'Reward', value: 'reward' },
	properties,
};
