import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many tags',
		description: 'Retrieve the tags of the account, one item per tag',
		method: 'GET',
		url: '/tags',
		output: { split: true },
	}),
};
