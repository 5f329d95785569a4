import { listProperties, rawResponseProperty, requireValue, showFor, type ResourceOperation } from '../../../shared';
import { many } from '../../lib/common';
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
	],
};
