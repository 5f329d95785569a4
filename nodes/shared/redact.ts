import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const REDACTED = '[redacted]';

/**
 * The secret strings of a credential: every listed field's value and its URL-encoded forms
 * (a secret in a query string is encoded with `%XX` or `+`). Short values are skipped so that
 * redaction cannot shred ordinary text.
 */
export function collectSecrets(
	credentials: ICredentialDataDecryptedObject | undefined,
	fields: readonly string[],
): string[] {
	if (!credentials) return [];
	const secrets = new Set<string>();
	for (const field of fields) {
		const value = credentials[field];
		if (typeof value !== 'string' || value.length < 4) continue;
		secrets.add(value);
		secrets.add(encodeURIComponent(value));
		secrets.add(encodeURIComponent(value).replace(/%20/g, '+'));
	}
	// Longest first, so that an encoded form is replaced before a shorter prefix of it.
	return [...secrets].sort((a, b) => b.length - a.length);
}

/** Replace every occurrence of every secret in a string. */
export function redactText(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (result.includes(secret)) result = result.split(secret).join(REDACTED);
	}
	return result;
}

/** Deep-copy a JSON-like value with every secret replaced in its strings (keys included). */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	if (secrets.length === 0) return value;
	if (typeof value === 'string') return redactText(value, secrets) as T;
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, secrets)) as T;
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
			copy[redactText(key, secrets)] = redactValue(entry, secrets);
		}
		return copy as T;
	}
	return value;
}
