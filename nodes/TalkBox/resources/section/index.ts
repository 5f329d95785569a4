import { defineResource, idLocator, showFor, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { updateOperation } from './update';

const show = showFor('section');

export const sectionResource: NodeResource = defineResource({
	name: 'Section',
	value: 'section',
	operations: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
	defaultOperation: getAllOperation,
	fields: [
		idLocator({
			displayName: 'Section',
			name: 'sectionId',
			description: 'The section to get, change or delete',
			searchListMethod: 'searchSections',
			displayOptions: show(['get', 'update', 'delete']),
		}),
	],
});
