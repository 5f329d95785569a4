import { showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { offerPath } from '../../lib/shortUrlCode';
import { siteSlug } from '../../lib/siteSlug';

export const getClaimUrlStatusOperation: ResourceOperation = {
	option: operation({
		name: 'Get Claim URL Status',
		value: 'getClaimUrlStatus',
		action: 'Get the status of an offer claim URL',
		description: 'Check whether an offer’s claim link is still active',
		method: 'GET',
		url: '/offers',
		preSend: [offerPath('/claim_url_status'), siteSlug],
		output: single(),
	}),
	fields: [
		{
			displayName: 'Claim URL',
			name: 'claimUrl',
			type: 'string',
			default: '',
			placeholder: 'https://share.my-store.com/x/Q9wV8X',
			description: 'The claim link to check (optional)',
			displayOptions: showFor('offer')(['getClaimUrlStatus']),
			routing: { send: { type: 'query', property: 'claim_url' } },
		},
	],
};
