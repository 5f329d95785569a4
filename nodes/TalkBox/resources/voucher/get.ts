import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { voucherId } from './path';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a voucher',
		description: 'Get a voucher by ID or string ID',
		method: 'GET',
		url: '/vouchers',
		preSend: [voucherId],
	}),
};
