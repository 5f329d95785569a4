import { defineResource, type NodeResource } from '../../../shared';
import { getAllOperation } from './getAll';

export const subscriptionResource: NodeResource = defineResource({
	name: 'Subscription',
	value: 'subscription',
	operations: [getAllOperation],
	defaultOperation: getAllOperation,
});
