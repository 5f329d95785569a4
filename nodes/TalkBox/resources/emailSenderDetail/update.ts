import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { buildSender, senderId } from './sender';

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update an email sender detail',
		description: 'Change the name and address of an email sender detail',
		method: 'PUT',
		url: '/email_sender_details',
		preSend: [senderId, buildSender],
	}),
};
