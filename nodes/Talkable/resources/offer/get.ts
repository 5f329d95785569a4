import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionProperty, type ResourceOperation, showFor } from '../../../shared';
import { single, textList } from '../../lib/common';
import { operation } from '../../lib/operation';
import { offerPath } from '../../lib/shortUrlCode';
import { siteSlug } from '../../lib/siteSlug';

/** `sharing_channels[]=…` repeated, one per channel. */
async function sharingChannels(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const channels = textList(this.getNodeParameter('additionalFields.sharingChannels', ''));
	if (channels.length) {
		options.qs = { ...(options.qs ?? {}), sharing_channels: channels };
		options.arrayFormat = 'brackets';
	}
	return options;
}

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get an advocate offer',
		description: 'Retrieve an advocate offer, with claim links for the sharing channels you name',
		method: 'GET',
		url: '/offers',
		preSend: [offerPath(), sharingChannels, siteSlug],
		output: single('offer', ['claim_links']),
	}),
	fields: [
		collectionProperty('Additional Fields', 'additionalFields', 'Add Field', showFor('offer')(['get']), [
			{
				displayName: 'Sharing Channels',
				name: 'sharingChannels',
				type: 'string',
				default: '',
				placeholder: 'facebook, custom',
				description:
					'Comma-separated channels to build claim links for (facebook, twitter, linkedin, sms, other or a custom name; not email)',
			},
		]),
	],
};
