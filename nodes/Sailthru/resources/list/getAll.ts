/** List → Get Many (GET /list): every list of the account, one item per list. */
import { listProperties, rawResponseProperty, showFor, type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { operation } from '../../lib/operation';

const show = showFor('list');

export const getAllOperation: ResourceOperation = {
	option: operation({
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
	fields: [
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
	],
};
