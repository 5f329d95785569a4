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

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/account',
			headers: { Accept: 'application/json' },
		},
	};
}
