import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { contactPath } from './fields';

export const sendResubscriptionSmsOperation: ResourceOperation = {
	option: operation({
		name: 'Send Resubscription SMS',
		value: 'sendResubscriptionSms',
		action: 'Send a resubscription SMS to a contact',
		description: 'Text an unsubscribed contact a link to resubscribe their mobile number',
		method: 'POST',
		url: '/contact',
		preSend: [contactPath('/send_resubscription_sms')],
	}),
};
