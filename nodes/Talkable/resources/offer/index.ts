import { defineResource, type NodeResource } from '../../../shared';
import { shortUrlCodeProperty } from '../../lib/shortUrlCode';
import { getOperation } from './get';
import { getClaimUrlStatusOperation } from './getClaimUrlStatus';

export const offerResource: NodeResource = defineResource({
	name: 'Offer',
	value: 'offer',
	description: 'Advocate offers',
	operations: [getOperation, getClaimUrlStatusOperation],
	defaultOperation: getOperation,
	fields: [shortUrlCodeProperty(['get', 'getClaimUrlStatus'], 'offer')],
});
