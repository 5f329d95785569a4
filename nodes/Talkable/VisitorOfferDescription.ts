import type { INodeProperties } from 'n8n-workflow';

import { idPath, showFor } from '../shared';
import { operation, single, type TalkableResource } from './common';
import { siteSlugInQuery } from './siteSlug';

const show = showFor('visitorOffer');

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['visitorOffer'] } },
		options: [
			operation({
				name: 'Track Visit',
				value: 'trackVisit',
				action: 'Mark a friend offer as visited',
				description: 'Record that the friend visited the offer (outputs success)',
				method: 'PUT',
				url: '/visitor_offers',
				preSend: [
					idPath('/visitor_offers/{0}/track_visit', [{ parameter: 'visitorOfferId', label: 'Visitor Offer ID', numeric: true }]),
					siteSlugInQuery,
				],
				output: single(),
			}),
		],
		default: 'trackVisit',
	},
	{
		displayName: 'Visitor Offer ID',
		name: 'visitorOfferId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '42',
		description: 'Numeric ID of the friend’s visitor offer',
		displayOptions: show(['trackVisit']),
	},
];

export const visitorOfferResource: TalkableResource = {
	option: { name: 'Visitor Offer', value: 'visitorOffer', description: 'Friend offers' },
	properties,
};
