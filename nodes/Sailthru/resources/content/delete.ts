/** Content → Delete (DELETE /content): one item of the Content Library. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { identity } from './identity';
import { operation } from '../../lib/operation';


export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a content item',
		description: 'Delete one item from the Content Library',
		method: 'DELETE',
		url: '/content',
		retrySafe: true,
		preSend: [callParameters(identity)],
	}),
	fields: [
		{
			displayName:
				'Sailthru documents single-item deletion only as a bulk job; if your account refuses it, its error is shown as is',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor('content')(['delete']),
		},
	],
};
