import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const REDACTED = '[redacted]';

/** Secrets shorter than this are not redacted, so that redaction cannot shred ordinary text. */
const MIN_SECRET_LENGTH = 4;

/** Deeper than this, a value is replaced as a whole (a hostile body cannot overflow the stack). */
const MAX_DEPTH = 64;

const hex = (char: string) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;

const base64 = (text: string) => {
	// btoa is global in every Node that n8n runs on; it takes Latin-1, so go through UTF-8 bytes.
	const bytes = encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, code: string) =>
		String.fromCharCode(parseInt(code, 16)),
	);
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
	const uri = encodeURIComponent(secret);
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

/** Replace every occurrence of every secret in a string. */
export function redactText(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (result.includes(secret)) result = result.split(secret).join(REDACTED);
	}
	return result;
}

/**
 * A deep copy of a JSON-like value with every secret replaced in its strings (keys included).
 * Iterative, not recursive: a vendor's deeply nested error body cannot overflow the stack; past
 * MAX_DEPTH levels the rest is replaced by a marker.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
	const copyOf = (entry: unknown): unknown =>
		typeof entry === 'string' ? redactText(entry, secrets) : Array.isArray(entry) ? [] : entry !== null && typeof entry === 'object' ? {} : entry;
	const root = { value: copyOf(value) };
	if (root.value === value || typeof value === 'string') return root.value as T;
	const stack: Array<{ source: unknown; target: Record<string, unknown> | unknown[]; depth: number }> = [
		{ source: value, target: root.value as Record<string, unknown>, depth: 1 },
	];
	while (stack.length > 0) {
		const { source, target, depth } = stack.pop()!;
		const entries = Array.isArray(source)
			? source.map((entry, index) => [index, entry] as const)
			: Object.entries(source as Record<string, unknown>);
		for (const [key, entry] of entries) {
			const name = typeof key === 'string' ? redactText(key, secrets) : key;
			let copy = copyOf(entry);
			if (copy !== null && typeof copy === 'object') {
				if (depth >= MAX_DEPTH) {
					copy = '[nested too deep]';
				} else {
					stack.push({ source: entry, target: copy as Record<string, unknown>, depth: depth + 1 });
				}
			}
			(target as Record<string | number, unknown>)[name] = copy;
		}
	}
	return root.value as T;
}
