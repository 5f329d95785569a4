import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { contactPath } from './fields';

export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a contact',
		description: 'Delete a contact',
		method: 'DELETE',
		url: '/contact',
		preSend: [contactPath()],
	}),
};
