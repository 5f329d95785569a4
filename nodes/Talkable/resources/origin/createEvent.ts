import type { ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { buildOrigin } from './data';

export const createEventOperation: ResourceOperation = {
	option: operation({
		name: 'Create Event',
		value: 'createEvent',
		action: 'Create an event',
		description: 'Register an event (e.g. a subscription) and create an advocate offer for it',
		method: 'POST',
		url: '/origins/event',
		preSend: [buildOrigin('Event'), siteSlug],
		output: single(),
		retrySafe: true,
	}),
};
