import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { personOutput, personPath } from './person';

export const unsubscribeOperation: ResourceOperation = {
	option: operation({
		name: 'Unsubscribe',
		value: 'unsubscribe',
		action: 'Unsubscribe a person from emails',
		description: 'Stop Talkable emails to a person',
		method: 'POST',
		url: '/people',
		preSend: [personPath('/unsubscribe'), siteSlug],
		output: personOutput,
	}),
};
