import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('section');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many sections',
		description: 'Get the account’s sections',
		method: 'GET',
		url: '/sections',
		output: { split: true },
	}),
	fields: [...listProperties(show(['getAll']))],
};
