import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';

export const visitorResource: NodeResource = defineResource({
	name: 'Visitor',
	value: 'visitor',
	operations: [createOperation],
	defaultOperation: createOperation,
});
