/** List → Get (GET /list): a list's details and user count. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, required } from '../../lib/helpers';
import { operation } from '../../lib/operation';


export const getOperation: ResourceOperation = {
	option: operation({
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
	fields: [
		{
			displayName: 'Include Vars',
			name: 'includeVars',
			type: 'boolean',
			default: false,
			description: 'Whether to return the list’s vars too',
			displayOptions: showFor('list')(['get']),
		},
	],
};
