import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	fail,
	idPath,
	isoDateTime,
	isPlausibleEmail,
	listProperties,
	outputModeProperties,
	outputModeTransform,
	rawResponseProperty,
	setBodyPath,
	showFor,
	text,
	type OutputSpec,
} from '../shared';
import { many, operation, pairs, propertyPairs, single, type TalkableResource } from './common';
import { siteSlug } from './siteSlug';

/** `/people/<slug>` with the slug URL-encoded (`+`, `@` and `/` are common in emails). */
const personPath = (suffix = '') => idPath(`/people/{0}${suffix}`, [{ parameter: 'personSlug', label: 'Person' }]);

const show = showFor('person');

const LIST_OPERATIONS = ['getReferralsAsAdvocate', 'getReferralsAsFriend', 'getRewards', 'getShares'];

/** What Output → Simplified keeps of a person. */
export const PERSON_SIMPLIFIED_KEYS = [
	'email',
	'first_name',
	'last_name',
	'username',
	'customer_id',
	'phone_number',
	'sub_choice',
	'unsubscribed_at',
	'custom_properties',
	'referral_counts',
	'reward_counts',
	'personal_claim_url',
];

const personOutput = single('person');
const simplifiedPerson = outputModeTransform(PERSON_SIMPLIFIED_KEYS);
const personGetOutput: OutputSpec = {
	transform(records) {
		return simplifiedPerson.call(this, personOutput.transform!.call(this, records));
	},
};

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

const listOperation = (name: string, value: string, action: string, description: string, suffix: string, key: string) =>
	operation({ name, value, action, description, method: 'GET', url: '/people', preSend: [personPath(suffix), siteSlug], output: many(key) });

const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['person'] } },
	options: [
		operation({
			name: 'Anonymize',
			value: 'anonymize',
			action: 'Anonymize a person',
			description: 'Replace a person’s personal data with anonymous values (cannot be undone)',
			method: 'POST',
			url: '/people',
			preSend: [personPath('/anonymize'), siteSlug],
			output: personOutput,
		}),
		operation({
			name: 'Create or Update',
			value: 'upsert',
			action: 'Create or update a person',
			description: 'Create a new record, or update the current one if it already exists (upsert)',
			method: 'PUT',
			url: '/people',
			preSend: [checkUpsertSlug, personPath(), siteSlug, upsertData],
			output: personOutput,
		}),
		operation({
			name: 'Get',
			value: 'get',
			action: 'Get a person',
			description: 'Retrieve a person by email, phone number, customer ID or username',
			method: 'GET',
			url: '/people',
			preSend: [personPath(), siteSlug],
			output: personGetOutput,
		}),
		operation({
			name: 'Get Personal Data',
			value: 'getPersonalData',
			action: 'Get the personal data of a person',
			description: 'Retrieve all personal data Talkable holds about a person (for data requests)',
			method: 'GET',
			url: '/people',
			preSend: [personPath('/personal_data'), siteSlug],
			output: personOutput,
		}),
		listOperation('Get Referrals as Advocate', 'getReferralsAsAdvocate', 'Get referrals made by a person as advocate', 'Retrieve the friends a person referred, one item per referral', '/referrals_as_advocate', 'referrals'),
		listOperation('Get Referrals as Friend', 'getReferralsAsFriend', 'Get referrals of a person as friend', 'Retrieve the advocates who referred a person, one item per referral', '/referrals_as_friend', 'referrals'),
		listOperation('Get Rewards', 'getRewards', 'Get rewards earned by a person', 'Retrieve the rewards a person earned in the referral program, one item per reward', '/rewards', 'rewards'),
		listOperation('Get Shares', 'getShares', 'Get shares made by a person', 'Retrieve the shares a person made, one item per share', '/shares_by', 'shares'),
		operation({
			name: 'Unsubscribe',
			value: 'unsubscribe',
			action: 'Unsubscribe a person from emails',
			description: 'Stop Talkable emails to a person',
			method: 'POST',
			url: '/people',
			preSend: [personPath('/unsubscribe'), siteSlug],
			output: personOutput,
		}),
	],
	default: 'get',
};

const send = (property: string) => ({ send: { type: 'body' as const, property } });

const fields: INodeProperties[] = [
	{
		displayName: 'Person',
		name: 'personSlug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'customer@example.com',
		description:
			'Email, phone number (E.164), customer ID or username of the person (Talkable calls it the person slug). Create or Update needs an email here or in Email.',
		displayOptions: { show: { resource: ['person'] } },
	},
	{
		displayName:
			'Anonymizing permanently replaces this person’s name, email and identifiers at Talkable. It cannot be undone.',
		name: 'anonymizeNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['anonymize']),
	},
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
	...outputModeProperties(show(['get'])),
	...listProperties(show(LIST_OPERATIONS)),
	rawResponseProperty(show(LIST_OPERATIONS)),
];

export const personResource: TalkableResource = {
	option: { name: 'Person', value: 'person' },
	properties: [operations, ...fields],
};
