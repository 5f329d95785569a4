/** Send → Cancel (DELETE /send): a scheduled send that has not gone out yet. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, oneRequired } from '../../lib/helpers';
import { operation } from '../../lib/operation';


export const cancelOperation: ResourceOperation = {
	option: operation({
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a scheduled send',
		description: 'Cancel a send that is scheduled and has not gone out yet',
		method: 'DELETE',
		url: '/send',
		retrySafe: true,
		preSend: [callParameters(oneRequired('send_id', 'sendId', 'Send ID'))],
	}),
	fields: [
		{
			displayName: 'Only a scheduled send can be cancelled: Sailthru refuses (HTTP 403) once it has gone out',
			name: 'cancelNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor('send')(['cancel']),
		},
	],
};
