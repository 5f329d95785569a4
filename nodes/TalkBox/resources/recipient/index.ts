import { defineResource, type NodeResource } from '../../../shared';
import { getCountsOperation } from './getCounts';

export const recipientResource: NodeResource = defineResource({
	name: 'Recipient',
	value: 'recipient',
	operations: [getCountsOperation],
	defaultOperation: getCountsOperation,
});
