import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { buildSender } from './sender';

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create an email sender detail',
		description: 'Add a sender name and address for promotions',
		method: 'POST',
		url: '/email_sender_details',
		preSend: [buildSender],
	}),
};
