import type { ResourceOperation } from '../../../shared';
import { contactBody } from '../../lib/contactBody';
import { operation } from '../../lib/operation';
import { contactFieldsProperty } from './fields';

/** Listed in the resource's fields: it comes before the Options Create or Update shows too. */
export const createContactFields = contactFieldsProperty('create', 'add');

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a contact',
		description: 'Create a contact (needs an email address or a mobile number)',
		method: 'POST',
		url: '/contact',
		preSend: [contactBody({ requireIdentity: true })],
	}),
};
