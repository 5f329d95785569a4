import { idPath, showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlugInQuery } from '../../lib/siteSlug';

export const trackVisitOperation: ResourceOperation = {
	option: operation({
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
	fields: [
		{
			displayName: 'Visitor Offer ID',
			name: 'visitorOfferId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '42',
			description: 'Numeric ID of the friend’s visitor offer',
			displayOptions: showFor('visitorOffer')(['trackVisit']),
		},
	],
};
