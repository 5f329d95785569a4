/** Users (GET/POST /user): one profile, found by ID and Key. */
import { defineResource, requiredText, type NodeResource } from '../../../shared';
import { getOperation } from './get';
import { upsertOperation } from './upsert';

export const userResource: NodeResource = defineResource({
	name: 'User',
	value: 'user',
	operations: [upsertOperation, getOperation],
	defaultOperation: getOperation,
	fields: [
		requiredText('ID', 'id', 'user@example.com', 'The value that identifies the user, of the key type chosen under Key (e.g. an email address)', { show: { resource: ['user'] } }),
	],
});
