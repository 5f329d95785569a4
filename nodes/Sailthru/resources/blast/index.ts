/**
 * Campaigns (GET/POST/DELETE /blast): read one or many (by status, paged with limit/skip),
 * create (own content, from a template, or a copy of a blast), update, unschedule, delete.
 */
import { defineResource, showFor, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getAllOperation } from './getAll';
import { getOperation } from './get';
import { unscheduleOperation } from './unschedule';
import { updateOperation } from './update';
import { blastLocator } from './locator';

export const blastResource: NodeResource = defineResource({
	name: 'Blast',
	value: 'blast',
	operations: [
		createOperation,
		deleteOperation,
		getOperation,
		getAllOperation,
		unscheduleOperation,
		updateOperation,
	],
	defaultOperation: getOperation,
	fields: [
		blastLocator(showFor('blast')(['get', 'update', 'unschedule', 'delete'])),
	],
});
