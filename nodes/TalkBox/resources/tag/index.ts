import { defineResource, idLocator, listProperties, requiredText, showFor, type NodeResource } from '../../../shared';
import { addContactOperation } from './addContact';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { getContactsOperation } from './getContacts';
import { removeContactOperation } from './removeContact';
import { untagAllContactsOperation } from './untagAllContacts';
import { updateOperation } from './update';

const show = showFor('tag');

export const tagResource: NodeResource = defineResource({
	name: 'Tag',
	value: 'tag',
	operations: [
		addContactOperation,
		createOperation,
		deleteOperation,
		getOperation,
		getContactsOperation,
		getAllOperation,
		removeContactOperation,
		untagAllContactsOperation,
		updateOperation,
	],
	defaultOperation: getAllOperation,
	fields: [
		idLocator({
			displayName: 'Tag',
			name: 'tagId',
			description: 'The tag to use',
			searchListMethod: 'searchTags',
			displayOptions: show(['addContact', 'delete', 'get', 'getContacts', 'removeContact', 'untagAllContacts', 'update']),
		}),
		requiredText('Contact ID', 'contactId', 'e.g. 300', 'The ID of the contact', show(['addContact', 'removeContact'])),
		{
			displayName: 'Name',
			name: 'tagName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. VIP',
			description: 'The tag name',
			displayOptions: show(['create', 'update']),
			routing: { send: { type: 'body', property: 'name' } },
		},
		...listProperties(show(['getAll', 'getContacts'])),
	],
});
