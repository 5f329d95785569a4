import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { batch } from './batch';
import { buildOrigin } from './data';

export const createPurchaseBatchOperation: ResourceOperation = {
	option: operation({
		name: 'Create Purchases (Batch)',
		value: 'createPurchaseBatch',
		action: 'Create purchases in a batch',
		description: 'Send the input items as one batch of purchases (experimental, asynchronous)',
		method: 'POST',
		url: '/origins/batch/purchases',
		preSend: [buildOrigin('Purchase'), siteSlug],
		batch,
		retrySafe: true,
	}),
};
