import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class TalkBoxApi implements ICredentialType {
	name = 'talkBoxApi';

	displayName = 'TalkBox API';

	icon = { light: 'file:../icons/talkbox.svg', dark: 'file:../icons/talkbox.dark.svg' } as const;

	documentationUrl = 'https://talkbox.impactapp.com.au/api';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'Your TalkBox API username (TalkBox → API credentials)',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API password shown once when the API credential was created',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://talkbox.impactapp.com.au/service/v1',
			description: 'Change only for a proxy or a local sandbox',
		},
		{
			displayName: 'Webhook Token',
			name: 'webhookToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only for the TalkBox Instant Trigger: a long random value you generate (at least 24 characters, e.g. the output of openssl rand -hex 32). Append ?token= and this value to the Production URL you paste into TalkBox (Tools → Developers → Webhooks); requests without it are refused.',
		},
	];

	// A function, not a generic `={{ }}` template: n8n would evaluate two expressions per request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			auth: { username: String(credentials.username ?? ''), password: String(credentials.password ?? '') },
		};
	}

	// The answer is judged by its body (`rules`), never thrown as an HTTP error: n8n's credential
	// tester logs a failed test's whole error, the vendor's body included (n8n 1.x at debug level),
	// and a vendor or proxy that echoes the request back would put the secret in that log.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/account',
			headers: { Accept: 'application/json' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'code', value: 401, message: 'TalkBox refused the API username or password' } },
			{ type: 'responseSuccessBody', properties: { key: 'created_at', value: undefined, message: 'TalkBox did not return the account: check the API username, the password and the Base URL' } },
		],
	};
}
