import { defineResource, type NodeResource } from '../../../shared';
import { trackVisitOperation } from './trackVisit';

export const visitorOfferResource: NodeResource = defineResource({
	name: 'Visitor Offer',
	value: 'visitorOffer',
	description: 'Friend offers',
	operations: [trackVisitOperation],
	defaultOperation: trackVisitOperation,
});
