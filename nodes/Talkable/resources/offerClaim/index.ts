import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';

export const offerClaimResource: NodeResource = defineResource({
	name: 'Offer Claim',
	value: 'offerClaim',
	operations: [createOperation],
	defaultOperation: createOperation,
});
