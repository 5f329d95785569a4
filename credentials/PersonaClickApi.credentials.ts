import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { placeForPersonaClick } from '../nodes/PersonaClick/lib/placement';

export class PersonaClickApi implements ICredentialType {
	name = 'personaClickApi';

	displayName = 'PersonaClick API';

	icon = { light: 'file:../icons/personaclick.svg', dark: 'file:../icons/personaclick.dark.svg' } as const;

	documentationUrl = 'https://personaclick.atlassian.net/wiki/spaces/english/pages/100303863/Subscriptions+REST+API';

	properties: INodeProperties[] = [
		{
			displayName: 'Shop ID',
			name: 'shopId',
			type: 'string',
			default: '',
			required: true,
			description: 'The store key, found in PersonaClick under Account → Settings → Store Settings',
		},
		{
			displayName: 'Shop Secret',
			name: 'shopSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The store secret key, found in PersonaClick under Account → Settings → Store Settings',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.personaclick.com',
			description: 'Change only for a proxy, a regional host or a local sandbox',
		},
	];

	/**
	 * PersonaClick wants shop_id and shop_secret as request parameters: in the query string of a
	 * GET, in the JSON body of a POST or a DELETE (/profile/purge takes a JSON body). Works on
	 * copies so the caller's options never hold the secret.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const body = requestOptions.body;
		const options: IHttpRequestOptions = {
			...requestOptions,
			qs: { ...(requestOptions.qs ?? {}) },
			body: body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...(body as IDataObject) } : body,
		};
		placeForPersonaClick(options, 'shop_id', String(credentials.shopId ?? '').trim());
		placeForPersonaClick(options, 'shop_secret', String(credentials.shopSecret ?? ''));
		return options;
	}

	// A read that changes nothing: the subscription status of an address no store has.
	// The answer is judged by its body (`rules`), never thrown as an HTTP error: n8n's credential
	// tester logs a failed test's whole error, the vendor's body included (n8n 1.x at debug level),
	// and a vendor or proxy that echoes the request back would put the secret in that log.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/subscriptions/check',
			method: 'GET',
			qs: { email: 'n8n-credential-test@example.com' },
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 'error', message: 'PersonaClick refused the request: check the shop ID and the shop secret' } },
			{ type: 'responseSuccessBody', properties: { key: 'exists', value: undefined, message: 'No PersonaClick subscription status at the Base URL: check it' } },
		],
	};
}
