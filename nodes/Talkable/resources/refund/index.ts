import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';

export const refundResource: NodeResource = defineResource({
	name: 'Refund',
	value: 'refund',
	operations: [createOperation],
	defaultOperation: createOperation,
});
