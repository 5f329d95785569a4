import { defineResource, listProperties, outputModeProperties, requiredText, showFor, type NodeResource } from '../../../shared';
import { createContactFields, createOperation } from './create';
import { deleteOperation } from './delete';
import { tagString, versionTags } from './fields';
import { findFirstOperation, searchCriteriaField } from './findFirst';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { sendResubscriptionEmailOperation } from './sendResubscriptionEmail';
import { sendResubscriptionSmsOperation } from './sendResubscriptionSms';
import { updateOperation } from './update';
import { upsertFields, upsertOperation } from './upsert';

const show = showFor('contact');

export const contactResource: NodeResource = defineResource({
	name: 'Contact',
	value: 'contact',
	operations: [
		createOperation,
		upsertOperation,
		deleteOperation,
		findFirstOperation,
		getOperation,
		getAllOperation,
		sendResubscriptionEmailOperation,
		sendResubscriptionSmsOperation,
		updateOperation,
	],
	defaultOperation: getOperation,
	fields: [
		requiredText('Contact ID', 'contactId', 'e.g. 300', 'The ID of the contact', show(['delete', 'get', 'sendResubscriptionEmail', 'sendResubscriptionSms', 'update'])),
		createContactFields,
		...upsertFields,
		{
			displayName: 'Options',
			name: 'contactOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show(['create', 'upsert']),
			options: [
				{
					displayName: 'Tag Names or IDs',
					name: 'tagIds',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getContactTags' },
					default: [],
					description:
						'Existing tags to add the contact to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				tagString('Comma-separated tag names to add the contact to (missing tags are created)'),
				versionTags,
			],
		},
		searchCriteriaField,
		...listProperties(show(['getAll'])),
		...outputModeProperties(show(['findFirst', 'get', 'getAll'])),
	],
});
