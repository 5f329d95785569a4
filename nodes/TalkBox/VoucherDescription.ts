import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, idPath, integerId, isoDateQuery, listProperties, rawResponseProperty, showFor, text } from '../shared';
import { operation } from './operation';
import type { TalkBoxResource } from './types';

const show = showFor('voucher');

const voucherId = idPath('/vouchers/{0}', [{ parameter: 'voucherId', label: 'Voucher' }]);

const STATUS_OPTIONS = [
	{ name: 'After Valid Period', value: 'after_valid_period' },
	{ name: 'Before Valid Period', value: 'before_valid_period' },
	{ name: 'Redeemable', value: 'redeemable' },
	{ name: 'Redeemed', value: 'redeemed' },
];

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

/** `{redeemed: true, recipient_id?}`. */
async function buildRedeem(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const recipientId = text(this, 'recipientId');
	options.body = { redeemed: true, ...(recipientId ? { recipient_id: recipientId } : {}) };
	return options;
}

/** `/contacts/:id/vouchers` with an optional status. */
async function contactVouchers(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const contactId = text(this, 'contactId');
	if (!contactId) fail(this, 'Contact ID', 'a value is required but this item has none');
	options.url = `/contacts/${integerId(this, 'Contact ID', contactId)}/vouchers`;
	const status = text(this, 'status');
	if (status) options.qs = { ...(options.qs ?? {}), status };
	return options;
}

const voucherIdProperty: INodeProperties = {
	displayName: 'Voucher ID',
	name: 'voucherId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1 or Y8VS6XMZ',
	description: 'Numeric ID of the voucher, or for string vouchers its string ID',
	displayOptions: show(['get', 'redeem']),
};

export const voucherResource: TalkBoxResource = {
	option: { name: 'Voucher', value: 'voucher' },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['voucher'] } },
			options: [
				operation({
					name: 'Get',
					value: 'get',
					action: 'Get a voucher',
					description: 'Get a voucher by ID or string ID',
					method: 'GET',
					url: '/vouchers',
					preSend: [voucherId],
				}),
				operation({
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
				operation({
					name: 'Get Many for Contact',
					value: 'getAllForContact',
					action: 'Get many vouchers of a contact',
					description: 'Get all vouchers issued to one contact',
					method: 'GET',
					url: '/contacts',
					preSend: [contactVouchers],
					output: { split: true },
				}),
				operation({
					name: 'Redeem',
					value: 'redeem',
					action: 'Redeem a voucher',
					description: 'Mark a voucher as redeemed',
					method: 'PUT',
					url: '/vouchers',
					preSend: [voucherId, buildRedeem],
					// A PUT, but not repeatable: a second redemption fails ("already redeemed") even
					// when the first one worked and only its answer was lost.
					retrySafe: false,
				}),
			],
			default: 'getAll',
		},
		voucherIdProperty,
		{
			displayName: 'Redeeming cannot be undone: the voucher can no longer be used, and redeeming it again fails.',
			name: 'redeemNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['redeem']),
		},
		{
			displayName: 'Recipient ID',
			name: 'recipientId',
			type: 'string',
			default: '',
			placeholder: 'e.g. dMsECeXFa3zNrF4DUVq6Tw==',
			description: 'Recipient token of the voucher holder, when the redemption should name it (optional)',
			displayOptions: show(['redeem']),
		},
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
		{
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
		},
		...listProperties(show(['getAll', 'getAllForContact'])),
		rawResponseProperty(show(['getAll'])),
	],
};
