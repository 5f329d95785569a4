import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import {
	fail,
	isEmpty,
	isPlausibleEmail,
	operationFactory,
	outputModeProperties,
	outputModeTransform,
	requireValue,
	showFor,
} from '../shared';
import { emptyRecord, hasOwn, setOwn } from '../shared/record';
import { keyValueJson } from './lib/helpers';
import { sailthru } from './profile';

const operation = operationFactory(sailthru);

/** What the Simplified output of Get keeps: who the user is, their data, lists and opt-out. */
const SIMPLIFIED_USER_FIELDS = ['keys', 'vars', 'lists', 'optout_email', 'engagement'];

const show = showFor('user');

/** The `key` value that sends no key at all (Sailthru then reads the ID as an email address). */
export const NO_KEY = 'default';

/** Key types, as Sailthru names them; the cookie can only look a user up, never be set. */
const KEY_TYPES: Record<string, INodePropertyOptions> = {
	email: { name: 'Email', value: 'email', description: 'The user’s email address' },
	extid: { name: 'External ID', value: 'extid', description: 'Your own user ID (if extid lookup is enabled)' },
	fb: { name: 'Facebook ID', value: 'fb', description: 'If Facebook lookup is enabled' },
	cookie: { name: 'Horizon Cookie', value: 'cookie', description: 'The sailthru_hid cookie value' },
	sid: { name: 'Sailthru ID (SID)', value: 'sid', description: 'The unique Sailthru identifier of the profile' },
	sms: { name: 'SMS Number', value: 'sms', description: 'A phone number such as +15551234567 (if SMS is enabled)' },
	twitter: { name: 'Twitter Name', value: 'twitter', description: 'If Twitter lookup is enabled' },
};

const noKeyOption: INodePropertyOptions = {
	name: 'Not Sent (Sailthru Default)',
	value: NO_KEY,
	description: 'Send no key type: Sailthru uses its default (email)',
};

const keyOptions = (types: string[]) => [...types.map((type) => KEY_TYPES[type]), noKeyOption];

const FIELD_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Activity', value: 'activity', description: 'Most recent signup, open, click, onsite and login times' },
	{ name: 'Engagement', value: 'engagement', description: 'The current engagement level' },
	{ name: 'Keys', value: 'keys', description: 'The keys set on the user (email, SID, cookie, …)' },
	{ name: 'Lists', value: 'lists', description: 'The normal lists the user is on, with signup dates' },
	{ name: 'Opt-Out Status', value: 'optout_email', description: 'None, blast, basic or all' },
	{ name: 'Smart Lists', value: 'smart_lists', description: 'The smart lists the user is part of' },
	{ name: 'Vars', value: 'vars', description: 'The custom variables set on the user' },
];

const OPT_OUT_VALUES = ['none', 'all', 'basic', 'blast'];

type ParameterReader = (name: string, fallback: unknown) => unknown;

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : String(value ?? '').trim());

/** `fields`: the checked names as `{"vars":1,...}`, in the order chosen; none sends nothing. */
function fieldsParameter(ctx: IExecuteSingleFunctions, read: ParameterReader): IDataObject | undefined {
	const raw = read('fields', []);
	const names = Array.isArray(raw) ? raw : isEmpty(raw) ? [] : String(raw).split(',');
	const known = FIELD_OPTIONS.map((option) => option.value as string);
	const result: IDataObject = {};
	for (const entry of names) {
		const name = text(entry);
		if (!known.includes(name)) {
			fail(ctx, 'Fields to Return', `"${name}" is not a Sailthru field (use ${known.join(', ')})`);
		}
		result[name] = 1;
	}
	return Object.keys(result).length ? result : undefined;
}

/** `keys`: the keys to set or change, `{"email":"new@example.com"}`. */
function keysParameter(ctx: IExecuteSingleFunctions, read: ParameterReader): IDataObject | undefined {
	const entries = (read('keys.key', []) as Array<{ type?: string; value?: unknown }>) ?? [];
	// An expression may give any key type: a null-prototype record keeps it a plain key.
	const result = emptyRecord();
	for (const [index, entry] of entries.entries()) {
		const type = text(entry.type);
		const value = text(entry.value);
		if (!type) fail(ctx, 'Keys to Set', `entry ${index + 1} has no key type`);
		if (!value) fail(ctx, 'Keys to Set', `entry ${index + 1} (${type}) has no value`);
		if (hasOwn(result, type)) fail(ctx, 'Keys to Set', `the ${type} key is set twice`);
		if (type === 'email' && !isPlausibleEmail(value)) {
			fail(ctx, 'Keys to Set', `"${value}" is not a valid email address`);
		}
		setOwn(result, type, value);
	}
	return Object.keys(result).length ? result : undefined;
}

/** `lists`: `{"Newsletter":1,"Old":0}` (1 joins, 0 leaves). */
function listsParameter(ctx: IExecuteSingleFunctions, read: ParameterReader): IDataObject | undefined {
	const entries = (read('lists.list', []) as Array<{ name?: string; membership?: string }>) ?? [];
	// List names are the user's: a null-prototype record keeps any name (`constructor`) a plain key.
	const result = emptyRecord();
	for (const [index, entry] of entries.entries()) {
		const name = text(entry.name);
		if (!name) fail(ctx, 'Lists', `entry ${index + 1} has no list name`);
		if (hasOwn(result, name)) fail(ctx, 'Lists', `the list "${name}" appears twice`);
		setOwn(result, name, entry.membership === 'leave' ? 0 : 1);
	}
	return Object.keys(result).length ? result : undefined;
}

/** `vars`: from name/value pairs (text values) or from a JSON object (any JSON types). */
function varsParameter(ctx: IExecuteSingleFunctions, read: ParameterReader): IDataObject | undefined {
	return keyValueJson(ctx, read, 'vars', 'Vars');
}

/** `login`: `{"site":"main","ip":"…","user_agent":"…"}` (or `app` instead of `site`). */
function loginParameter(ctx: IExecuteSingleFunctions, read: ParameterReader): IDataObject | undefined {
	const details = read('login.details', {}) as { type?: string; name?: string; ip?: string; userAgent?: string };
	if (!details || typeof details !== 'object' || Object.keys(details).length === 0) return undefined;
	const type = details.type === 'app' ? 'app' : 'site';
	const name = text(details.name);
	if (!name) fail(ctx, 'Login', `the ${type} name is required`);
	const result: IDataObject = { [type]: name };
	if (!isEmpty(details.ip)) result.ip = text(details.ip);
	if (!isEmpty(details.userAgent)) result.user_agent = text(details.userAgent);
	return result;
}

/**
 * Builds the call's parameters as one object in a fixed order (the JSON string is signed, so
 * its order is part of the request): id, key, keys, keysconflict, lists, vars, optout_email,
 * login, fields — the order of the examples in Sailthru's user documentation. Anything
 * unset is left out.
 */
function buildUserParameters(operationName: 'get' | 'upsert') {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const read: ParameterReader = (name, fallback) =>
			this.getNodeParameter(name, fallback as never) as unknown;
		const id = text(read('id', ''));
		const key = text(read('key', 'email'));
		if (key === 'email' && !isPlausibleEmail(id)) {
			fail(this, 'ID', `"${id}" is not a valid email address (Key is Email)`);
		}
		const parameters: IDataObject = { id };
		if (key && key !== NO_KEY) parameters.key = key;
		if (operationName === 'upsert') {
			const keys = keysParameter(this, read);
			if (keys) parameters.keys = keys;
			const conflict = text(read('keysconflict', 'error'));
			if (conflict !== 'error' && conflict !== 'merge') {
				fail(this, 'Keys Conflict', `"${conflict}" is not one of error, merge`);
			}
			// "error" is Sailthru's default: only the choice that changes something is sent.
			if (conflict === 'merge') parameters.keysconflict = 'merge';
			const lists = listsParameter(this, read);
			if (lists) parameters.lists = lists;
			const vars = varsParameter(this, read);
			if (vars) parameters.vars = vars;
			const optOut = text(read('optout_email', 'unchanged'));
			if (optOut !== 'unchanged') {
				if (!OPT_OUT_VALUES.includes(optOut)) {
					fail(this, 'Email Opt-Out', `"${optOut}" is not one of ${OPT_OUT_VALUES.join(', ')}`);
				}
				parameters.optout_email = optOut;
			}
			const login = loginParameter(this, read);
			if (login) parameters.login = login;
		}
		const fields = fieldsParameter(this, read);
		if (fields) parameters.fields = fields;
		options.body = parameters;
		return options;
	};
}

export const userOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			operation({
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a user',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				method: 'POST',
				url: '/user',
				preSend: [requireValue('id', 'ID'), buildUserParameters('upsert')],
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				description: 'Retrieve a user profile by email, Sailthru ID, cookie, SMS number or another key',
				method: 'GET',
				url: '/user',
				preSend: [requireValue('id', 'ID'), buildUserParameters('get')],
				output: { transform: outputModeTransform(SIMPLIFIED_USER_FIELDS) },
			}),
		],
		default: 'get',
	},
];

export const userFields: INodeProperties[] = [
	{
		displayName: 'ID',
		name: 'id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'user@example.com',
		description: 'The value that identifies the user, of the key type chosen under Key (e.g. an email address)',
		displayOptions: { show: { resource: ['user'] } },
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'options',
		default: 'email',
		description: 'What kind of value the ID is',
		options: keyOptions(['email', 'extid', 'fb', 'cookie', 'sid', 'sms', 'twitter']),
		displayOptions: show(['get']),
	},
	{
		displayName: 'Key',
		name: 'key',
		type: 'options',
		default: 'email',
		description: 'What kind of value the ID is',
		options: keyOptions(['email', 'extid', 'fb', 'sid', 'sms', 'twitter']),
		displayOptions: show(['upsert']),
	},
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
	{
		displayName: 'Fields to Return',
		name: 'fields',
		type: 'multiOptions',
		default: [],
		description:
			'The parts of the profile to return. None: Get returns keys, vars, lists, engagement and opt-out; Create or Update returns {"ok": true}.',
		options: FIELD_OPTIONS,
		displayOptions: show(['get', 'upsert']),
	},
	...outputModeProperties(show(['get'])),
];
