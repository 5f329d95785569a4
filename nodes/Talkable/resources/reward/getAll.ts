import { listProperties, rawResponseProperty, requiredText, requireValue, showFor, type ResourceOperation } from '../../../shared';
import { many, VISITOR_UUID_EXAMPLE } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

const show = showFor('reward');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many rewards of a visitor',
		description: 'List the rewards of one visitor, one item per reward',
		method: 'GET',
		url: '/rewards',
		preSend: [requireValue('visitorUuid', 'Visitor UUID'), siteSlug],
		output: many('rewards'),
	}),
	fields: [
		{
			...requiredText('Visitor UUID', 'visitorUuid', VISITOR_UUID_EXAMPLE, 'The visitor whose rewards to list', show(['getAll'])),
			routing: { send: { type: 'query', property: 'visitor_uuid' } },
		},
		...listProperties(show(['getAll'])),
		rawResponseProperty(show(['getAll'])),
	],
};
