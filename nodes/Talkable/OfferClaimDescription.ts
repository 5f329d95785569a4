import type { INodeProperties } from 'n8n-workflow';

import { requireEmail, showFor } from '../shared';
import { operation, single, type TalkableResource } from './common';
import { siteSlugInQuery } from './siteSlug';

const show = showFor('offerClaim');

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['offerClaim'] } },
		options: [
			operation({
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
		],
		default: 'create',
	},
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
];

export const offerClaimResource: TalkableResource = {
	option: { name: 'Offer Claim', value: 'offerClaim' },
	properties,
};
