import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('offer');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many offers',
		description: 'Get the account’s offers',
		method: 'GET',
		url: '/offers',
		output: { split: true },
	}),
	fields: [...listProperties(show(['getAll']))],
};
