import type { ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { buildOrigin } from './data';

export const createAffiliateMemberOperation: ResourceOperation = {
	option: operation({
		name: 'Create Affiliate Member',
		value: 'createAffiliateMember',
		action: 'Create an affiliate member',
		description: 'Register a sign-up (affiliate member origin) and create an advocate offer for it',
		method: 'POST',
		url: '/origins/affiliate_member',
		preSend: [buildOrigin('AffiliateMember'), siteSlug],
		output: single(),
		retrySafe: false,
	}),
};
