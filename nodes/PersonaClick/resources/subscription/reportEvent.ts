import { requireEmail, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('subscription');

/** Its Email field is the resource's (index.ts), shared with Send Confirmation Email. */
export const reportEventOperation: ResourceOperation = {
	option: operation({
		name: 'Report Event',
		value: 'reportEvent',
		action: 'Report an email event',
		description:
			'Mark an email as hard bounced, complained, blacklisted or unsubscribed from all campaigns. Hard Bounced permanently removes the email from PersonaClick.',
		method: 'POST',
		url: '/subscriptions/callback',
		preSend: [requireEmail('email', 'Email')],
	}),
	fields: [
		{
			displayName: 'Event',
			name: 'event',
			type: 'options',
			options: [
				{
					name: 'Blacklisted',
					value: 'blacklisted',
					description: 'Put the email on the blacklist',
				},
				{
					name: 'Complained',
					value: 'complained',
					description: 'The recipient marked a message as spam (feedback loop report)',
				},
				{
					name: 'Hard Bounced',
					value: 'hard_bounced',
					description:
						'PERMANENTLY removes the email from PersonaClick. Only for hard bounces, never for soft bounces.',
				},
				{
					name: 'Unsubscribed',
					value: 'unsubscribed',
					description: 'Unsubscribe the email from all campaigns',
				},
			],
			default: 'unsubscribed',
			description:
				'What happened to the email. Hard Bounced permanently removes the email from the PersonaClick database: use it only for hard bounces.',
			displayOptions: show(['reportEvent']),
			routing: { send: { type: 'body', property: 'event' } },
		},
		{
			displayName:
				'Hard Bounced permanently removes the email from the PersonaClick database. Report it only for hard bounces, never for soft bounces: it cannot be undone.',
			name: 'hardBounceNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['reportEvent']),
		},
	],
};
