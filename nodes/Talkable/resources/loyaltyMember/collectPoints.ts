import { requireValue, showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { memberPath } from './member';

/** Also shows Additional Fields (Traffic Source) and the points notice (points.ts). */
export const collectPointsOperation: ResourceOperation = {
	option: operation({
		name: 'Collect Points',
		value: 'collectPoints',
		action: 'Award points to a loyalty member for an action',
		description: 'Award the points configured for an action identifier',
		method: 'POST',
		url: '/loyalty/members',
		preSend: [memberPath('/collect_actions'), requireValue('actionType', 'Action Identifier'), siteSlug],
		output: single(),
		retrySafe: false,
	}),
	fields: [
		{
			displayName: 'Action Identifier',
			name: 'actionType',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'newsletter_signup',
			description: 'The identifier of an action configured in the loyalty campaign',
			displayOptions: showFor('loyaltyMember')(['collectPoints']),
			routing: { send: { type: 'body', property: 'data.type' } },
		},
	],
};
