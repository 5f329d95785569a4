import { defineResource, showFor, type NodeResource } from '../../../shared';
import { checkPermissionOperation } from './checkPermission';
import { getOperation } from './get';

export const couponResource: NodeResource = defineResource({
	name: 'Coupon',
	value: 'coupon',
	operations: [checkPermissionOperation, getOperation],
	defaultOperation: getOperation,
	fields: [
		{
			displayName: 'Coupon Code',
			name: 'couponCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'COUPON_CODE_1',
			displayOptions: showFor('coupon')(['checkPermission', 'get']),
		},
	],
});
