/**
 * Jobs (POST/GET /job): bulk imports and updates (from a file, a URL, emails or a query),
 * purchase and content imports, exports. Optionally waits until the job has finished.
 */
import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { getOperation } from './get';

export const jobResource: NodeResource = defineResource({
	name: 'Job',
	value: 'job',
	operations: [createOperation, getOperation],
	defaultOperation: createOperation,
});
