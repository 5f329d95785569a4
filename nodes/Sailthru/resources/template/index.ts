/**
 * Templates (GET/POST/DELETE /template): read one (by name or revision) or all, create or
 * update (only the fields given change), delete.
 */
import { defineResource, showFor, type NodeResource } from '../../../shared';
import { deleteOperation } from './delete';
import { getAllOperation } from './getAll';
import { getOperation } from './get';
import { templateLocator } from './locator';
import { upsertOperation } from './upsert';

export const templateResource: NodeResource = defineResource({
	name: 'Template',
	value: 'template',
	operations: [upsertOperation, deleteOperation, getOperation, getAllOperation],
	defaultOperation: getOperation,
	fields: [
		templateLocator(
			'The template, by name (pick one to update or type a new name)',
			showFor('template')(['upsert', 'delete']),
		),
	],
});
