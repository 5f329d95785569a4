import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { fail, isEmpty, isPlausibleEmail } from './params';
import { setPath } from './record';

/** The parameter must have a non-empty value for this item. */
export function requireValue(parameter: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, '', { extractValue: true });
		if (isEmpty(value)) fail(this, label, 'a value is required but this item has none');
		return options;
	};
}

/** The parameter, when set (or always, when `required`), must look like an email address. */
export function requireEmail(parameter: string, label: string, required = true): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const value = this.getNodeParameter(parameter, '') as string;
		if (isEmpty(value)) {
			if (required) fail(this, label, 'an email address is required but this item has none');
			return options;
		}
		if (typeof value !== 'string' || !isPlausibleEmail(value)) {
			fail(this, label, `"${String(value)}" is not a valid email address`);
		}
		return options;
	};
}

/** Set a value at a dot path inside the request body, creating objects on the way. */
export function setBodyPath(options: IHttpRequestOptions, path: string, value: unknown): void {
	if (!options.body || typeof options.body !== 'object') options.body = {};
	setPath(options.body as IDataObject, path, value);
}

/** preSend: the body's value at `key` as trimmed text (routing sends what was typed). */
export function trimBodyText(key: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body = options.body as IDataObject;
		body[key] = String(body[key] ?? '').trim();
		return options;
	};
}

/**
 * Put a parameter where the vendor expects it for this method: the query string for GET and
 * DELETE, the JSON body otherwise (Talkable's site_slug, PersonaClick's shop credentials).
 */
export function placeByMethod(options: IHttpRequestOptions, key: string, value: unknown): IHttpRequestOptions {
	const method = (options.method ?? 'GET').toUpperCase();
	if (method === 'GET' || method === 'DELETE') {
		options.qs = { ...(options.qs ?? {}), [key]: value as IDataObject[string] };
	} else {
		setBodyPath(options, key, value);
	}
	return options;
}
