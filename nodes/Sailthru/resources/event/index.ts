/** Custom events (POST /event) for Lifecycle Optimizer flows and triggers. */
import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';

export const eventResource: NodeResource = defineResource({
	name: 'Event',
	value: 'event',
	operations: [createOperation],
	defaultOperation: createOperation,
});
