import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { batch } from './batch';
import { buildOrigin } from './data';

export const createEventBatchOperation: ResourceOperation = {
	option: operation({
		name: 'Create Events (Batch)',
		value: 'createEventBatch',
		action: 'Create events in a batch',
		description: 'Send the input items as one batch of events (experimental, asynchronous)',
		method: 'POST',
		url: '/origins/batch/events',
		preSend: [buildOrigin('Event'), siteSlug],
		batch,
		retrySafe: true,
	}),
};
