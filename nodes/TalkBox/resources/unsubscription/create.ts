import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, showFor, text, type ResourceOperation } from '../../../shared';
import { convertValue } from '../../lib/contactBody';
import { operation } from '../../lib/operation';

const show = showFor('unsubscription');

/** Who to unsubscribe: contact_info (an email address or mobile number) or external_identifier. */
async function unsubscriptionBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const channel = text(this, 'channel');
	const identifyBy = text(this, 'identifyBy');
	const body: IDataObject = { channel };
	if (identifyBy === 'externalIdentifier') {
		const value = text(this, 'externalIdentifier');
		if (value === '') fail(this, 'External Identifier', 'a value is required but this item has none');
		body.external_identifier = value;
	} else {
		const value = text(this, 'contactInfo');
		const label = channel === 'email' ? 'Email' : 'Mobile Number';
		if (value === '') fail(this, label, 'a value is required but this item has none');
		const converted = convertValue(channel === 'email' ? 'Text' : 'MobileNumber', channel === 'email' ? 'email' : 'mobile_number', value);
		if (converted.problem !== undefined) fail(this, label, converted.problem);
		body.contact_info = converted.value as string;
	}
	options.body = body;
	return options;
}

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Unsubscribe a contact',
		description: 'Unsubscribe an email address or mobile number from marketing',
		method: 'POST',
		url: '/unsubscriptions',
		preSend: [unsubscriptionBody],
	}),
	fields: [
		{
			displayName: 'Channel',
			name: 'channel',
			type: 'options',
			required: true,
			default: 'email',
			description: 'What to unsubscribe from',
			displayOptions: show(['create']),
			options: [
				{ name: 'Email', value: 'email' },
				{ name: 'Mobile (SMS)', value: 'mobile' },
			],
		},
		{
			displayName: 'Identify By',
			name: 'identifyBy',
			type: 'options',
			default: 'contactInfo',
			displayOptions: show(['create']),
			options: [
				{
					name: 'Contact Info',
					value: 'contactInfo',
					description: 'The email address or mobile number to unsubscribe',
				},
				{
					name: 'External Identifier',
					value: 'externalIdentifier',
					description: 'The contact’s ID in an integrated system',
				},
			],
		},
		{
			displayName: 'Email',
			name: 'contactInfo',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'name@email.com',
			description: 'The email address to unsubscribe',
			displayOptions: show(['create'], { identifyBy: ['contactInfo'], channel: ['email'] }),
		},
		{
			displayName: 'Mobile Number',
			name: 'contactInfo',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 61412345678',
			description: 'The mobile number to unsubscribe, in full international format',
			displayOptions: show(['create'], { identifyBy: ['contactInfo'], channel: ['mobile'] }),
		},
		{
			displayName: 'External Identifier',
			name: 'externalIdentifier',
			type: 'string',
			required: true,
			default: '',
			description: 'The contact’s ID in an integrated system (foreign integration ID)',
			displayOptions: show(['create'], { identifyBy: ['externalIdentifier'] }),
		},
	],
};
