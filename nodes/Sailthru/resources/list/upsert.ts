/** List → Create or Update (POST /list): a normal or smart list, by name. */
import type { IDataObject } from 'n8n-workflow';

import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, flag, jsonObject, optional, required } from '../../lib/helpers';
import { listName } from './locator';
import { operation } from '../../lib/operation';

const show = showFor('list');

export const upsertOperation: ResourceOperation = {
	option: operation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a list',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		method: 'POST',
		url: '/list',
		retrySafe: true,
		preSend: [
			callParameters(function (read) {
				const extra = (read('additionalFields', {}) as IDataObject) ?? {};
				return {
					list: required(this, read, 'list', 'List'),
					type: optional(extra.type),
					primary: extra.primary === undefined ? undefined : flag(extra.primary),
					query: jsonObject(this, 'Smart List Query', extra.query),
					vars: jsonObject(this, 'Vars', extra.vars),
				};
			}),
		],
	}),
	fields: [
		listName(['upsert'], 'The list to create or update, by name (pick an existing one or type a new name)'),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(['upsert']),
			options: [
				{
					displayName: 'Primary',
					name: 'primary',
					type: 'boolean',
					default: true,
					description: 'Whether the list is a primary list (counted in list stats)',
				},
				{
					displayName: 'Smart List Query (JSON)',
					name: 'query',
					type: 'json',
					default: '{}',
					description: 'The criteria of a smart list, as Sailthru’s query object',
				},
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					default: 'normal',
					options: [
						{ name: 'Normal', value: 'normal', description: 'Users are added and removed explicitly' },
						{ name: 'Smart', value: 'smart', description: 'Users are those matching the query' },
					],
				},
				{ displayName: 'Vars (JSON)', name: 'vars', type: 'json', default: '{}', description: 'List vars, e.g. {"owner": "marketing"}' },
			],
		},
	],
};
