import { collectSecrets, redactText, redactValue, REDACTED } from '../../nodes/shared/redact';
import {
	DEFAULT_RETRY,
	isRetryable,
	parseRetryAfter,
	retryDelay,
	retrySettingsFrom,
} from '../../nodes/shared/retry';
import { sailthru } from '../../nodes/Sailthru/profile';
import { msUntilNextUtcHour, talkBox } from '../../nodes/TalkBox/profile';
import { talkable } from '../../nodes/Talkable/profile';
import { personaClick } from '../../nodes/PersonaClick/profile';

describe('retry policy', () => {
	const settings = { ...DEFAULT_RETRY, initialDelayMs: 1000, maxWaitMs: 30_000 };

	test('429 is always retryable; 5xx and network failures only for operations safe to repeat', () => {
		for (const retrySafe of [true, false]) {
			expect(isRetryable({ kind: 'rateLimit' }, retrySafe, settings)).toBe(true);
		}
		expect(isRetryable({ kind: 'server', status: 503 }, true, settings)).toBe(true);
		expect(isRetryable({ kind: 'network', code: 'ECONNRESET' }, true, settings)).toBe(true);
		expect(isRetryable({ kind: 'server', status: 500 }, false, settings)).toBe(false);
		expect(isRetryable({ kind: 'network', code: 'ECONNRESET' }, false, settings)).toBe(false);
		expect(isRetryable({ kind: 'server', status: 503 }, true, { ...settings, retryServerErrors: false })).toBe(false);
	});

	test('back-off doubles with jitter in [base/2, base] and is capped', () => {
		expect(retryDelay(1, settings, undefined, () => 0)).toBe(500);
		expect(retryDelay(1, settings, undefined, () => 1)).toBe(1000);
		expect(retryDelay(3, settings, undefined, () => 0)).toBe(2000);
		expect(retryDelay(3, settings, undefined, () => 1)).toBe(4000);
		expect(retryDelay(10, settings, undefined, () => 1)).toBe(30_000);
	});

	test('a vendor-given wait wins over back-off and is capped too', () => {
		expect(retryDelay(4, settings, 1500, () => 1)).toBe(1500);
		expect(retryDelay(1, settings, 90_000, () => 1)).toBe(30_000);
		expect(retryDelay(1, settings, -5, () => 1)).toBe(0);
	});

	test('Retry-After as seconds or HTTP date', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter(['2'], now)).toBe(2000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
		expect(parseRetryAfter('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	test('TalkBox resets on the UTC hour', () => {
		expect(msUntilNextUtcHour(Date.parse('2026-11-23T10:59:59Z'))).toBe(1000);
		expect(msUntilNextUtcHour(Date.parse('2026-11-23T10:00:00Z'))).toBe(3_600_000);
		const response = { statusCode: 429, headers: { date: 'Mon, 23 Nov 2026 10:59:58 GMT' }, body: {} };
		expect(talkBox.rateLimitWaitMs(response, Date.parse('2026-11-23T10:30:00Z'))).toBe(2000);
	});

	test('Sailthru waits until X-Rate-Limit-Reset and treats error 43 as a rate limit', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		const response = { statusCode: 429, headers: { 'X-Rate-Limit-Reset': String(now / 1000 + 12) }, body: {} };
		expect(sailthru.rateLimitWaitMs(response, now)).toBe(12_000);
		expect(sailthru.isRateLimited({ statusCode: 400, headers: {}, body: { error: 43, errormsg: 'Too many' } })).toBe(true);
		expect(sailthru.isRateLimited({ statusCode: 400, headers: {}, body: { error: 99, errormsg: 'User not found' } })).toBe(false);
	});

	test('user settings fill from defaults and reject nonsense', () => {
		expect(retrySettingsFrom({}, DEFAULT_RETRY)).toEqual(DEFAULT_RETRY);
		expect(retrySettingsFrom({ maxRetries: 2.7, maxWaitSeconds: 3, initialDelayMs: -1 }, DEFAULT_RETRY)).toEqual({
			...DEFAULT_RETRY,
			maxRetries: 2,
			maxWaitMs: 3000,
		});
	});
});

describe('vendor envelopes', () => {
	const response = (statusCode: number, body: unknown) => ({ statusCode, headers: {}, body });

	test('Talkable: ok/result unwrapped, ok:false is an error even on 200', () => {
		expect(talkable.unwrap({ ok: true, result: { person: { a: 1 } } })).toEqual({ person: { a: 1 } });
		expect(talkable.readError(response(200, { ok: true, result: {} }))).toBeUndefined();
		expect(talkable.readError(response(200, { ok: false, error_message: 'No' }))).toEqual({ message: 'No' });
		expect(talkable.readError(response(422, { ok: false, error_message: 'Email is invalid' }))).toEqual({
			message: 'Email is invalid',
		});
	});

	test('TalkBox: {code, description}', () => {
		expect(talkBox.readError(response(422, { code: 12, description: 'Name is required' }))).toEqual({
			message: 'Name is required',
			code: 12,
		});
		expect(talkBox.readError(response(200, { code: 12 }))).toBeUndefined();
	});

	test('Sailthru: {error, errormsg}', () => {
		expect(sailthru.readError(response(400, { error: 99, errormsg: 'User not found' }))).toEqual({
			message: 'User not found',
			code: 99,
			description: 'Other error: see Sailthru’s message.',
		});
		expect(sailthru.readError(response(200, { keys: {} }))).toBeUndefined();
	});

	test('PersonaClick: message or payload.message, status error even on 200', () => {
		expect(personaClick.readError(response(403, { status: 'error', message: 'Bad secret' }))).toEqual({ message: 'Bad secret' });
		expect(personaClick.readError(response(400, { status: 'error', payload: { message: 'Nested' } }))).toEqual({
			message: 'Nested',
		});
		expect(personaClick.readError(response(200, { status: 'error' }))).toEqual({ message: 'PersonaClick reported an error' });
		expect(personaClick.readError(response(200, { status: 'success' }))).toBeUndefined();
	});
});

describe('secret redaction', () => {
	const secrets = collectSecrets({ apiKey: 'k3y/with+chars', short: 'abc', other: 42 } as never, ['apiKey', 'short', 'other']);

	test('covers the raw value and its URL-encoded forms, skips short and non-string values', () => {
		expect(secrets).toEqual(expect.arrayContaining(['k3y/with+chars', 'k3y%2Fwith%2Bchars']));
		expect(secrets).not.toContain('abc');
		expect(redactText('url?key=k3y%2Fwith%2Bchars&x=k3y/with+chars', secrets)).toBe(
			`url?key=${REDACTED}&x=${REDACTED}`,
		);
	});

	test('redacts deeply, keys included, without touching the input', () => {
		const input = { a: ['k3y/with+chars'], 'k3y/with+chars': { b: 'x k3y/with+chars y' }, n: 1 };
		expect(redactValue(input, secrets)).toEqual({ a: [REDACTED], [REDACTED]: { b: `x ${REDACTED} y` }, n: 1 });
		expect(input.a[0]).toBe('k3y/with+chars');
	});
});
