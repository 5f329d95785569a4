import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, isoDateTime, isPlausibleEmail, setBodyPath, showFor, text, type ResourceOperation } from '../../../shared';
import { pairs, propertyPairs } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { personOutput, personPath } from './person';

const show = showFor('person');

/** The upsert's slug must be an email, unless the Email field gives the person's email. */
async function checkUpsertSlug(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const slug = text(this, 'personSlug');
	if (slug === '') fail(this, 'Person', 'an email address is required but this item has none');
	const email = (this.getNodeParameter('personFields.email', '') as string) ?? '';
	if (!isPlausibleEmail(slug) && !isPlausibleEmail(String(email))) {
		fail(this, 'Person', `"${slug}" is not a valid email address`);
	}
	return options;
}

/** Custom properties and the unsubscribe date (ISO 8601); upsert must change something. */
async function upsertData(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const fields = this.getNodeParameter('personFields', {}) as IDataObject;
	const email = typeof fields.email === 'string' ? fields.email.trim() : '';
	if (email && !isPlausibleEmail(email)) fail(this, 'Email', `"${email}" is not a valid email address`);
	const unsubscribedAt = isoDateTime(this, fields.unsubscribedAt, 'Unsubscribed At');
	if (unsubscribedAt) setBodyPath(options, 'data.unsubscribed_at', unsubscribedAt);
	const custom = pairs(this, this.getNodeParameter('customProperties', {}), 'Custom Properties');
	if (custom) setBodyPath(options, 'data.custom_properties', custom);
	const data = (options.body as { data?: object } | undefined)?.data;
	if (!data || Object.keys(data).length === 0) {
		fail(this, 'Person Fields', 'add at least one field or a custom property');
	}
	return options;
}

const send = (property: string) => ({ send: { type: 'body' as const, property } });

export const upsertOperation: ResourceOperation = {
	option: operation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a person',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		method: 'PUT',
		url: '/people',
		preSend: [checkUpsertSlug, personPath(), siteSlug, upsertData],
		output: personOutput,
	}),
	fields: [
		{
			displayName: 'Person Fields',
			name: 'personFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'The fields to set on the person; fields left out are not changed',
			displayOptions: show(['upsert']),
			options: [
				{
					displayName: 'Customer ID',
					name: 'customerId',
					type: 'string',
					default: '',
					description: 'Your own identifier for this customer',
					routing: send('data.customer_id'),
				},
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description: 'The person’s email (to set or change it)',
					routing: send('data.email'),
				},
				{
					displayName: 'First Name',
					name: 'firstName',
					type: 'string',
					default: '',
					routing: send('data.first_name'),
				},
				{
					displayName: 'Gated Param Subscribed',
					name: 'gatedParamSubscribed',
					type: 'boolean',
					default: false,
					description: 'Whether the person opted in through a gated parameter (gated_param_subscribed)',
					routing: send('data.gated_param_subscribed'),
				},
				{
					displayName: 'Identifier Hash',
					name: 'identifierHash',
					type: 'string',
					default: '',
					description: 'Hash that verifies the person’s identity (identifier_hash)',
					routing: send('data.identifier_hash'),
				},
				{
					displayName: 'Last Name',
					name: 'lastName',
					type: 'string',
					default: '',
					routing: send('data.last_name'),
				},
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					type: 'string',
					default: '',
					placeholder: '+12025551111',
					description: 'In international (E.164) format',
					routing: send('data.phone_number'),
				},
				{
					displayName: 'Unsubscribed',
					name: 'unsubscribed',
					type: 'boolean',
					default: false,
					description: 'Whether the person is unsubscribed from Talkable emails',
					routing: send('data.unsubscribed'),
				},
				{
					displayName: 'Unsubscribed At',
					name: 'unsubscribedAt',
					type: 'dateTime',
					default: '',
					description: 'When the person unsubscribed (sent as ISO 8601)',
				},
				{
					displayName: 'Username',
					name: 'username',
					type: 'string',
					default: '',
					description: 'A username the person can also be found by',
					routing: send('data.username'),
				},
			],
		},
		propertyPairs({
			name: 'customProperties',
			displayName: 'Custom Properties',
			description: 'Custom properties to set on the person (sent as custom_properties)',
			displayOptions: show(['upsert']),
		}),
	],
};
