import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { tagPath, requireTagName } from './requests';

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update a tag',
		description: 'Rename a tag',
		method: 'PUT',
		url: '/tags',
		preSend: [tagPath(), requireTagName],
	}),
};
