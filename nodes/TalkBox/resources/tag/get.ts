import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { tagPath } from './requests';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a tag',
		description: 'Retrieve a tag',
		method: 'GET',
		url: '/tags',
		preSend: [tagPath()],
	}),
};
