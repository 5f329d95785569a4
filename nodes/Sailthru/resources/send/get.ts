/** Send → Get (GET /send): a send's status and times, and its view URL. */
import { type ResourceOperation } from '../../../shared';
import { callParameters, oneRequired } from '../../lib/helpers';
import { operation } from '../../lib/operation';


export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a send',
		description: 'Get the status and times of a send, and its view URL',
		method: 'GET',
		url: '/send',
		retrySafe: true,
		preSend: [callParameters(oneRequired('send_id', 'sendId', 'Send ID'))],
	}),
};
