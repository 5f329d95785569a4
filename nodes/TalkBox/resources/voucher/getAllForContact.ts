import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, integerId, showFor, text, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { STATUS_OPTIONS } from './status';

const show = showFor('voucher');

/** `/contacts/:id/vouchers` with an optional status. */
async function contactVouchers(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const contactId = text(this, 'contactId');
	if (!contactId) fail(this, 'Contact ID', 'a value is required but this item has none');
	options.url = `/contacts/${integerId(this, 'Contact ID', contactId)}/vouchers`;
	const status = text(this, 'status');
	if (status) options.qs = { ...(options.qs ?? {}), status };
	return options;
}

/** Listed in the resource's fields: they come before the list fields Get Many shows too. */
export const contactFields: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 123',
		displayOptions: show(['getAllForContact']),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		default: '',
		displayOptions: show(['getAllForContact']),
		options: [{ name: 'Any', value: '' }, ...STATUS_OPTIONS],
	},
];

export const getAllForContactOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many for Contact',
		value: 'getAllForContact',
		action: 'Get many vouchers of a contact',
		description: 'Get all vouchers issued to one contact',
		method: 'GET',
		url: '/contacts',
		preSend: [contactVouchers],
		output: { split: true },
	}),
};
