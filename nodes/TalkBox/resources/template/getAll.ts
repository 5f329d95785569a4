import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('template');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many templates',
		description: 'Get the account-specific templates',
		method: 'GET',
		url: '/templates',
		output: { split: true },
	}),
	fields: [...listProperties(show(['getAll']))],
};
