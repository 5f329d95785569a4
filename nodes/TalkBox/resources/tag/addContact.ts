import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { membershipPath, membershipResult } from './requests';

export const addContactOperation: ResourceOperation = {
	option: operation({
		name: 'Add Contact',
		value: 'addContact',
		action: 'Add a contact to a tag',
		description: 'Tag a contact',
		method: 'POST',
		url: '/tags',
		preSend: [membershipPath],
		output: { emptyBody: { success: true }, transform: membershipResult('added') },
	}),
};
