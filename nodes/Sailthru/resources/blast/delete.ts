/** Blast → Delete (DELETE /blast): a campaign that has not started sending. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { blastIdOnly } from './id';
import { operation } from '../../lib/operation';


export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a blast',
		description: 'Delete a campaign that has not started sending',
		method: 'DELETE',
		url: '/blast',
		retrySafe: true,
		preSend: [callParameters(blastIdOnly)],
	}),
	fields: [
		{
			displayName: 'Sailthru refuses (HTTP 403) to delete a blast that has started sending',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor('blast')(['delete']),
		},
	],
};
