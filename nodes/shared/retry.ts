import type { IDataObject } from 'n8n-workflow';

/** What the user can tune, in the node's "Retry" options. */
export interface RetrySettings {
	/** Retries after the first try (0 disables retrying). */
	maxRetries: number;
	/** First back-off wait; each later one doubles (with jitter). */
	initialDelayMs: number;
	/** No single wait (back-off, Retry-After or a vendor's reset time) exceeds this. */
	maxWaitMs: number;
	/** Retry 5xx answers and network failures (only for operations that are safe to repeat). */
	retryServerErrors: boolean;
	/** Most requests of one node run in flight at once (the request governor's cap). */
	maxConcurrent: number;
}

export const DEFAULT_RETRY: RetrySettings = {
	maxRetries: 5,
	initialDelayMs: 1000,
	maxWaitMs: 120_000,
	retryServerErrors: true,
	maxConcurrent: 32,
};

/**
 * Whether a request is safe to repeat when its operation says nothing: by its HTTP method. An
 * operation that is not idempotent whatever its method (a PUT that redeems a voucher) says
 * `retrySafe: false` itself.
 */
export function safeByMethod(method: string | undefined): boolean {
	return ['GET', 'HEAD', 'PUT', 'DELETE'].includes((method ?? 'GET').toUpperCase());
}

/** Read the "retry" collection parameter into settings, filling defaults. */
export function retrySettingsFrom(parameter: IDataObject | undefined, defaults: RetrySettings): RetrySettings {
	const p = parameter ?? {};
	const num = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
	return {
		maxRetries: Math.floor(num(p.maxRetries, defaults.maxRetries)),
		initialDelayMs: num(p.initialDelayMs, defaults.initialDelayMs),
		maxWaitMs: p.maxWaitSeconds === undefined ? defaults.maxWaitMs : num(p.maxWaitSeconds, defaults.maxWaitMs / 1000) * 1000,
		retryServerErrors:
			typeof p.retryServerErrors === 'boolean' ? p.retryServerErrors : defaults.retryServerErrors,
		maxConcurrent: Math.max(1, Math.floor(num(p.maxConcurrent, defaults.maxConcurrent)) || defaults.maxConcurrent),
	};
}

export type Failure =
	| { kind: 'rateLimit'; waitMs?: number }
	| { kind: 'server'; status: number }
	| { kind: 'network'; code: string };

/**
 * Whether a failed try may be repeated. A 429 was refused before any effect, so it is always
 * retried; a 5xx or a network failure may have had an effect, so only operations that are safe
 * to repeat (the operation's `retrySafe`, not its HTTP method) are.
 */
export function isRetryable(failure: Failure, retrySafe: boolean, settings: RetrySettings): boolean {
	if (failure.kind === 'rateLimit') return true;
	return settings.retryServerErrors && retrySafe;
}

/**
 * The wait before retry number `attempt` (1-based): the vendor's own wait when it gave one
 * (Retry-After, reset time), else exponential back-off with full jitter in [base/2, base];
 * always capped by `maxWaitMs`.
 */
export function retryDelay(
	attempt: number,
	settings: RetrySettings,
	vendorWaitMs: number | undefined,
	random: () => number = Math.random,
): number {
	if (vendorWaitMs !== undefined && Number.isFinite(vendorWaitMs)) {
		return Math.min(Math.max(0, vendorWaitMs), settings.maxWaitMs);
	}
	const base = settings.initialDelayMs * 2 ** (attempt - 1);
	const jittered = base / 2 + (random() * base) / 2;
	return Math.min(Math.round(jittered), settings.maxWaitMs);
}

/** `Retry-After` as milliseconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (typeof text !== 'string' && typeof text !== 'number') return undefined;
	const trimmed = String(text).trim();
	if (trimmed === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
