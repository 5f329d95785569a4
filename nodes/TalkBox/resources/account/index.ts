import { defineResource, type NodeResource } from '../../../shared';
import { getOperation } from './get';
import { updateOperation } from './update';

export const accountResource: NodeResource = defineResource({
	name: 'Account',
	value: 'account',
	operations: [getOperation, updateOperation],
	defaultOperation: getOperation,
});
