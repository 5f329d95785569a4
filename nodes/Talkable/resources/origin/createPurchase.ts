import type { ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { buildOrigin } from './data';

export const createPurchaseOperation: ResourceOperation = {
	option: operation({
		name: 'Create Purchase',
		value: 'createPurchase',
		action: 'Create a purchase',
		description: 'Register a purchase: it can complete a referral and creates an advocate offer',
		method: 'POST',
		url: '/origins/purchase',
		preSend: [buildOrigin('Purchase'), siteSlug],
		output: single(),
		retrySafe: true,
	}),
};
