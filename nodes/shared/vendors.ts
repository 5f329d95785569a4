import type { IDataObject } from 'n8n-workflow';

import { sailthruErrorMeaning } from '../Sailthru/errorCodes';
import { isObject } from './params';
import { DEFAULT_RETRY, msUntilNextUtcHour, parseRetryAfter, type RetrySettings } from './retry';

/** A response as the shared executor sees it (n8n's full response, never thrown on a status). */
export interface VendorResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** The vendor's own account of a failure: what the node error shows. */
export interface VendorError {
	message: string;
	description?: string;
	/** The vendor's own error code, when its envelope has one. */
	code?: string | number;
}

/**
 * Everything vendor-specific that the shared request layer needs: its envelope, how it says
 * "slow down", which credential fields are secret. One object per vendor, all here, so that
 * envelopes and rate-limit rules are read in one place.
 */
export interface VendorProfile {
	displayName: string;
	credentialType: string;
	/** Credential fields whose values must never appear in output, errors or logs. */
	secretFields: readonly string[];
	retryDefaults: RetrySettings;
	/** The vendor error carried by a response, or undefined when it is a success. */
	readError(response: VendorResponse): VendorError | undefined;
	/** A success body without its envelope. */
	unwrap(body: unknown): unknown;
	/** Whether the answer means "too many requests". */
	isRateLimited(response: VendorResponse): boolean;
	/**
	 * Whether an answer that is not a 5xx still means "the server failed, the request may or may
	 * not have been applied" (Sailthru's error 9): treated like a 5xx (retried only when safe).
	 */
	isServerError?(response: VendorResponse): boolean;
	/** How long the vendor asked us to wait (ms), when it said. */
	rateLimitWaitMs(response: VendorResponse, now: number): number | undefined;
	/** The requests left until the vendor's window resets, when it announces them (paces the run). */
	rateLimitBudget?(response: VendorResponse): { remaining: number; resetAt: number } | undefined;
	/** What to check for a status, shown as the error description when the vendor gives none. */
	statusHints: Readonly<Record<number, string>>;
	/**
	 * The call's parameters reach the wire as one JSON text (Sailthru's signed `json`), not
	 * through n8n's HTTP client as JSON or a query: every key the user names is kept, so no key
	 * is refused (see `unsendableKeyError`).
	 */
	sendsParametersAsJsonText?: boolean;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

const header = (response: VendorResponse, name: string): unknown => {
	const key = Object.keys(response.headers).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : response.headers[key];
};

const str = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

const COMMON_HINTS: Record<number, string> = {
	401: 'Check the credential: the vendor did not accept it.',
	403: 'Check that the credential has access to this resource.',
	404: 'Check the identifier: the vendor found nothing under it.',
	429: 'The vendor is rate-limiting this account.',
};

export const talkable: VendorProfile = {
	displayName: 'Talkable',
	credentialType: 'talkableApi',
	secretFields: ['apiKey', 'webhookKey'],
	retryDefaults: DEFAULT_RETRY,
	readError({ statusCode, body }) {
		const message = isObject(body) ? str(body.error_message) : undefined;
		if (isSuccess(statusCode) && !(isObject(body) && body.ok === false)) return undefined;
		return message ? { message } : undefined;
	},
	unwrap: (body) => (isObject(body) && body.ok === true && 'result' in body ? body.result : body),
	isRateLimited: ({ statusCode }) => statusCode === 429,
	rateLimitWaitMs: (response, now) => parseRetryAfter(header(response, 'retry-after'), now),
	statusHints: {
		...COMMON_HINTS,
		400: 'Talkable answers most validation and not-found errors with 400: its message says which value to check.',
		401: 'Check the API key in the Talkable credential.',
		404: 'Check the person (email or username) and the site slug.',
	},
};

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
			return envelope ? { message: str(body.description) ?? 'TalkBox reported an error', code: body.code as string | number } : undefined;
		}
		if (isObject(body) && (body.description !== undefined || body.code !== undefined)) {
			const description = str(body.description) ?? JSON.stringify(body.description ?? '');
			return { message: description, code: body.code as string | number | undefined };
		}
		const message = isObject(body) ? str(body.message) ?? str(body.error) : undefined;
		return message ? { message } : undefined;
	},
	unwrap: (body) => body,
	isRateLimited: ({ statusCode }) => statusCode === 429,
	rateLimitWaitMs(response, now) {
		const retryAfter = parseRetryAfter(header(response, 'retry-after'), now);
		if (retryAfter !== undefined) return retryAfter;
		// The reset is on the hour by TalkBox's clock: read it from the Date header when present.
		const serverNow = Date.parse(String(header(response, 'date') ?? ''));
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

/** Sailthru's "rate limit exceeded" error number. */
const SAILTHRU_RATE_LIMIT_ERROR = 43;
/** Sailthru's "internal error": the request may or may not have been applied. */
const SAILTHRU_INTERNAL_ERROR = 9;

export const sailthru: VendorProfile = {
	displayName: 'Sailthru',
	credentialType: 'sailthruApi',
	secretFields: ['apiSecret', 'apiKey'],
	retryDefaults: DEFAULT_RETRY,
	readError({ body }) {
		if (isObject(body) && body.error !== undefined) {
			const message = str(body.errormsg) ?? 'Unknown Sailthru error';
			return { message, code: body.error as number, description: sailthruErrorMeaning(body.error) };
		}
		return undefined;
	},
	unwrap: (body) => body,
	isRateLimited: ({ statusCode, body }) =>
		statusCode === 429 || (isObject(body) && Number(body.error) === SAILTHRU_RATE_LIMIT_ERROR),
	isServerError: ({ body }) => isObject(body) && Number(body.error) === SAILTHRU_INTERNAL_ERROR,
	rateLimitWaitMs(response, now) {
		const reset = Number(header(response, 'x-rate-limit-reset'));
		if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now);
		return parseRetryAfter(header(response, 'retry-after'), now);
	},
	rateLimitBudget(response) {
		const remaining = header(response, 'x-rate-limit-remaining');
		const reset = Number(header(response, 'x-rate-limit-reset'));
		if (remaining === undefined || remaining === '' || !Number.isFinite(reset) || reset <= 0) return undefined;
		return { remaining: Number(remaining), resetAt: reset * 1000 };
	},
	statusHints: {
		...COMMON_HINTS,
		401: 'Check the API key and secret in the Sailthru credential.',
		403: 'Check the API key and secret in the Sailthru credential.',
	},	sendsParametersAsJsonText: true,
};

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
		const message = str(body.message) ?? (payload ? str(payload.message) : undefined) ?? str(body.error);
		return message ? { message } : envelopeError ? { message: 'PersonaClick reported an error' } : undefined;
	},
	unwrap: (body) => body,
	isRateLimited: ({ statusCode }) => statusCode === 429,
	rateLimitWaitMs: (response, now) => parseRetryAfter(header(response, 'retry-after'), now),
	statusHints: {
		...COMMON_HINTS,
		403: 'Check the shop ID and shop secret in the PersonaClick credential.',
	},
};
