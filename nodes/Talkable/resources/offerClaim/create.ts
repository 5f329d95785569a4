import { requireEmail, showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlugInQuery } from '../../lib/siteSlug';

const show = showFor('offerClaim');

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Share and claim an offer',
		description:
			'Share the advocate’s offer with a friend and claim it for the friend in one step. A friend reward that is not given (friend_unredeem_reason, e.g. SELF_REFERRAL) is output as data.',
		method: 'POST',
		url: '/offer_claims',
		preSend: [
			requireEmail('advocateEmail', 'Advocate Email'),
			requireEmail('friendEmail', 'Friend Email'),
			siteSlugInQuery,
		],
		output: single(),
		retrySafe: false,
	}),
	fields: [
		{
			displayName: 'Advocate Email',
			name: 'advocateEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Email of the person who shares the offer',
			displayOptions: show(['create']),
			routing: { send: { type: 'query', property: 'advocate_email' } },
		},
		{
			displayName: 'Friend Email',
			name: 'friendEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Email of the friend who claims it',
			displayOptions: show(['create']),
			routing: { send: { type: 'query', property: 'friend_email' } },
		},
	],
};
