import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, idLocator, idPath, isPlausibleEmail, listProperties, showFor, text } from '../shared';
import { operation } from './operation';
import type { TalkBoxResource } from './types';

const show = showFor('emailSenderDetail');

/** `{name, address}`: both required by TalkBox on create and update; the address must be valid. */
async function buildSender(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const name = text(this, 'senderName');
	const address = text(this, 'senderAddress');
	if (!name) fail(this, 'Name', 'a value is required but this item has none');
	if (!isPlausibleEmail(address)) fail(this, 'Address', `"${address}" is not a valid email address`);
	options.body = { name, address };
	return options;
}

const senderId = idPath('/email_sender_details/{0}', [{ parameter: 'emailSenderDetailId', label: 'Email Sender Detail' }]);

export const emailSenderDetailResource: TalkBoxResource = {
	option: { name: 'Email Sender Detail', value: 'emailSenderDetail' },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['emailSenderDetail'] } },
			options: [
				operation({
					name: 'Create',
					value: 'create',
					action: 'Create an email sender detail',
					description: 'Add a sender name and address for promotions',
					method: 'POST',
					url: '/email_sender_details',
					preSend: [buildSender],
				}),
				operation({
					name: 'Delete',
					value: 'delete',
					action: 'Delete an email sender detail',
					description: 'Delete an email sender detail',
					method: 'DELETE',
					url: '/email_sender_details',
					preSend: [senderId],
				}),
				operation({
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many email sender details',
					description: 'Get the account’s email sender details',
					method: 'GET',
					url: '/email_sender_details',
					output: { split: true },
				}),
				operation({
					name: 'Update',
					value: 'update',
					action: 'Update an email sender detail',
					description: 'Change the name and address of an email sender detail',
					method: 'PUT',
					url: '/email_sender_details',
					preSend: [senderId, buildSender],
				}),
			],
			default: 'getAll',
		},
		idLocator({
			displayName: 'Email Sender Detail',
			name: 'emailSenderDetailId',
			description: 'The email sender detail to change or delete',
			searchListMethod: 'searchEmailSenderDetails',
			displayOptions: show(['update', 'delete']),
		}),
		{
			displayName: 'Deleting an email sender detail cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
		{
			displayName: 'Name',
			name: 'senderName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. The Pub On The Corner',
			description: 'Displayed name of the sender',
			displayOptions: show(['create', 'update']),
		},
		{
			displayName: 'Address',
			name: 'senderAddress',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@email.com',
			description: 'Email address of the sender (TalkBox needs both name and address on update too)',
			displayOptions: show(['create', 'update']),
		},
		...listProperties(show(['getAll'])),
	],
};
