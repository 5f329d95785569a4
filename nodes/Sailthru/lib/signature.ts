import { createHash } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { hasOwn, setOwn } from '../../shared/record';
import { boundaryOf, buildMultipart, multipartContentType, parseMultipart } from './multipart';

/**
 * Sailthru's request signing, as its official API clients do it.
 *
 * Every call carries four parameters: `api_key`, `format=json`, `json` (the call's own
 * parameters as one JSON string) and `sig`, the MD5 hex digest of the API secret followed by
 * the values of all the other parameters, sorted as strings and joined with nothing.
 * GET and DELETE send them in the query string; POST sends them form-encoded, or, for a file
 * upload, as `multipart/form-data` parts before the file (the file is never signed).
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

/** MD5 hex of the secret followed by the values sorted by code point and joined with nothing. */
export function signValues(apiSecret: string, values: string[]): string {
	return createHash('md5')
		.update(apiSecret + [...values].sort(compareCodePoints).join(''), 'utf8')
		.digest('hex');
}

/** `sig`: MD5 hex of the secret followed by the string-sorted values of the other parameters. */
export function sailthruSignature(apiSecret: string, parameters: Record<string, string>): string {
	return signValues(
		apiSecret,
		Object.entries(parameters)
			.filter(([name]) => name !== 'sig')
			.map(([, value]) => String(value)),
	);
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
		if (!SIGNING_PARAMETERS.includes(name) && value !== undefined) setOwn(result, name, value);
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
		if (!hasOwn(result, name)) setOwn(result, name, value);
	}
	return result;
}

/**
 * The request as Sailthru wants it: the call's parameters signed, in the query string for GET
 * and DELETE (no body), form-encoded in the body for every other method (no query string).
 * Returns a new options object; the one given is left as it was, so retries sign afresh.
 */
export function signRequest(keys: SailthruKeys, requestOptions: IHttpRequestOptions): IHttpRequestOptions {
	const upload = signUpload(keys, requestOptions);
	if (upload) return upload;
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

/** The request's Content-Type header value, whatever the header name's case. */
function contentTypeOf(requestOptions: IHttpRequestOptions): unknown {
	const headers = (requestOptions.headers ?? {}) as IDataObject;
	const name = Object.keys(headers).find((key) => key.toLowerCase() === 'content-type');
	return name === undefined ? undefined : headers[name];
}

/**
 * A file upload (a multipart body the node built with a `json` part and a `file` part): the
 * body again with `api_key`, `format`, `json` and `sig` first, `sig` over those three only.
 * Undefined for any other request.
 */
function signUpload(keys: SailthruKeys, requestOptions: IHttpRequestOptions): IHttpRequestOptions | undefined {
	const boundary = boundaryOf(contentTypeOf(requestOptions));
	const body = requestOptions.body as unknown;
	if (!boundary || !Buffer.isBuffer(body)) return undefined;
	const parts = parseMultipart(boundary, body);
	const json = parts.find((part) => part.name === 'json')?.data.toString('utf8') ?? '{}';
	const unsigned = { api_key: keys.apiKey, format: 'json', json };
	const signed: Record<string, string> = { ...unsigned, sig: sailthruSignature(keys.apiSecret, unsigned) };
	const headers: IDataObject = {};
	for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
		if (name.toLowerCase() !== 'content-type') headers[name] = value;
	}
	headers['Content-Type'] = multipartContentType(boundary);
	const rebuilt = buildMultipart(boundary, [
		...Object.entries(signed).map(([name, value]) => ({ name, data: Buffer.from(value, 'utf8') })),
		...parts.filter((part) => !SIGNING_PARAMETERS.includes(part.name)),
	]);
	const result: IHttpRequestOptions = { ...requestOptions, headers, body: rebuilt };
	delete result.qs;
	return result;
}
