import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { tagPath } from './requests';

export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a tag',
		description: 'Delete a tag',
		method: 'DELETE',
		url: '/tags',
		preSend: [tagPath()],
	}),
};
