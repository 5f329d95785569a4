/**
 * Origins: purchases, events and affiliate members (sign-ups), one at a time, in the generic
 * form, or in Talkable's (experimental, asynchronous) batches.
 */
import { defineResource, type NodeResource } from '../../../shared';
import { batchNoticeProperty, createOffersProperty } from './batch';
import { createOperation } from './create';
import { createAffiliateMemberOperation } from './createAffiliateMember';
import { createAffiliateMemberBatchOperation } from './createAffiliateMemberBatch';
import { createEventOperation } from './createEvent';
import { createEventBatchOperation } from './createEventBatch';
import { createPurchaseOperation } from './createPurchase';
import { createPurchaseBatchOperation } from './createPurchaseBatch';
import { originDataProperties } from './fields';

export const originResource: NodeResource = defineResource({
	name: 'Origin',
	value: 'origin',
	description: 'Purchases, events and affiliate members',
	operations: [
		createOperation,
		createAffiliateMemberOperation,
		createAffiliateMemberBatchOperation,
		createEventOperation,
		createEventBatchOperation,
		createPurchaseOperation,
		createPurchaseBatchOperation,
	],
	defaultOperation: createPurchaseOperation,
	// The data of each kind's single and batch operations; Create shows the same by its Type.
	fields: [batchNoticeProperty, ...originDataProperties, createOffersProperty],
});
