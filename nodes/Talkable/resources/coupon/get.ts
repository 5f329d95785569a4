import { idPath, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

const couponPath = idPath('/coupons/{0}', [{ parameter: 'couponCode', label: 'Coupon Code' }]);

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a coupon',
		description: 'Retrieve a coupon and the reward it belongs to',
		method: 'GET',
		url: '/coupons',
		preSend: [couponPath, siteSlug],
		output: single(),
	}),
};
