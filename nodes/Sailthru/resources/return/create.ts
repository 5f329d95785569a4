/** Return → Create (POST /return): returned items lower a user's lifetime value (not campaign revenue). */
import { requiredText, showFor, type ResourceOperation } from '../../../shared';
import { callParameters, required, singleEmail } from '../../lib/helpers';
import { itemProperties, itemsParameter } from '../purchase/items';
import { operation } from '../../lib/operation';


export const createOperation: ResourceOperation = {
	option: operation({
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
	fields: [
		requiredText('Email', 'email', 'name@email.com', 'The buyer’s email address', showFor('return')(['create'])),
		...itemProperties('return', 'return'),
	],
};
