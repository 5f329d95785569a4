import { defineResource, type NodeResource } from '../../../shared';
import { getAllOperation } from './getAll';

export const subscriptionResource: NodeResource = defineResource({
	// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-get-many -- the resource's name: the rule takes `default: 'getAll'` below for an option value
	name: 'Subscription',
	value: 'subscription',
	operations: [getAllOperation],
	default: 'getAll',
});
