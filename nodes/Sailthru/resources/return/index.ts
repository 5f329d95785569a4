/** Returns (POST /return): returned items lower a user's lifetime value. Money in cents. */
import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';

/** Returns: adjust a user's lifetime value (not campaign revenue). */
export const returnResource: NodeResource = defineResource({
	name: 'Return',
	value: 'return',
	operations: [createOperation],
	defaultOperation: createOperation,
});
