import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('emailSenderDetail');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many email sender details',
		description: 'Get the account’s email sender details',
		method: 'GET',
		url: '/email_sender_details',
		output: { split: true },
	}),
	fields: [...listProperties(show(['getAll']))],
};
