import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { optionalContactFilter, periodToQuery } from './changeFilters';

const show = showFor('subscription');

/** PersonaClick answers at most 20,000 changes per request. */
const MAX_CHANGES_PER_PAGE = 20_000;

export const getChangesOperation: ResourceOperation = {
	option: operation({
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
	fields: [
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
	],
};
