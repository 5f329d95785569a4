/**
 * Lists (GET/POST/DELETE /list): read one or all, create or update, delete. Membership is
 * changed with User → Create or Update, or with import/update jobs.
 */
import { defineResource, type NodeResource } from '../../../shared';
import { deleteOperation } from './delete';
import { getAllOperation } from './getAll';
import { getOperation } from './get';
import { listName } from './locator';
import { upsertOperation } from './upsert';

export const listResource: NodeResource = defineResource({
	name: 'List',
	value: 'list',
	operations: [upsertOperation, deleteOperation, getOperation, getAllOperation],
	defaultOperation: getOperation,
	fields: [listName(['get', 'delete'], 'The list, by name')],
});
