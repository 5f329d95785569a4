import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator, idPath, listProperties, requireValue, showFor } from '../shared';
import { operation } from './operation';
import type { TalkBoxResource } from './types';

const show = showFor('tag');

const tagPath = (suffix = '') => idPath(`/tags/{0}${suffix}`, [{ parameter: 'tagId', label: 'Tag', numeric: true }]);
const membershipPath = idPath('/tags/{0}/contacts/{1}', [
	{ parameter: 'tagId', label: 'Tag', numeric: true },
	{ parameter: 'contactId', label: 'Contact ID', numeric: true },
]);

const requireTagName = requireValue('tagName', 'Name');

/** TalkBox answers membership changes with an empty 200: say what happened instead. */
function membershipResult(action: 'added' | 'removed') {
	return function (this: IExecuteSingleFunctions, records: IDataObject[]) {
		return records.map((record) =>
			record.success === true && Object.keys(record).length === 1
				? {
						success: true,
						action,
						tag_id: Number(this.getNodeParameter('tagId', '', { extractValue: true })),
						contact_id: Number(this.getNodeParameter('contactId', '')),
					}
				: record,
		);
	};
}

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			operation({
				name: 'Add Contact',
				value: 'addContact',
				action: 'Add a contact to a tag',
				description: 'Tag a contact',
				method: 'POST',
				url: '/tags',
				preSend: [membershipPath],
				output: { emptyBody: { success: true }, transform: membershipResult('added') },
			}),
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a tag',
				description: 'Create a tag',
				method: 'POST',
				url: '/tags',
				preSend: [requireTagName],
			}),
			operation({
				name: 'Delete',
				value: 'delete',
				action: 'Delete a tag',
				description: 'Delete a tag',
				method: 'DELETE',
				url: '/tags',
				preSend: [tagPath()],
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a tag',
				description: 'Retrieve a tag',
				method: 'GET',
				url: '/tags',
				preSend: [tagPath()],
			}),
			operation({
				name: 'Get Contacts',
				value: 'getContacts',
				action: 'Get the contacts in a tag',
				description: 'Retrieve the IDs of the contacts in a tag, one item per contact',
				method: 'GET',
				url: '/tags',
				preSend: [tagPath('/contacts')],
				output: { path: 'id', split: true, transform: (records) => records.map((record) => ({ id: record.value })) },
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many tags',
				description: 'Retrieve the tags of the account, one item per tag',
				method: 'GET',
				url: '/tags',
				output: { split: true },
			}),
			operation({
				name: 'Remove Contact',
				value: 'removeContact',
				action: 'Remove a contact from a tag',
				description: 'Untag a contact',
				method: 'DELETE',
				url: '/tags',
				preSend: [membershipPath],
				output: { emptyBody: { success: true }, transform: membershipResult('removed') },
			}),
			operation({
				name: 'Untag All Contacts',
				value: 'untagAllContacts',
				action: 'Untag all contacts from a tag',
				description: 'Remove every contact from a tag (the tag itself stays)',
				method: 'PUT',
				url: '/tags',
				preSend: [tagPath('/untag_contacts')],
				// Not resent after an answer that may mean it was applied: contacts tagged in the
				// meantime would be untagged too.
				retrySafe: false,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a tag',
				description: 'Rename a tag',
				method: 'PUT',
				url: '/tags',
				preSend: [tagPath(), requireTagName],
			}),
		],
		default: 'getAll',
	},
	idLocator({
		displayName: 'Tag',
		name: 'tagId',
		description: 'The tag to use',
		searchListMethod: 'searchTags',
		displayOptions: show(['addContact', 'delete', 'get', 'getContacts', 'removeContact', 'untagAllContacts', 'update']),
	}),
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 300',
		description: 'The ID of the contact',
		displayOptions: show(['addContact', 'removeContact']),
	},
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
];

export const tagResource: TalkBoxResource = {
	option: { name: 'Tag', value: 'tag' },
	properties,
};
