import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { requireTagName } from './requests';

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a tag',
		description: 'Create a tag',
		method: 'POST',
		url: '/tags',
		preSend: [requireTagName],
	}),
};
