import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { emailList, fail, setBodyPath, showFor, type ResourceOperation } from '../../../shared';
import { single, textList } from '../../lib/common';
import { operation } from '../../lib/operation';
import { offerPath } from '../../lib/shortUrlCode';
import { siteSlug } from '../../lib/siteSlug';

const show = showFor('share');

/** `recipients`: comma- or newline-separated emails, each checked, sent comma-separated. */
async function recipients(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const list = textList(this.getNodeParameter('recipients', ''));
	if (list.length === 0) fail(this, 'Recipients', 'enter at least one email address');
	setBodyPath(options, 'recipients', emailList(this, 'Recipients', list));
	return options;
}

export const createEmailOperation: ResourceOperation = {
	option: operation({
		name: 'Create Email Share',
		value: 'createEmail',
		action: 'Share an offer by email',
		description: 'Send the offer to friends by email on the advocate’s behalf',
		method: 'POST',
		url: '/offers',
		preSend: [offerPath('/shares/email'), recipients, siteSlug],
		output: single(),
		retrySafe: false,
	}),
	fields: [
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'string',
			required: true,
			default: '',
			typeOptions: { rows: 2 },
			placeholder: 'friend1@example.com, friend2@example.com',
			description: 'Email addresses of the friends, separated by commas or new lines',
			displayOptions: show(['createEmail']),
		},
		{
			displayName:
				'This sends real emails and is not retried after a failure (it may already have been sent). Turn on Validation Only for a dry run.',
			name: 'shareNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['createEmail']),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(['createEmail']),
			options: [
				{
					displayName: 'Body',
					name: 'body',
					type: 'string',
					default: '',
					typeOptions: { rows: 4 },
					description: 'Personal message from the advocate',
					routing: { send: { type: 'body', property: 'body' } },
				},
				{
					displayName: 'Reminder',
					name: 'reminder',
					type: 'boolean',
					default: false,
					description: 'Whether to send a reminder to friends who were already sent the offer',
					routing: { send: { type: 'body', property: 'reminder' } },
				},
				{
					displayName: 'Subject',
					name: 'subject',
					type: 'string',
					default: '',
					description: 'Subject of the email',
					routing: { send: { type: 'body', property: 'subject' } },
				},
				{
					displayName: 'Validation Only',
					name: 'validationOnly',
					type: 'boolean',
					default: false,
					description: 'Whether to only check the recipients (dry run): nothing is sent',
					routing: { send: { type: 'body', property: 'validation_only' } },
				},
			],
		},
	],
};
