import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get the account',
		description: 'Retrieve the account properties and latest statistics',
		method: 'GET',
		url: '/account',
	}),
};
