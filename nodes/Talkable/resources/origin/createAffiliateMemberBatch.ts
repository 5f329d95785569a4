import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { batch } from './batch';
import { buildOrigin } from './data';

export const createAffiliateMemberBatchOperation: ResourceOperation = {
	option: operation({
		name: 'Create Affiliate Members (Batch)',
		value: 'createAffiliateMemberBatch',
		action: 'Create affiliate members in a batch',
		description: 'Send the input items as one batch of affiliate members (experimental, asynchronous)',
		method: 'POST',
		url: '/origins/batch/affiliate_members',
		preSend: [buildOrigin('AffiliateMember'), siteSlug],
		batch,
		retrySafe: false,
	}),
};
