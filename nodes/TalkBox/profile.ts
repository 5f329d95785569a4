import { isObject } from '../shared/record';
import { DEFAULT_RETRY, parseRetryAfter } from '../shared/retry';
import { COMMON_HINTS, isSuccess, nonBlank, responseHeader, type VendorProfile } from '../shared/vendors';

/** Milliseconds until the next full hour in UTC (TalkBox resets its hourly quota then). */
export function msUntilNextUtcHour(now: number = Date.now()): number {
	const hour = 3_600_000;
	return hour - (now % hour);
}

/** TalkBox's profile for the shared request layer: envelope, errors, rate limits, secrets. */
export const talkBox: VendorProfile = {
	displayName: 'TalkBox',
	credentialType: 'talkBoxApi',
	secretFields: ['password', 'webhookToken'],
	// TalkBox resets its hourly quota on the hour: waiting up to an hour is the documented cure.
	retryDefaults: { ...DEFAULT_RETRY, maxWaitMs: 3_600_000 },
	readError({ statusCode, body }) {
		if (isSuccess(statusCode)) {
			// TalkBox sometimes answers an error envelope with HTTP 200: `{code, description}` and
			// nothing else (a record with a code and a description has other fields too).
			const envelope =
				isObject(body) &&
				body.code !== undefined &&
				typeof body.description === 'string' &&
				Object.keys(body).every((key) => ['code', 'description', 'errors'].includes(key));
			return envelope ? { message: nonBlank(body.description) ?? 'TalkBox reported an error', code: body.code as string | number } : undefined;
		}
		if (isObject(body) && (body.description !== undefined || body.code !== undefined)) {
			const description = nonBlank(body.description) ?? JSON.stringify(body.description ?? '');
			return { message: description, code: body.code as string | number | undefined };
		}
		const message = isObject(body) ? nonBlank(body.message) ?? nonBlank(body.error) : undefined;
		return message ? { message } : undefined;
	},
	unwrap: (body) => body,
	isRateLimited: ({ statusCode }) => statusCode === 429,
	rateLimitWaitMs(response, now) {
		const retryAfter = parseRetryAfter(responseHeader(response, 'retry-after'), now);
		if (retryAfter !== undefined) return retryAfter;
		// The reset is on the hour by TalkBox's clock: read it from the Date header when present.
		const serverNow = Date.parse(String(responseHeader(response, 'date') ?? ''));
		return msUntilNextUtcHour(Number.isNaN(serverNow) ? now : serverNow);
	},
	statusHints: {
		...COMMON_HINTS,
		401: 'Check the username and password in the TalkBox credential.',
		403: 'Check that this TalkBox account may use this part of the API.',
		404: 'Check the ID: TalkBox has no record under it.',
		429: 'TalkBox allows 10,000 requests an hour; the quota resets on the hour (UTC).',
	},
};
