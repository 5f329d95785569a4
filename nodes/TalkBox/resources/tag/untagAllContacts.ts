import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { tagPath } from './requests';

export const untagAllContactsOperation: ResourceOperation = {
	option: operation({
		name: 'Untag All Contacts',
		value: 'untagAllContacts',
		action: 'Untag all contacts from a tag',
		description: 'Remove every contact from a tag (the tag itself stays)',
		method: 'PUT',
		url: '/tags',
		preSend: [tagPath('/untag_contacts')],
		// Not resent after an answer that may mean it was applied: contacts tagged in the
		// meantime would be untagged too.
		retrySafe: false,
	}),
};
