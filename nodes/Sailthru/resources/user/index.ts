/** Users (GET/POST /user): one profile, found by ID and Key. */
import { defineResource, type NodeResource } from '../../../shared';
import { getOperation } from './get';
import { upsertOperation } from './upsert';

export const userResource: NodeResource = defineResource({
	name: 'User',
	value: 'user',
	operations: [upsertOperation, getOperation],
	defaultOperation: getOperation,
	fields: [
		{
			displayName: 'ID',
			name: 'id',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'user@example.com',
			description: 'The value that identifies the user, of the key type chosen under Key (e.g. an email address)',
			displayOptions: { show: { resource: ['user'] } },
		},
	],
});
