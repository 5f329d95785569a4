import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { signRequest } from '../nodes/Sailthru/lib/signature';

export class SailthruApi implements ICredentialType {
	name = 'sailthruApi';

	displayName = 'Sailthru API';

	icon = { light: 'file:../icons/sailthru.svg', dark: 'file:../icons/sailthru.dark.svg' } as const;

	documentationUrl = 'https://getstarted.sailthru.com/developers/api-basics/technical/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Found in Sailthru under Settings → API & Integrations',
		},
		{
			displayName: 'API Secret',
			name: 'apiSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The shared secret shown next to the API key. It signs every request and is never sent itself.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.sailthru.com',
			description: 'Change only for a proxy, a regional host or a local sandbox',
		},
	];

	/**
	 * Sailthru signs each call: its parameters become `json`, sent with `api_key`, `format` and
	 * `sig` (MD5 of the secret and the sorted values), in the query (GET/DELETE) or as a form
	 * body (POST). See nodes/Sailthru/lib/signature.ts.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return signRequest(
			{ apiKey: String(credentials.apiKey ?? '').trim(), apiSecret: String(credentials.apiSecret ?? '') },
			requestOptions,
		);
	}

	// GET /list (all lists: the official clients' get_lists) is a cheap signed call that any
	// valid key and secret may make; a wrong key or secret is refused (error 3 or 5).
	// The answer is judged by its body (`rules`), never thrown as an HTTP error: n8n's credential
	// tester logs a failed test's whole error, the vendor's body included (n8n 1.x at debug level),
	// and a vendor or proxy that echoes the request back would put the secret in that log.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/list',
			method: 'GET',
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 3, message: 'Sailthru: invalid API key' } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 5, message: 'Sailthru: authentication failed (the API secret does not belong to this API key)' } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 4, message: "Sailthru: this n8n server's IP address is not on the account's allowed list" } },
			{ type: 'responseSuccessBody', properties: { key: 'lists', value: undefined, message: 'Sailthru did not return the lists: check the API key, the API secret and the Base URL' } },
		],
	};
}
