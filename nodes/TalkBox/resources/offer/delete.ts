import { showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { offerId } from './path';

const show = showFor('offer');

export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete an offer',
		description: 'Delete an offer',
		method: 'DELETE',
		url: '/offers',
		preSend: [offerId],
	}),
	fields: [
		{
			displayName:
				'Deleting an offer cannot be undone. Consider archiving it instead (Update → Archived), which keeps its vouchers and statistics.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
	],
};
