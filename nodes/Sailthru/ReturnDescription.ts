/** Returns (POST /return): returned items lower a user's lifetime value. Money in cents. */
import type { INodeProperties } from 'n8n-workflow';

import { operationFactory, showFor } from '../shared';
import { callParameters, required, singleEmail } from './lib/helpers';
import { itemProperties, itemsParameter } from './purchase/items';
import { sailthru } from './profile';

const operation = operationFactory(sailthru);

/** Returns: adjust a user's lifetime value (not campaign revenue). */
export const returnOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['return'] } },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Record a return',
				description: 'Record returned items: lowers the user’s lifetime value (campaign revenue is not changed)',
				method: 'POST',
				url: '/return',
				retrySafe: false,
				preSend: [
					callParameters(function (read) {
						return {
							email: singleEmail(this, 'Email', required(this, read, 'email', 'Email')),
							items: itemsParameter(this, read, 'return'),
						};
					}),
				],
			}),
		],
		default: 'create',
	},
];

export const returnFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: 'The buyer’s email address',
		displayOptions: showFor('return')(['create']),
	},
	...itemProperties('return', 'return'),
];
