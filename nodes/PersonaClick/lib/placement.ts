import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * Where PersonaClick wants a request parameter: the query string of a GET, the JSON body of
 * every other method (POST, and DELETE /profile/purge, which takes a JSON body).
 */
export function placeForPersonaClick(options: IHttpRequestOptions, key: string, value: unknown): IHttpRequestOptions {
	const method = (options.method ?? 'GET').toUpperCase();
	if (method === 'GET' || method === 'HEAD') {
		options.qs = { ...(options.qs ?? {}), [key]: value as IDataObject[string] };
	} else {
		if (!options.body || typeof options.body !== 'object' || Array.isArray(options.body)) options.body = {};
		(options.body as IDataObject)[key] = value as IDataObject[string];
	}
	return options;
}
