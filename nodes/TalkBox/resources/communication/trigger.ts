import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { emailList, fail, idList, idPath, list, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('communication');

/** The trigger body: exactly one kind of recipients, and `test` only with email addresses. */
async function buildTrigger(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const body: IDataObject = {};
	const recipients = this.getNodeParameter('triggerRecipients', 'contactIds') as string;
	const test = this.getNodeParameter('test', false) as boolean;
	switch (recipients) {
		case 'contactIds':
			body.contact_ids = idList(this, 'Contact IDs', this.getNodeParameter('contactIds', ''));
			break;
		case 'recipientDetails':
			body.recipient_details = emailList(this, 'Email Addresses', this.getNodeParameter('recipientDetails', ''));
			break;
		case 'externalIdentifiers': {
			const identifiers = list(this.getNodeParameter('externalIdentifiers', ''));
			if (identifiers.length === 0) fail(this, 'External Identifiers', 'enter at least one external identifier');
			body.external_identifiers = identifiers.join(',');
			break;
		}
		default:
			fail(this, 'Recipients', `unknown value "${recipients}"`);
	}
	if (test) {
		if (recipients !== 'recipientDetails') {
			fail(this, 'Test', 'a test send goes to email addresses: set Recipients to Email Addresses');
		}
		body.test = true;
	}
	options.body = body;
	return options;
}

export const triggerOperation: ResourceOperation = {
	option: operation({
		name: 'Trigger',
		value: 'trigger',
		action: 'Trigger a communication from a promotion',
		description: 'Send an API-triggered promotion now to the given recipients',
		method: 'POST',
		url: '/promotions',
		preSend: [
			idPath('/promotions/{0}/communications', [{ parameter: 'promotionIdentifier', label: 'Promotion' }]),
			buildTrigger,
		],
	}),
	fields: [
		{
			displayName: 'Promotion ID or System Name',
			name: 'promotionIdentifier',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 10123456 or welcome_offer',
			description:
				'ID or system name of an API-triggered promotion (TalkBox → Automated → API triggered); it must be enabled',
			displayOptions: show(['trigger']),
		},
		{
			displayName: 'Triggering sends the promotion to these recipients straight away; a send cannot be recalled.',
			name: 'triggerNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['trigger']),
		},
		{
			displayName: 'Recipients',
			name: 'triggerRecipients',
			type: 'options',
			default: 'contactIds',
			displayOptions: show(['trigger']),
			options: [
				{ name: 'Contact IDs', value: 'contactIds' },
				{ name: 'Email Addresses', value: 'recipientDetails' },
				{
					name: 'External Identifiers',
					value: 'externalIdentifiers',
					description: 'Only for Mirror Mode accounts',
				},
			],
		},
		{
			displayName: 'Contact IDs',
			name: 'contactIds',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 9591062,9591063',
			description: 'Comma-separated contact IDs',
			displayOptions: show(['trigger'], { triggerRecipients: ['contactIds'] }),
		},
		{
			displayName: 'Email Addresses',
			name: 'recipientDetails',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. ann@example.com,bob@example.com',
			description: 'Comma-separated email addresses',
			displayOptions: show(['trigger'], { triggerRecipients: ['recipientDetails'] }),
		},
		{
			displayName: 'External Identifiers',
			name: 'externalIdentifiers',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. abc123,def456',
			description: 'Comma-separated external identifiers',
			displayOptions: show(['trigger'], { triggerRecipients: ['externalIdentifiers'] }),
		},
		{
			displayName: 'Test',
			name: 'test',
			type: 'boolean',
			default: false,
			description: 'Whether to mark the send as a test in reports (needs Recipients set to Email Addresses)',
			displayOptions: show(['trigger']),
		},
	],
};
