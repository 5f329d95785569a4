import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { sectionLocator } from './path';
import { updateOperation } from './update';

export const sectionResource: NodeResource = defineResource({
	name: 'Section',
	value: 'section',
	operations: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
	defaultOperation: getAllOperation,
	fields: [sectionLocator],
});
