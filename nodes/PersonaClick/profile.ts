import { isObject } from '../shared/record';
import { DEFAULT_RETRY, parseRetryAfter } from '../shared/retry';
import { COMMON_HINTS, isSuccess, nonBlank, responseHeader, type VendorProfile } from '../shared/vendors';

/** PersonaClick's profile for the shared request layer: envelope, errors, rate limits, secrets. */
export const personaClick: VendorProfile = {
	displayName: 'PersonaClick',
	credentialType: 'personaClickApi',
	secretFields: ['shopSecret'],
	retryDefaults: DEFAULT_RETRY,
	readError({ statusCode, body }) {
		const envelopeError = isObject(body) && body.status === 'error';
		if (isSuccess(statusCode) && !envelopeError) return undefined;
		if (!isObject(body)) return undefined;
		const payload = isObject(body.payload) ? body.payload : undefined;
		const message = nonBlank(body.message) ?? (payload ? nonBlank(payload.message) : undefined) ?? nonBlank(body.error);
		return message ? { message } : envelopeError ? { message: 'PersonaClick reported an error' } : undefined;
	},
	unwrap: (body) => body,
	isRateLimited: ({ statusCode }) => statusCode === 429,
	rateLimitWaitMs: (response, now) => parseRetryAfter(responseHeader(response, 'retry-after'), now),
	statusHints: {
		...COMMON_HINTS,
		403: 'Check the shop ID and shop secret in the PersonaClick credential.',
	},
};
