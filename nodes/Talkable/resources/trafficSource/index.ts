import { defineResource, type NodeResource } from '../../../shared';
import { getAllOperation } from './getAll';

export const trafficSourceResource: NodeResource = defineResource({
	name: 'Traffic Source',
	value: 'trafficSource',
	operations: [getAllOperation],
	defaultOperation: getAllOperation,
});
