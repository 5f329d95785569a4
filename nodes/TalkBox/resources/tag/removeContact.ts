import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { membershipPath, membershipResult } from './requests';

export const removeContactOperation: ResourceOperation = {
	option: operation({
		name: 'Remove Contact',
		value: 'removeContact',
		action: 'Remove a contact from a tag',
		description: 'Untag a contact',
		method: 'DELETE',
		url: '/tags',
		preSend: [membershipPath],
		output: { emptyBody: { success: true }, transform: membershipResult('removed') },
	}),
};
