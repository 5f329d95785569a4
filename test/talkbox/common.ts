/** Shared by the TalkBox test files: the sandbox's Basic auth and n8n's load-options context. */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { Sandbox } from '../support/helpers';

export const PASSWORD = 'sandbox-pass';
export const AUTH = `Basic ${Buffer.from(`sandbox-user:${PASSWORD}`).toString('base64')}`;

/** n8n's load-options context, enough for the node's pickers and resource mapper (real HTTP to the sandbox). */
export function loadContext(sandbox: Sandbox): ILoadOptionsFunctions {
	return {
		getNode: () => ({ id: 'n', name: 'TalkBox', type: 'talkBox', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => sandbox.credentials('talkbox'),
		helpers: {
			async httpRequestWithAuthentication(_type: string, options: any) {
				const url = new URL(`${options.baseURL}${options.url}`);
				for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, { method: options.method, headers: { Authorization: AUTH, Accept: 'application/json' } });
				const text = await response.text();
				return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: text ? JSON.parse(text) : '' };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}
