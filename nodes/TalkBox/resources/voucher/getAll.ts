import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { integerId, isoDateQuery, rawResponseProperty, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { STATUS_OPTIONS } from './status';

const show = showFor('voucher');

const DATE_FILTERS = [
	{ parameter: 'filters.issuedAfter', key: 'issued_after', label: 'Issued After' },
	{ parameter: 'filters.issuedBefore', key: 'issued_before', label: 'Issued Before' },
	{ parameter: 'filters.redeemedAfter', key: 'redeemed_after', label: 'Redeemed After' },
	{ parameter: 'filters.redeemedBefore', key: 'redeemed_before', label: 'Redeemed Before' },
];

/** The contact filters and status of Get Many (dates are added by isoDateQuery). */
async function voucherFilters(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const qs: IDataObject = { ...(options.qs ?? {}) };
	if (filters.contactId !== undefined && String(filters.contactId).trim() !== '') {
		qs.contact_id = integerId(this, 'Contact ID', String(filters.contactId).trim());
	}
	for (const [name, key] of [
		['externalIdentifier', 'external_identifier'],
		['email', 'email'],
		['mobileNumber', 'mobile_number'],
		['status', 'status'],
	] as const) {
		const value = filters[name] === undefined ? '' : String(filters[name]).trim();
		if (value !== '') qs[key] = value;
	}
	options.qs = qs;
	return options;
}

/** Listed in the resource's fields: it comes before the list fields Get Many for Contact shows too. */
export const filtersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	description:
		'Contact filters find the contact first: when no contact matches, no vouchers are returned. Without contact filters, vouchers of all contacts are returned.',
	displayOptions: show(['getAll']),
	options: [
		{
			displayName: 'Contact Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
		},
		{
			displayName: 'Contact External Identifier',
			name: 'externalIdentifier',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Contact Mobile Number',
			name: 'mobileNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. 61466333222',
		},
		{
			displayName: 'Issued After',
			name: 'issuedAfter',
			type: 'dateTime',
			default: '',
		},
		{
			displayName: 'Issued Before',
			name: 'issuedBefore',
			type: 'dateTime',
			default: '',
		},
		{
			displayName: 'Redeemed After',
			name: 'redeemedAfter',
			type: 'dateTime',
			default: '',
		},
		{
			displayName: 'Redeemed Before',
			name: 'redeemedBefore',
			type: 'dateTime',
			default: '',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'redeemable',
			options: STATUS_OPTIONS,
		},
	],
};

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many vouchers',
		description: 'Find vouchers by contact, status and issue or redemption date',
		method: 'GET',
		url: '/vouchers',
		preSend: [voucherFilters, isoDateQuery(DATE_FILTERS)],
		output: { split: true },
		pagination: { type: 'page', positionParam: 'page', sizeParam: 'per_page', pageSize: 50 },
	}),
	fields: [rawResponseProperty(show(['getAll']))],
};
