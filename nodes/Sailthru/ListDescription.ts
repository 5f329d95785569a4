/**
 * Lists (GET/POST/DELETE /list): read one or all, create or update, delete. Membership is
 * changed with User → Create or Update, or with import/update jobs.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { listProperties, operationFactory, rawResponseProperty, showFor } from '../shared';
import { callParameters, flag, jsonObject, nameLocator, optional, required } from './lib/helpers';
import { sailthru } from './profile';

const operation = operationFactory(sailthru);
const show = showFor('list');

const listName = (operations: string[], description: string) =>
	nameLocator({
		displayName: 'List',
		name: 'list',
		description,
		searchListMethod: 'searchLists',
		typedName: 'By Name',
		placeholder: 'e.g. Newsletter',
		displayOptions: show(operations),
	});

export const listOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['list'] } },
		options: [
			operation({
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
			operation({
				name: 'Delete',
				value: 'delete',
				action: 'Delete a list',
				description: 'Delete a list (its users stay in Sailthru)',
				method: 'DELETE',
				url: '/list',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return { list: required(this, read, 'list', 'List') };
				})],
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a list',
				description: 'Get a list’s details and user count',
				method: 'GET',
				url: '/list',
				retrySafe: true,
				preSend: [
					callParameters(function (read) {
						return {
							list: required(this, read, 'list', 'List'),
							fields: read('includeVars', false) === true ? { vars: 1 } : undefined,
						};
					}),
				],
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many lists',
				description: 'Get all lists of the account, one item per list',
				method: 'GET',
				url: '/list',
				retrySafe: true,
				preSend: [
					callParameters(function (read) {
						return { primary: read('primaryOnly', false) === true ? 1 : undefined };
					}),
				],
				output: { path: 'lists', split: true },
			}),
		],
		default: 'get',
	},
];

export const listFields: INodeProperties[] = [
	listName(['get', 'delete'], 'The list, by name'),
	{
		displayName: 'Deleting a list cannot be undone (its users are kept, their membership is lost)',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['delete']),
	},
	listName(['upsert'], 'The list to create or update, by name (pick an existing one or type a new name)'),
	{
		displayName: 'Include Vars',
		name: 'includeVars',
		type: 'boolean',
		default: false,
		description: 'Whether to return the list’s vars too',
		displayOptions: show(['get']),
	},
	{
		displayName: 'Primary Lists Only',
		name: 'primaryOnly',
		type: 'boolean',
		default: false,
		description: 'Whether to return only primary lists',
		displayOptions: show(['getAll']),
	},
	...listProperties(show(['getAll'])),
	rawResponseProperty(show(['getAll'])),
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
];
