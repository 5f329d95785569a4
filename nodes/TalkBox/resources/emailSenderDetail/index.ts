import { defineResource, idLocator, showFor, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getAllOperation } from './getAll';
import { updateOperation } from './update';

const show = showFor('emailSenderDetail');

export const emailSenderDetailResource: NodeResource = defineResource({
	name: 'Email Sender Detail',
	value: 'emailSenderDetail',
	operations: [createOperation, deleteOperation, getAllOperation, updateOperation],
	defaultOperation: getAllOperation,
	fields: [
		idLocator({
			displayName: 'Email Sender Detail',
			name: 'emailSenderDetailId',
			description: 'The email sender detail to change or delete',
			searchListMethod: 'searchEmailSenderDetails',
			displayOptions: show(['update', 'delete']),
		}),
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
	],
});
