import type { INodeProperties } from 'n8n-workflow';

import { requireValue, showFor } from '../shared';
import { operation, single, type TalkableResource } from './common';
import { siteSlug } from './siteSlug';

const show = showFor('visitor');

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['visitor'] } },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Register a visitor',
				description: 'Register a visitor UUID with Talkable',
				method: 'POST',
				url: '/visitors',
				preSend: [requireValue('visitorUuid', 'Visitor UUID'), siteSlug],
				output: single(),
				// Registering the same UUID again leaves the same visitor.
				retrySafe: true,
			}),
		],
		default: 'create',
	},
	{
		displayName: 'Visitor UUID',
		name: 'visitorUuid',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123e4567-e89b-32d1-a456-426614174000',
		displayOptions: show(['create']),
		routing: { send: { type: 'body', property: 'data.uuid' } },
	},
];

export const visitorResource: TalkableResource = {
	option: { name: 'Visitor', value: 'visitor' },
	properties,
};
