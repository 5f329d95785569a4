import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { sectionId } from './path';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a section',
		description: 'Get a section with its structure',
		method: 'GET',
		url: '/sections',
		preSend: [sectionId],
	}),
};
