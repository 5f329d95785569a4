import { isObject } from '../shared/record';
import { DEFAULT_RETRY, parseRetryAfter } from '../shared/retry';
import { COMMON_HINTS, nonBlank, responseHeader, type VendorProfile } from '../shared/vendors';
import { sailthruErrorMeaning } from './lib/errorCodes';

/** Sailthru's "rate limit exceeded" error number. */
const SAILTHRU_RATE_LIMIT_ERROR = 43;
/** Sailthru's "internal error": the request may or may not have been applied. */
const SAILTHRU_INTERNAL_ERROR = 9;

/** Sailthru's profile for the shared request layer: envelope, errors, rate limits, secrets. */
export const sailthru: VendorProfile = {
	displayName: 'Sailthru',
	credentialType: 'sailthruApi',
	secretFields: ['apiSecret', 'apiKey'],
	retryDefaults: DEFAULT_RETRY,
	readError({ body }) {
		if (isObject(body) && body.error !== undefined) {
			const message = nonBlank(body.errormsg) ?? 'Unknown Sailthru error';
			return { message, code: body.error as number, description: sailthruErrorMeaning(body.error) };
		}
		return undefined;
	},
	unwrap: (body) => body,
	isRateLimited: ({ statusCode, body }) =>
		statusCode === 429 || (isObject(body) && Number(body.error) === SAILTHRU_RATE_LIMIT_ERROR),
	isServerError: ({ body }) => isObject(body) && Number(body.error) === SAILTHRU_INTERNAL_ERROR,
	rateLimitWaitMs(response, now) {
		const reset = Number(responseHeader(response, 'x-rate-limit-reset'));
		if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
		return parseRetryAfter(responseHeader(response, 'retry-after'), now);
	},
	rateLimitBudget(response) {
		const remaining = responseHeader(response, 'x-rate-limit-remaining');
		const reset = Number(responseHeader(response, 'x-rate-limit-reset'));
		if (remaining === undefined || remaining === '' || !Number.isFinite(reset) || reset <= 0) return undefined;
		return { remaining: Number(remaining), resetAt: reset * 1000 };
	},
	statusHints: {
		...COMMON_HINTS,
		401: 'Check the API key and secret in the Sailthru credential.',
		403: 'Check the API key and secret in the Sailthru credential.',
	},
	sendsParametersAsJsonText: true,
};
