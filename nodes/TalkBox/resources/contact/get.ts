import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { contactOutput, contactPath } from './fields';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a contact',
		description: 'Retrieve a contact',
		method: 'GET',
		url: '/contact',
		preSend: [contactPath()],
		output: { transform: contactOutput },
	}),
};
