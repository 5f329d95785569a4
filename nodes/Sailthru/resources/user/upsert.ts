/**
 * User → Create or Update (POST /user): keys, list membership, vars, opt-out and login of one
 * user, found by ID and Key.
 */
import { requireValue, showFor, type ResourceOperation } from '../../../shared';
import { fieldsToReturnProperty, keyOptions, keyProperty } from './fields';
import { buildUserParameters, NO_KEY } from './parameters';
import { operation } from '../../lib/operation';

const show = showFor('user');

export const upsertOperation: ResourceOperation = {
	option: operation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a user',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		method: 'POST',
		url: '/user',
		preSend: [requireValue('id', 'ID'), buildUserParameters('upsert')],
	}),
	fields: [
		keyProperty(['email', 'extid', 'fb', 'sid', 'sms', 'twitter'], show(['upsert'])),
		{
			displayName: 'Keys to Set',
			name: 'keys',
			type: 'fixedCollection',
			placeholder: 'Add Key',
			default: {},
			typeOptions: { multipleValues: true },
			description: 'Set or change keys of the user, e.g. a new email address for the user found by Sailthru ID',
			displayOptions: show(['upsert']),
			options: [
				{
					displayName: 'Key',
					name: 'key',
					values: [
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							default: 'email',
							options: keyOptions(['email', 'extid', 'fb', 'sms', 'twitter']).filter(
								(option) => option.value !== NO_KEY,
							),
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'new@example.com',
						},
					],
				},
			],
		},
		{
			displayName: 'Keys Conflict',
			name: 'keysconflict',
			type: 'options',
			default: 'error',
			description: 'What to do when a key to set already belongs to another user profile',
			options: [
				{
					name: 'Error',
					value: 'error',
					description: 'Fail with a duplicate error (Sailthru’s default; not sent)',
				},
				{
					name: 'Merge',
					value: 'merge',
					description: 'Merge the profiles; the one found by ID and Key wins where they differ',
				},
			],
			displayOptions: show(['upsert']),
		},
		{
			displayName: 'Lists',
			name: 'lists',
			type: 'fixedCollection',
			placeholder: 'Add List',
			default: {},
			typeOptions: { multipleValues: true },
			description: 'Lists to add the user to or remove the user from; lists left out are not changed',
			displayOptions: show(['upsert']),
			options: [
				{
					displayName: 'List',
					name: 'list',
					values: [
						{
							displayName: 'List Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'Newsletter',
						},
						{
							displayName: 'Membership',
							name: 'membership',
							type: 'options',
							default: 'join',
							options: [
								{ name: 'Join', value: 'join', description: 'Add the user to the list' },
								{ name: 'Leave', value: 'leave', description: 'Remove the user from the list' },
							],
						},
					],
				},
			],
		},
		{
			displayName: 'Vars Input Mode',
			name: 'varsInputMode',
			type: 'options',
			default: 'keyValue',
			description: 'How to give the custom variables to set on the user',
			options: [
				{
					name: 'Name/Value Pairs',
					value: 'keyValue',
					description: 'One row per var; values are sent as text',
				},
				{
					name: 'JSON',
					value: 'json',
					description: 'A JSON object: numbers, booleans, lists and nested objects keep their types',
				},
			],
			displayOptions: show(['upsert']),
		},
		{
			displayName: 'Vars',
			name: 'vars',
			type: 'fixedCollection',
			placeholder: 'Add Var',
			default: {},
			typeOptions: { multipleValues: true },
			description: 'Custom variables to set on the user; vars left out are not changed',
			displayOptions: { show: { resource: ['user'], operation: ['upsert'], varsInputMode: ['keyValue'] } },
			options: [
				{
					displayName: 'Var',
					name: 'var',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'first_name',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'Ann',
						},
					],
				},
			],
		},
		{
			displayName: 'Vars (JSON)',
			name: 'varsJson',
			type: 'json',
			default: '{}',
			description: 'Custom variables as a JSON object, e.g. {"gender": "m", "dob": 19800527}',
			displayOptions: { show: { resource: ['user'], operation: ['upsert'], varsInputMode: ['json'] } },
		},
		{
			displayName: 'Email Opt-Out',
			name: 'optout_email',
			type: 'options',
			default: 'unchanged',
			description: 'Set the user’s email opt-out status',
			options: [
				{ name: 'All', value: 'all', description: 'Opt out of all email, transactional included' },
				{ name: 'Basic', value: 'basic', description: 'Opt out of campaigns and most triggered email' },
				{ name: 'Blast', value: 'blast', description: 'Opt out of campaign (blast) email only' },
				{ name: 'Do Not Change', value: 'unchanged', description: 'Send nothing: the status stays as it is' },
				{ name: 'None', value: 'none', description: 'Receive all email (clears an opt-out)' },
			],
			displayOptions: show(['upsert']),
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'fixedCollection',
			placeholder: 'Add Login',
			default: {},
			description: 'Mark the user as logged in on a site or in an app (returns the Horizon cookie with the Keys field)',
			displayOptions: show(['upsert']),
			options: [
				{
					displayName: 'Details',
					name: 'details',
					values: [
						{
							displayName: 'Logged In To',
							name: 'type',
							type: 'options',
							default: 'site',
							options: [
								{ name: 'Site', value: 'site' },
								{ name: 'App', value: 'app' },
							],
						},
						{
							displayName: 'Site or App Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'main',
						},
						{
							displayName: 'IP Address',
							name: 'ip',
							type: 'string',
							default: '',
							placeholder: '127.0.0.1',
						},
						{
							displayName: 'User Agent',
							name: 'userAgent',
							type: 'string',
							default: '',
							placeholder: 'Mozilla/5.0 …',
						},
					],
				},
			],
		},
		fieldsToReturnProperty(show(['upsert'])),
	],
};
