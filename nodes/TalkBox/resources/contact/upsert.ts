import type { INodeProperties } from 'n8n-workflow';

import { showFor, type ResourceOperation } from '../../../shared';
import { contactBody } from '../../lib/contactBody';
import { operation } from '../../lib/operation';
import { contactFieldsProperty, DUPLICATE_RULE } from './fields';

const show = showFor('contact');

/** Listed in the resource's fields: they come before the Options Create shows too. */
export const upsertFields: INodeProperties[] = [
	{
		displayName: DUPLICATE_RULE,
		name: 'upsertNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['upsert']),
	},
	contactFieldsProperty('upsert', 'add'),
];

export const upsertOperation: ResourceOperation = {
	option: operation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a contact',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		method: 'POST',
		url: '/contact/create_or_update',
		preSend: [contactBody({ requireIdentity: true })],
		// An upsert keyed on email or mobile: sending it again changes nothing more.
		retrySafe: true,
	}),
};
