/** Loyalty members: the member, its point balance and the actions that move it. */
import { defineResource, listProperties, rawResponseProperty, showFor, type NodeResource } from '../../../shared';
import { adjustPointsOperation } from './adjustPoints';
import { collectPointsOperation } from './collectPoints';
import { getOperation } from './get';
import { getAdjustmentActionsOperation } from './getAdjustmentActions';
import { getCollectActionsOperation } from './getCollectActions';
import { getRedeemActionsOperation } from './getRedeemActions';
import { getRedemptionBatchesOperation } from './getRedemptionBatches';
import { ALL_OPERATIONS, LIST_OPERATIONS } from './member';
import { redeemPointsOperation } from './redeemPoints';
import { updateOperation } from './update';

const show = showFor('loyaltyMember');

export const loyaltyMemberResource: NodeResource = defineResource({
	name: 'Loyalty Member',
	value: 'loyaltyMember',
	operations: [
		adjustPointsOperation,
		collectPointsOperation,
		getOperation,
		getAdjustmentActionsOperation,
		getCollectActionsOperation,
		getRedeemActionsOperation,
		getRedemptionBatchesOperation,
		redeemPointsOperation,
		updateOperation,
	],
	defaultOperation: getOperation,
	fields: [
		{
			displayName: 'Member Email',
			name: 'memberEmail',
			type: 'string',
			placeholder: 'name@email.com',
			required: true,
			default: '',
			description: 'Email of the loyalty member',
			displayOptions: show(ALL_OPERATIONS),
		},
		...listProperties(show(LIST_OPERATIONS)),
		rawResponseProperty(show(LIST_OPERATIONS)),
	],
});
