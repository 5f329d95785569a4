import type { IDataObject } from 'n8n-workflow';

import { capDepth, isObject, recordFrom } from '../../shared/record';
import { safeEqual } from '../../shared/trigger';

/**
 * The TalkBox Instant Trigger's checks. TalkBox posts the whole contact as JSON on every
 * contact create/change and documents no signature, secret or source-IP list: the URL carries
 * an unguessable token (`?token=…`) that must equal the credential's Webhook Token.
 */

/** A shorter Webhook Token is refused: it would be guessable. 24 characters ≈ 96 bits as hex. */
export const MIN_TOKEN_LENGTH = 24;

export const MISSING_TOKEN =
	'The TalkBox credential has no Webhook Token: generate a long random value (e.g. openssl rand -hex 32), put it into the credential, and append ?token= and that value to the URL in TalkBox (Tools → Developers → Webhooks)';

export const SHORT_TOKEN = `The Webhook Token in the TalkBox credential is too short (at least ${MIN_TOKEN_LENGTH} characters): generate a long random value (e.g. openssl rand -hex 32), put it into the credential and into the URL in TalkBox`;

/** The credential's token (surrounding whitespace from a paste dropped; '' when absent). */
export function credentialToken(credentials: IDataObject): string {
	return typeof credentials.webhookToken === 'string' ? credentials.webhookToken.trim() : '';
}

/** Why the credential's token cannot be used, or undefined when it can. */
export function tokenProblem(token: string): string | undefined {
	if (token === '') return MISSING_TOKEN;
	if (token.length < MIN_TOKEN_LENGTH) return SHORT_TOKEN;
	return undefined;
}

/** The `token` query parameter as one string: the first value when repeated, '' when absent or not text. */
export function queryToken(query: object): string {
	const token = (query as IDataObject).token;
	const value: unknown = Array.isArray(token) ? token[0] : token;
	return typeof value === 'string' ? value : '';
}

/** Whether the request's token equals the credential's, compared in constant time. */
export function tokenMatches(given: string, expected: string): boolean {
	return given !== '' && safeEqual(given, expected);
}

/**
 * The posted contact as the item's JSON: a null-prototype copy of the top-level object (every
 * key, `__proto__` and `constructor` included, is plain data), nesting cut at MAX_JSON_DEPTH.
 * undefined when the body is not JSON or not a JSON object.
 */
export function contactFrom(rawBody: Buffer): IDataObject | undefined {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!isObject(body)) return undefined;
	return recordFrom(Object.entries(capDepth(body)));
}
