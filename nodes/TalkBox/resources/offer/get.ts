import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { offerId } from './path';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get an offer',
		description: 'Get an offer with its redemption statistics',
		method: 'GET',
		url: '/offers',
		preSend: [offerId],
	}),
};
