import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * Sailthru's request signing, as its official API clients do it.
 *
 * Every call carries four parameters: `api_key`, `format=json`, `json` (the call's own
 * parameters as one JSON string) and `sig`, the MD5 hex digest of the API secret followed by
 * the values of all the other parameters, sorted as strings and joined with nothing.
 * GET and DELETE send them in the query string; POST sends them form-encoded.
 */

/** The parameters Sailthru's signing adds; they are never part of a call's own parameters. */
const SIGNING_PARAMETERS = ['api_key', 'format', 'json', 'sig'];

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export interface SailthruKeys {
	apiKey: string;
	apiSecret: string;
}

/** The signed parameters of one call, in the order they go on the wire. */
export interface SignedParameters {
	api_key: string;
	format: 'json';
	json: string;
	sig: string;
	[key: string]: string;
}

/**
 * The `json` parameter: compact JSON, keys in the order given, every non-ASCII character
 * escaped as `\uXXXX` like the official clients (PHP json_encode, Python json.dumps), so that
 * the signed string is plain ASCII whatever the transport's encoding.
 */
export function sailthruJson(parameters: IDataObject): string {
	return JSON.stringify(parameters).replace(
		/[\u007f-\uffff]/g,
		(char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

/** Compare by Unicode code point (the byte order of UTF-8, which the server sorts by). */
function compareCodePoints(a: string, b: string): number {
	const left = Array.from(a);
	const right = Array.from(b);
	const length = Math.min(left.length, right.length);
	for (let index = 0; index < length; index++) {
		const difference = left[index].codePointAt(0)! - right[index].codePointAt(0)!;
		if (difference !== 0) return difference;
	}
	return left.length - right.length;
}

/** `sig`: MD5 hex of the secret followed by the string-sorted values of the other parameters. */
export function sailthruSignature(apiSecret: string, parameters: Record<string, string>): string {
	const values = Object.entries(parameters)
		.filter(([name]) => name !== 'sig')
		.map(([, value]) => String(value))
		.sort(compareCodePoints);
	return createHash('md5')
		.update(apiSecret + values.join(''), 'utf8')
		.digest('hex');
}

/** The four parameters of a call whose own parameters are `parameters`. */
export function signParameters(keys: SailthruKeys, parameters: IDataObject): SignedParameters {
	const unsigned = { api_key: keys.apiKey, format: 'json' as const, json: sailthruJson(parameters) };
	return { ...unsigned, sig: sailthruSignature(keys.apiSecret, unsigned) };
}

const isPlainObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof URLSearchParams);

/** A `json` parameter that is already there (a request signed before): its parameters. */
function parseJsonParameter(value: unknown): IDataObject {
	if (typeof value !== 'string' || value.trim() === '') return {};
	try {
		const parsed: unknown = JSON.parse(value);
		return isPlainObject(parsed) ? parsed : {};
	} catch {
		return {};
	}
}

/** The call's own parameters from one source (a query or a body), without signing parameters. */
function ownParameters(source: unknown): IDataObject {
	let entries: IDataObject = {};
	if (typeof source === 'string') {
		// A form-encoded body, as this module writes it (a request being signed again).
		entries = Object.fromEntries(new URLSearchParams(source).entries());
	} else if (source instanceof URLSearchParams) {
		entries = Object.fromEntries(source.entries());
	} else if (isPlainObject(source)) {
		entries = source;
	}
	const result: IDataObject = { ...parseJsonParameter(entries.json) };
	for (const [name, value] of Object.entries(entries)) {
		if (!SIGNING_PARAMETERS.includes(name) && value !== undefined) result[name] = value;
	}
	return result;
}

/**
 * The call's own parameters of a request: the body's (the node puts them there, in the order
 * they must appear in the JSON), then any the query has that the body does not.
 */
export function callParameters(requestOptions: IHttpRequestOptions): IDataObject {
	const fromBody = ownParameters(requestOptions.body);
	const fromQuery = ownParameters(requestOptions.qs);
	const result: IDataObject = { ...fromBody };
	for (const [name, value] of Object.entries(fromQuery)) {
		if (!(name in result)) result[name] = value;
	}
	return result;
}

/**
 * The request as Sailthru wants it: the call's parameters signed, in the query string for GET
 * and DELETE (no body), form-encoded in the body for every other method (no query string).
 * Returns a new options object; the one given is left as it was, so retries sign afresh.
 */
export function signRequest(keys: SailthruKeys, requestOptions: IHttpRequestOptions): IHttpRequestOptions {
	const signed = signParameters(keys, callParameters(requestOptions));
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const headers: IDataObject = {};
	for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
		if (name.toLowerCase() !== 'content-type') headers[name] = value;
	}
	const result: IHttpRequestOptions = { ...requestOptions, headers };
	if (method === 'GET' || method === 'DELETE' || method === 'HEAD') {
		result.qs = { ...signed };
		delete result.body;
	} else {
		headers['Content-Type'] = FORM_CONTENT_TYPE;
		result.body = new URLSearchParams(signed).toString();
		delete result.qs;
	}
	return result;
}
