import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { COMMUNICATION_PAGES } from './pages';

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many communications',
		description: 'Get the reports of communications sent from the account',
		method: 'GET',
		url: '/communications',
		output: { split: true },
		pagination: COMMUNICATION_PAGES,
	}),
};
