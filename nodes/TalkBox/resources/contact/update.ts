import { showFor, type ResourceOperation } from '../../../shared';
import { contactBody } from '../../lib/contactBody';
import { operation } from '../../lib/operation';
import { contactFieldsProperty, contactPath, tagString, versionTags } from './fields';

const show = showFor('contact');

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update a contact',
		description: 'Change the given fields of a contact; fields left out keep their values',
		method: 'PUT',
		url: '/contact',
		preSend: [contactPath(), contactBody({ requireChange: true })],
	}),
	fields: [
		contactFieldsProperty('update', 'map'),
		{
			displayName: 'Options',
			name: 'contactOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show(['update']),
			options: [
				tagString('Comma-separated tag names; they replace all the tags the contact has now'),
				{
					displayName: 'Unreachable by Email',
					name: 'unreachableEmail',
					type: 'boolean',
					default: false,
					description:
						'Whether TalkBox should treat the contact as unreachable by email (it sets this itself after 3 failed deliveries)',
				},
				{
					displayName: 'Unreachable by Mobile',
					name: 'unreachableMobile',
					type: 'boolean',
					default: false,
					description:
						'Whether TalkBox should treat the contact as unreachable by mobile (it sets this itself after 3 failed deliveries)',
				},
				versionTags,
			],
		},
	],
};
