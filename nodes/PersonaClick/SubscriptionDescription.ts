import type { INodeProperties } from 'n8n-workflow';

import { listProperties, operationFactory, requireEmail, showFor, trimBodyText } from '../shared';
import { channelFlagsProperty, channelFlagsToBody } from './channelFlags';
import { identifierFrom, optionalContactFilter, periodToQuery } from './checks';
import { ALL_IDENTIFIERS, CONTACT_IDENTIFIERS, identifierProperties } from './common';
import { personaClick } from './profile';

const operation = operationFactory(personaClick);

const show = showFor('subscription');

/** PersonaClick answers at most 20,000 changes per request. */
const MAX_CHANGES_PER_PAGE = 20_000;

export const subscriptionOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			operation({
				name: 'Check',
				value: 'check',
				action: 'Check the subscriptions of a contact',
				description: 'Get the current subscription status of a contact by email or phone',
				method: 'GET',
				url: '/subscriptions/check',
				preSend: [identifierFrom(['email', 'phone'])],
			}),
			operation({
				name: 'Get Changes',
				value: 'getChanges',
				action: 'Get subscription changes',
				description: 'List subscription changes and system events in a period, one item per change',
				method: 'GET',
				url: '/subscriptions/changes',
				preSend: [
					optionalContactFilter('filters.email', 'email', 'Filters → Email'),
					optionalContactFilter('filters.phone', 'phone', 'Filters → Phone'),
					periodToQuery('filters.from', 'filters.to'),
				],
				output: { split: true },
				pagination: { type: 'offset', positionParam: 'offset', sizeParam: 'limit', pageSize: MAX_CHANGES_PER_PAGE },
			}),
			operation({
				name: 'Manage',
				value: 'manage',
				action: 'Change the subscriptions of a contact',
				description: 'Subscribe or unsubscribe a contact per channel and campaign type; channels not added stay unchanged',
				method: 'POST',
				url: '/subscriptions/manage',
				preSend: [identifierFrom(['email', 'phone', 'external_id', 'loyalty_id', 'telegram_id']), channelFlagsToBody],
			}),
			operation({
				name: 'Report Event',
				value: 'reportEvent',
				action: 'Report an email event',
				description:
					'Mark an email as hard bounced, complained, blacklisted or unsubscribed from all campaigns. Hard Bounced permanently removes the email from PersonaClick.',
				method: 'POST',
				url: '/subscriptions/callback',
				preSend: [requireEmail('email', 'Email')],
			}),
			operation({
				name: 'Send Confirmation Email',
				value: 'confirmEmail',
				action: 'Send a double opt-in confirmation email',
				description: 'Trigger the "Subscribed" event so PersonaClick sends its double opt-in email to the address',
				method: 'POST',
				url: '/subscriptions/confirm_email',
				preSend: [requireEmail('email', 'Email')],
			}),
		],
		default: 'manage',
	},
];

export const subscriptionFields: INodeProperties[] = [
	// ── manage / check: the contact ─────────────────────────────────────────────
	...identifierProperties(show(['manage']), ALL_IDENTIFIERS),
	...identifierProperties(show(['check']), CONTACT_IDENTIFIERS),
	channelFlagsProperty(show(['manage'])),

	// ── reportEvent / confirmEmail ─────────────────────────────────────────────
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The email address to report or to send the confirmation to',
		displayOptions: show(['reportEvent', 'confirmEmail']),
		routing: { send: { type: 'body', property: 'email', preSend: [trimBodyText('email')] } },
	},
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

	// ── getChanges ─────────────────────────────────────────────────────────────
	...listProperties(show(['getChanges'])),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Without From and To, PersonaClick returns the changes of the last 24 hours',
		displayOptions: show(['getChanges']),
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				default: 'api',
				description: 'Only changes that came from this source',
				options: [
					{ name: 'API (Manage)', value: 'api', description: 'Changed by the Manage operation / API method' },
					{ name: 'API Callback (Report Event)', value: 'api_callback', description: 'Changed by the Report Event operation / API method' },
					{ name: 'CRM', value: 'crm', description: 'Changed in the PersonaClick CRM' },
					{ name: 'Email Feedback Processing', value: 'email_feedback_processing', description: 'Changed because of a hard bounce' },
					{ name: 'Import', value: 'import', description: 'Set when an audience was imported' },
					{ name: 'Popup', value: 'popup', description: 'Changed with the popup tool' },
					{ name: 'Resubscribe Page', value: 'resubscribe_page' },
					{ name: 'Unsubscribe Page', value: 'unsubscribe_page' },
				],
				routing: { send: { type: 'query', property: 'channel' } },
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only changes of this email address',
			},
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'subscribe',
				description: 'Only changes of this kind',
				options: [
					{ name: 'Blacklisted', value: 'blacklisted' },
					{ name: 'Complained', value: 'complained' },
					{ name: 'Hard Bounced', value: 'hard_bounced' },
					{ name: 'Subscribe', value: 'subscribe' },
					{ name: 'Unsubscribe', value: 'unsubscribe' },
				],
				routing: { send: { type: 'query', property: 'event' } },
			},
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				default: '',
				description:
					'Start of the period (its date is sent, YYYY-MM-DD). PersonaClick’s default is 24 hours ago.',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				placeholder: 'e.g. +15550100000',
				default: '',
				description: 'Only changes of this phone number, in international format',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				default: '',
				description: 'End of the period (its date is sent, YYYY-MM-DD). PersonaClick’s default is now.',
			},
		],
	},
];
