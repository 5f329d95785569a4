/** Template → Delete (DELETE /template). */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, oneRequired } from '../../lib/helpers';
import { operation } from '../../lib/operation';


export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a template',
		description: 'Delete a template',
		method: 'DELETE',
		url: '/template',
		retrySafe: true,
		preSend: [callParameters(oneRequired('template', 'template', 'Template'))],
	}),
	fields: [
		{
			displayName: 'Deleting a template cannot be undone; sends that use it will fail',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor('template')(['delete']),
		},
	],
};
