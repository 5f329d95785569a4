import { defineResource, type NodeResource } from '../../../shared';
import { getAllOperation } from './getAll';

export const rewardResource: NodeResource = defineResource({
	name: 'Reward',
	value: 'reward',
	operations: [getAllOperation],
	defaultOperation: getAllOperation,
});
