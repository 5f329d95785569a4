import { idPath, requiredText, showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

const permissionPath = idPath('/coupons/{0}/permission/{1}', [
	{ parameter: 'couponCode', label: 'Coupon Code' },
	{ parameter: 'personSlug', label: 'Person' },
]);

export const checkPermissionOperation: ResourceOperation = {
	option: operation({
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
	fields: [
		requiredText('Person', 'personSlug', 'customer@example.com', 'Email, phone number (E.164), customer ID or username of the person', showFor('coupon')(['checkPermission'])),
	],
};
