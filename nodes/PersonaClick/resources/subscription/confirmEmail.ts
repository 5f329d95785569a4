import { requireEmail, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

/** Its Email field is the resource's (index.ts), shared with Report Event. */
export const confirmEmailOperation: ResourceOperation = {
	option: operation({
		name: 'Send Confirmation Email',
		value: 'confirmEmail',
		action: 'Send a double opt-in confirmation email',
		description: 'Trigger the "Subscribed" event so PersonaClick sends its double opt-in email to the address',
		method: 'POST',
		url: '/subscriptions/confirm_email',
		preSend: [requireEmail('email', 'Email')],
	}),
};
