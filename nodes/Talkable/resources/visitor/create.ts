import { requireValue, showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

export const createOperation: ResourceOperation = {
	option: operation({
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
	fields: [
		{
			displayName: 'Visitor UUID',
			name: 'visitorUuid',
			type: 'string',
			required: true,
			default: '',
			placeholder: '123e4567-e89b-32d1-a456-426614174000',
			displayOptions: showFor('visitor')(['create']),
			routing: { send: { type: 'body', property: 'data.uuid' } },
		},
	],
};
