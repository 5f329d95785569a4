/**
 * The parameters of a user call (GET/POST /user), read from the item and checked here with
 * errors naming the parameter.
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodePropertyOptions } from 'n8n-workflow';

import { fail, isEmpty, isPlausibleEmail } from '../../../shared';
import { emptyRecord, hasOwn, setOwn } from '../../../shared/record';
import { keyValueJson } from '../../lib/helpers';

/** The `key` value that sends no key at all (Sailthru then reads the ID as an email address). */
export const NO_KEY = 'default';

export const FIELD_OPTIONS: INodePropertyOptions[] = [
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
export function buildUserParameters(operationName: 'get' | 'upsert') {
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
