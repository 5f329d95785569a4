/**
 * Purchases: POST /purchase (completed orders and cart updates) and GET /purchase. Money is
 * integer cents everywhere.
 */
import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { getOperation } from './get';

export const purchaseResource: NodeResource = defineResource({
	name: 'Purchase',
	value: 'purchase',
	operations: [createOperation, getOperation],
	defaultOperation: createOperation,
});
