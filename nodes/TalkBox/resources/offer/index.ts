import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { offerLocator } from './path';
import { updateOperation } from './update';

export const offerResource: NodeResource = defineResource({
	name: 'Offer',
	value: 'offer',
	operations: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
	defaultOperation: getAllOperation,
	fields: [offerLocator],
});
