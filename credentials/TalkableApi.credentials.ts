import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class TalkableApi implements ICredentialType {
	name = 'talkableApi';

	displayName = 'Talkable API';

	icon = { light: 'file:../icons/talkable.svg', dark: 'file:../icons/talkable.dark.svg' } as const;

	documentationUrl = 'https://www.talkable.com/api-docs/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Found in Talkable under Account Settings → API Keys',
		},
		{
			displayName: 'Site Slug',
			name: 'siteSlug',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'my-store',
			description: 'Your Talkable Site ID, shown in the Talkable dashboard',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://www.talkable.com/api/v2',
			description: 'Change only for a proxy, a regional host or a local sandbox',
		},
		// The contract names this field webhookKey; it is a secret (it verifies webhooks).
		// eslint-disable-next-line @n8n/community-nodes/credential-unnecessary-password
		{
			displayName: 'Webhook Security Key',
			name: 'webhookKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the Talkable Trigger: the Webhook security key shown in Talkable under Menu → Webhooks. It verifies incoming webhooks.',
		},
	];

	// A function, not a generic `={{ }}` template: n8n would evaluate an expression per request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), Authorization: `Bearer ${String(credentials.apiKey ?? '').trim()}` },
		};
	}

	// The answer is judged by its body (`rules`), never thrown as an HTTP error: n8n's credential
	// tester logs a failed test's whole error, the vendor's body included (n8n 1.x at debug level),
	// and a vendor or proxy that echoes the request back would put the secret in that log.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/campaigns',
			qs: { site_slug: '={{ $credentials.siteSlug }}' },
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'ok', value: false, message: 'Talkable refused the request: check the API key and the site slug' } },
			{ type: 'responseSuccessBody', properties: { key: 'ok', value: undefined, message: 'No Talkable API answer (an ok/result envelope) at the Base URL: check it' } },
		],
	};
}
