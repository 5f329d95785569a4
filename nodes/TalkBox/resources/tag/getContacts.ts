import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { tagPath } from './requests';

export const getContactsOperation: ResourceOperation = {
	option: operation({
		name: 'Get Contacts',
		value: 'getContacts',
		action: 'Get the contacts in a tag',
		description: 'Retrieve the IDs of the contacts in a tag, one item per contact',
		method: 'GET',
		url: '/tags',
		preSend: [tagPath('/contacts')],
		output: { path: 'id', split: true, transform: (records) => records.map((record) => ({ id: record.value })) },
	}),
};
