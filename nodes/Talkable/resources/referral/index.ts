import { defineResource, type NodeResource } from '../../../shared';
import { updateStatusOperation } from './updateStatus';

export const referralResource: NodeResource = defineResource({
	name: 'Referral',
	value: 'referral',
	operations: [updateStatusOperation],
	defaultOperation: updateStatusOperation,
});
