import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	fail,
	listProperties,
	operationFactory,
	pairsToBody,
	rawResponseProperty,
	requireEmail,
	requireValue,
	showFor,
	talkable,
} from '../shared';
import { siteSlug } from './siteSlug';

const operation = operationFactory(talkable);

/** `/people/<slug>` with the slug URL-encoded (`+`, `@` and `/` are common in emails). */
const personUrl = (suffix = '') => `=/people/{{ encodeURIComponent(String($parameter.personSlug).trim()) }}${suffix}`;

const checkPerson = requireValue('personSlug', 'Person');
const commonPreSend = [checkPerson, siteSlug];

const show = showFor('person');

const LIST_OPERATIONS = ['getReferralsAsAdvocate', 'getRewards', 'getShares'];

/** Upsert must change something: an empty `data` would be refused by Talkable anyway. */
async function requireSomeField(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const data = (options.body as { data?: object } | undefined)?.data;
	if (!data || Object.keys(data).length === 0) {
		fail(
			this,
			'Person Fields',
			'add at least one field (first name, last name, username, customer ID or a custom property)',
		);
	}
	return options;
}

export const personOperations: INodeProperties[] = [
	{
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
				url: personUrl('/anonymize'),
				preSend: commonPreSend,
				output: { path: 'person' },
			}),
			operation({
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a person',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				method: 'PUT',
				url: personUrl(),
				preSend: [
					requireEmail('personSlug', 'Person'),
					siteSlug,
					pairsToBody('customProperties.property', 'Custom Properties', 'data.person_custom_properties'),
					requireSomeField,
				],
				output: { path: 'person' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a person',
				description: 'Retrieve a person by email or username',
				method: 'GET',
				url: personUrl(),
				preSend: commonPreSend,
				output: { path: 'person' },
			}),
			operation({
				name: 'Get Personal Data',
				value: 'getPersonalData',
				action: 'Get the personal data of a person',
				description: 'Retrieve all personal data Talkable holds about a person (for data requests)',
				method: 'GET',
				url: personUrl('/personal_data'),
				preSend: commonPreSend,
				output: { path: 'person' },
			}),
			operation({
				name: 'Get Referrals as Advocate',
				value: 'getReferralsAsAdvocate',
				action: 'Get referrals made by a person as advocate',
				description: 'Retrieve the friends a person referred, one item per referral',
				method: 'GET',
				url: personUrl('/referrals_as_advocate'),
				preSend: commonPreSend,
				output: { path: 'referrals', split: true },
			}),
			operation({
				name: 'Get Rewards',
				value: 'getRewards',
				action: 'Get rewards earned by a person',
				description: 'Retrieve the rewards a person earned in the referral program, one item per reward',
				method: 'GET',
				url: personUrl('/rewards'),
				preSend: commonPreSend,
				output: { path: 'rewards', split: true },
			}),
			operation({
				name: 'Get Shares',
				value: 'getShares',
				action: 'Get shares made by a person',
				description: 'Retrieve the shares a person made, one item per share',
				method: 'GET',
				url: personUrl('/shares_by'),
				preSend: commonPreSend,
				output: { path: 'shares', split: true },
			}),
			operation({
				name: 'Unsubscribe',
				value: 'unsubscribe',
				action: 'Unsubscribe a person from emails',
				description: 'Stop Talkable emails to a person',
				method: 'POST',
				url: personUrl('/unsubscribe'),
				preSend: commonPreSend,
				output: { path: 'person' },
			}),
		],
		default: 'get',
	},
];

export const personFields: INodeProperties[] = [
	{
		displayName: 'Person',
		name: 'personSlug',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'customer@example.com',
		description: 'Email or username of the person (Talkable calls it the person slug)',
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
				routing: { send: { type: 'body', property: 'data.customer_id' } },
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'data.first_name' } },
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				routing: { send: { type: 'body', property: 'data.last_name' } },
			},
			{
				displayName: 'Username',
				name: 'username',
				type: 'string',
				default: '',
				description: 'A username the person can also be found by',
				routing: { send: { type: 'body', property: 'data.username' } },
			},
		],
	},
	{
		displayName: 'Custom Properties',
		name: 'customProperties',
		type: 'fixedCollection',
		placeholder: 'Add Custom Property',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Custom properties to set on the person (sent as person_custom_properties)',
		displayOptions: show(['upsert']),
		options: [
			{
				displayName: 'Property',
				name: 'property',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'price_plan',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'platinum',
					},
				],
			},
		],
	},
	...listProperties(show(LIST_OPERATIONS)),
	rawResponseProperty(show(LIST_OPERATIONS)),
];
