import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { copyJson } from './record';

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not redacted, so that redaction cannot shred ordinary text. */
const MIN_SECRET_LENGTH = 4;

const hex = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * `encodeURIComponent` of the text as it goes on the wire: a lone UTF-16 surrogate (which
 * `encodeURIComponent` refuses with a URIError) becomes U+FFFD, as URLSearchParams and UTF-8
 * encoding make it.
 */
const uriEncode = (text: string) =>
	encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

const base64 = (text: string) => {
	// btoa is global in every Node that n8n runs on; it takes Latin-1, so go through UTF-8 bytes.
	const bytes = uriEncode(text).replace(/%([0-9A-F]{2})/g, (_, code: string) => String.fromCharCode(parseInt(code, 16)));
	return btoa(bytes);
};

/**
 * Every form a secret takes on the wire and in messages: as typed; `encodeURIComponent`; form
 * encoding (`+` for a space, as URLSearchParams and HTML forms write it); RFC 3986 (`!'()*`
 * encoded too, as qs and axios write query strings); the same with lowercase hex; JSON string
 * escaping; and base64 (alone and as HTTP Basic `user:password`, with every other credential
 * value as the user).
 */
function encodings(secret: string, others: readonly string[]): string[] {
	const uri = uriEncode(secret);
	const rfc3986 = uri.replace(/[!'()*]/g, hex);
	const forms = [
		secret,
		uri,
		uri.replace(/%20/g, '+'),
		rfc3986,
		rfc3986.replace(/%20/g, '+'),
		new URLSearchParams({ s: secret }).toString().slice(2),
		JSON.stringify(secret).slice(1, -1),
		base64(secret),
		...others.map((user) => base64(`${user}:${secret}`)),
	];
	for (const form of [...forms]) {
		const lower = form.replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase());
		if (lower !== form) forms.push(lower);
	}
	return forms;
}

/**
 * The secret strings of a credential: every listed field's value in every encoding it may take
 * on the wire (see `encodings`), longest first so that an encoded form is replaced before a
 * shorter piece of it.
 */
export function collectSecrets(
	credentials: ICredentialDataDecryptedObject | undefined,
	fields: readonly string[],
): string[] {
	if (!credentials) return [];
	const others = Object.values(credentials).filter(
		(value): value is string => typeof value === 'string' && value !== '' && value.length < 512,
	);
	const secrets = new Set<string>();
	for (const field of fields) {
		const value = credentials[field];
		if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) continue;
		for (const form of encodings(value, others)) {
			if (form.length >= MIN_SECRET_LENGTH) secrets.add(form);
		}
		const trimmed = value.trim();
		if (trimmed !== value && trimmed.length >= MIN_SECRET_LENGTH) {
			for (const form of encodings(trimmed, others)) secrets.add(form);
		}
	}
	return [...secrets].sort((a, b) => b.length - a.length);
}

const patterns = new WeakMap<readonly string[], RegExp>();

/** One pattern for all the secrets, longest first, so that one pass replaces each where it starts. */
function patternFor(secrets: readonly string[]): RegExp {
	let pattern = patterns.get(secrets);
	if (!pattern) {
		const sorted = secrets.filter((secret) => secret !== '').sort((a, b) => b.length - a.length);
		pattern = new RegExp(sorted.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
		patterns.set(secrets, pattern);
	}
	return pattern;
}

const holdsSecret = (text: string, secrets: readonly string[]) => secrets.some((secret) => secret !== '' && text.includes(secret));

/**
 * Replace every occurrence of every secret in a string, in one pass: a marker that was put in is
 * never searched again. A secret that overlaps the marker itself (`redacte`, `d]zz`) could be
 * spelled again by a marker and its neighbours: then every secret is removed instead, pass after
 * pass until none is left (each pass shortens the text, so this ends).
 */
export function redactText(text: string, secrets: readonly string[]): string {
	if (!holdsSecret(text, secrets)) return text;
	const pattern = patternFor(secrets);
	let result = text.replace(pattern, REDACTED);
	if (!holdsSecret(result, secrets)) return result;
	result = text;
	while (holdsSecret(result, secrets)) result = result.replace(pattern, '');
	return result;
}

/**
 * A deep copy of a JSON-like value with every secret replaced in its strings and keys. Walked
 * without recursion, and cut past MAX_JSON_DEPTH levels (see `copyJson`): a vendor's deeply
 * nested error body cannot overflow the stack.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	return copyJson(value, (text) => redactText(text, secrets));
}
