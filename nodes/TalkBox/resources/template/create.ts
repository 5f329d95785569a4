import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { buildTemplate } from './body';

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a template',
		description: 'Create an account-specific template for the editor’s template picker',
		method: 'POST',
		url: '/templates',
		preSend: [buildTemplate],
	}),
};
