import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class TalkableApi implements ICredentialType {
	name = 'talkableApi';

	displayName = 'Talkable API';

	icon = { light: 'file:../icons/talkable.svg', dark: 'file:../icons/talkable.dark.svg' } as const;

	documentationUrl = 'https://docs.talkable.com/api_v2/introduction.html';

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
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { Authorization: '=Bearer {{$credentials.apiKey}}' },
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			url: '/campaigns',
			qs: { site_slug: '={{ $credentials.siteSlug }}' },
			headers: { Accept: 'application/json' },
		},
	};
}
