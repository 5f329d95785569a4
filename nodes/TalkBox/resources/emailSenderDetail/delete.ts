import { showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { senderId } from './sender';

const show = showFor('emailSenderDetail');

export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete an email sender detail',
		description: 'Delete an email sender detail',
		method: 'DELETE',
		url: '/email_sender_details',
		preSend: [senderId],
	}),
	fields: [
		{
			displayName: 'Deleting an email sender detail cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
	],
};
