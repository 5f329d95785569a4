import type { INodeProperties } from 'n8n-workflow';

import { defineResource, listProperties, showFor, type NodeResource } from '../../../shared';
import { getOperation } from './get';
import { filtersField, getAllOperation } from './getAll';
import { contactFields, getAllForContactOperation } from './getAllForContact';
import { redeemOperation } from './redeem';

const show = showFor('voucher');

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

export const voucherResource: NodeResource = defineResource({
	name: 'Voucher',
	value: 'voucher',
	operations: [getOperation, getAllOperation, getAllForContactOperation, redeemOperation],
	defaultOperation: getAllOperation,
	fields: [
		voucherIdProperty,
		...contactFields,
		filtersField,
		...listProperties(show(['getAll', 'getAllForContact'])),
	],
});
