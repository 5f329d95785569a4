import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { templateId } from './body';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a template',
		description: 'Get an account-specific template',
		method: 'GET',
		url: '/templates',
		preSend: [templateId],
	}),
};
