import { isObject } from '../shared/record';
import { DEFAULT_RETRY, parseRetryAfter } from '../shared/retry';
import { COMMON_HINTS, isSuccess, nonBlank, responseHeader, type VendorProfile } from '../shared/vendors';

/** Talkable's profile for the shared request layer: envelope, errors, rate limits, secrets. */
export const talkable: VendorProfile = {
	displayName: 'Talkable',
	credentialType: 'talkableApi',
	secretFields: ['apiKey', 'webhookKey'],
	retryDefaults: DEFAULT_RETRY,
	readError({ statusCode, body }) {
		const message = isObject(body) ? nonBlank(body.error_message) : undefined;
		if (isSuccess(statusCode) && !(isObject(body) && body.ok === false)) return undefined;
		return message ? { message } : undefined;
	},
	unwrap: (body) => (isObject(body) && body.ok === true && 'result' in body ? body.result : body),
	isRateLimited: ({ statusCode }) => statusCode === 429,
	rateLimitWaitMs: (response, now) => parseRetryAfter(responseHeader(response, 'retry-after'), now),
	statusHints: {
		...COMMON_HINTS,
		400: 'Talkable answers most validation and not-found errors with 400: its message says which value to check.',
		401: 'Check the API key in the Talkable credential.',
		404: 'Check the person (email or username) and the site slug.',
	},
};
