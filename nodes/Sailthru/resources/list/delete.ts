/** List → Delete (DELETE /list): its users stay in Sailthru. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, oneRequired } from '../../lib/helpers';
import { operation } from '../../lib/operation';


export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a list',
		description: 'Delete a list (its users stay in Sailthru)',
		method: 'DELETE',
		url: '/list',
		retrySafe: true,
		preSend: [callParameters(oneRequired('list', 'list', 'List'))],
	}),
	fields: [
		{
			displayName: 'Deleting a list cannot be undone (its users are kept, their membership is lost)',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor('list')(['delete']),
		},
	],
};
