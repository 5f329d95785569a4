import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { idPath, showFor } from '../shared';
import { operation, single, textList, type TalkableResource } from './common';
import { siteSlug } from './siteSlug';

const show = showFor('offer');

export const offerPath = (suffix = '') =>
	idPath(`/offers/{0}${suffix}`, [{ parameter: 'shortUrlCode', label: 'Offer Short URL Code' }]);

/** Advocate offer code parameter, shared with the Share resource. */
export const shortUrlCodeProperty = (operations: string[], resource: string): INodeProperties => ({
	displayName: 'Offer Short URL Code',
	name: 'shortUrlCode',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'mwCn1l',
	description: 'The short_url_code of the advocate offer (returned by Create Purchase and the other origin creates)',
	displayOptions: showFor(resource)(operations),
});

/** `sharing_channels[]=…` repeated, one per channel. */
async function sharingChannels(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const channels = textList(this.getNodeParameter('additionalFields.sharingChannels', ''));
	if (channels.length) {
		options.qs = { ...(options.qs ?? {}), sharing_channels: channels };
		options.arrayFormat = 'brackets';
	}
	return options;
}

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['offer'] } },
		options: [
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get an advocate offer',
				description: 'Retrieve an advocate offer, with claim links for the sharing channels you name',
				method: 'GET',
				url: '/offers',
				preSend: [offerPath(), sharingChannels, siteSlug],
				output: single('offer', ['claim_links']),
			}),
			operation({
				name: 'Get Claim URL Status',
				value: 'getClaimUrlStatus',
				action: 'Get the status of an offer claim URL',
				description: 'Check whether an offer’s claim link is still active',
				method: 'GET',
				url: '/offers',
				preSend: [offerPath('/claim_url_status'), siteSlug],
				output: single(),
			}),
		],
		default: 'get',
	},
	shortUrlCodeProperty(['get', 'getClaimUrlStatus'], 'offer'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['get']),
		options: [
			{
				displayName: 'Sharing Channels',
				name: 'sharingChannels',
				type: 'string',
				default: '',
				placeholder: 'facebook, custom',
				description:
					'Comma-separated channels to build claim links for (facebook, twitter, linkedin, sms, other or a custom name; not email)',
			},
		],
	},
	{
		displayName: 'Claim URL',
		name: 'claimUrl',
		type: 'string',
		default: '',
		placeholder: 'https://share.my-store.com/x/Q9wV8X',
		description: 'The claim link to check (optional)',
		displayOptions: show(['getClaimUrlStatus']),
		routing: { send: { type: 'query', property: 'claim_url' } },
	},
];

export const offerResource: TalkableResource = {
	option: { name: 'Offer', value: 'offer', description: 'Advocate offers' },
	properties,
};
