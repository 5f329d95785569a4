import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { asRecords } from './records';

const show = showFor('field');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many fields',
		description: 'Retrieve the contact fields of the account, one item per field',
		method: 'GET',
		url: '/fields',
		output: { split: true, transform: asRecords },
	}),
	fields: [...listProperties(show(['getAll']))],
};
