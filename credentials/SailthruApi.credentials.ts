import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { signRequest } from '../nodes/shared/sailthruSignature';

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
	 * body (POST). See nodes/shared/sailthruSignature.ts.
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
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/list',
			method: 'GET',
			headers: { Accept: 'application/json' },
		},
	};
}
