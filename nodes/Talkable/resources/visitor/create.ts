import { requiredText, requireValue, showFor, type ResourceOperation } from '../../../shared';
import { single, VISITOR_UUID_EXAMPLE } from '../../lib/common';
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
			...requiredText('Visitor UUID', 'visitorUuid', VISITOR_UUID_EXAMPLE, undefined, showFor('visitor')(['create'])),
			routing: { send: { type: 'body', property: 'data.uuid' } },
		},
	],
};
