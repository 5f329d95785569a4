import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { contactPath } from './fields';

export const sendResubscriptionEmailOperation: ResourceOperation = {
	option: operation({
		name: 'Send Resubscription Email',
		value: 'sendResubscriptionEmail',
		action: 'Send a resubscription email to a contact',
		description: 'Email an unsubscribed contact a link to resubscribe their email address',
		method: 'POST',
		url: '/contact',
		preSend: [contactPath('/send_resubscription_email')],
	}),
};
