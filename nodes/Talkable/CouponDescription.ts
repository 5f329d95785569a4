import type { INodeProperties } from 'n8n-workflow';

import { idPath, showFor } from '../shared';
import { operation, single, type TalkableResource } from './common';
import { siteSlug } from './siteSlug';

const show = showFor('coupon');

const couponPath = idPath('/coupons/{0}', [{ parameter: 'couponCode', label: 'Coupon Code' }]);
const permissionPath = idPath('/coupons/{0}/permission/{1}', [
	{ parameter: 'couponCode', label: 'Coupon Code' },
	{ parameter: 'personSlug', label: 'Person' },
]);

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['coupon'] } },
		options: [
			operation({
				name: 'Check Permission',
				value: 'checkPermission',
				action: 'Check whether a person may use a coupon',
				description:
					'Check that a coupon belongs to a person. A coupon that is not allowed is output as data (allowed: false, error_message, checks), not as an error.',
				method: 'GET',
				url: '/coupons',
				preSend: [permissionPath, siteSlug],
				output: single(),
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a coupon',
				description: 'Retrieve a coupon and the reward it belongs to',
				method: 'GET',
				url: '/coupons',
				preSend: [couponPath, siteSlug],
				output: single(),
			}),
		],
		default: 'get',
	},
	{
		displayName: 'Coupon Code',
		name: 'couponCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'COUPON_CODE_1',
		displayOptions: show(['checkPermission', 'get']),
	},
	{
		displayName: 'Person',
		name: 'personSlug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'customer@example.com',
		description: 'Email, phone number (E.164), customer ID or username of the person',
		displayOptions: show(['checkPermission']),
	},
];

export const couponResource: TalkableResource = {
	option: { name: 'Coupon', value: 'coupon' },
	properties,
};
