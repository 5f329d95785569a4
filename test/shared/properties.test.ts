/**
 * Property-based tests (fast-check) for the parsers of outsider-chosen keys (Sailthru postbacks,
 * Talkable legacy forms), for secret redaction (redact.ts) and for IDs in URL paths (params.ts).
 * Every property runs a fixed number of cases from a fixed seed, so a run is reproducible; a
 * failure prints the shrunk counterexample and the seed.
 */
import fc from 'fast-check';
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { idPath, pathSegment } from '../../nodes/shared/params';
import { collectSecrets, REDACTED, redactText, redactValue } from '../../nodes/shared/redact';
import { formPairs } from '../../nodes/shared/trigger';
import { postbackFields } from '../../nodes/Sailthru/trigger/postback';
import { parseLegacy } from '../../nodes/Talkable/trigger/webhook';

const RUNS = { seed: 22_003, numRuns: 400 };

// ------------------------------------------------------------------------------ generators

/** Names an object inherits or that reach its prototype, and the postback's own signing names. */
const TRICKY_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'sig', 'api_key', 'x', ''];

/** Characters that matter in URLs, forms and bracket keys. */
const SPECIAL_CHARS = [...'/?#.%&=+[] \\\t\n"\'<>:;@!$()*,~'];

/** One character: printable ASCII, any Unicode grapheme, or a URL/form special. */
const anyChar = fc.oneof(
	fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }),
	fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
	fc.constantFrom(...SPECIAL_CHARS),
);

/** A lone UTF-16 surrogate: a JS string can hold one, UTF-8 and URL encodings cannot. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Well-formed text (what a form or JSON body can carry), biased towards specials. */
const text = (constraints: { minLength?: number; maxLength?: number } = {}) =>
	fc.string({ unit: anyChar, maxLength: 12, ...constraints });

/** A segment of a form name: tricky or arbitrary text. */
const nameSegment = fc.oneof(fc.constantFrom(...TRICKY_NAMES), text({ maxLength: 6 }));

/** A form field name as an outsider may write it: plain, bracketed (`a[b][c]`), or broken brackets. */
const formName = fc.oneof(
	nameSegment,
	fc
		.tuple(nameSegment, fc.array(nameSegment, { minLength: 1, maxLength: 4 }))
		.map(([head, rest]) => `${head}${rest.map((segment) => `[${segment}]`).join('')}`),
	fc.tuple(nameSegment, nameSegment).map(([a, b]) => `${a}[${b}`),
);

const formPairsArb = fc.array(fc.tuple(formName, text()), { maxLength: 12 });

/** Object.prototype and Function.prototype as they are now: every own name and its value. */
function prototypeSnapshot() {
	const snapshot = (target: object) =>
		Object.getOwnPropertyNames(target).map((name) => [name, Object.getOwnPropertyDescriptor(target, name)?.value] as const);
	return { object: snapshot(Object.prototype), fn: snapshot(Function.prototype) };
}

function expectPrototypesUnchanged(before: ReturnType<typeof prototypeSnapshot>) {
	const after = prototypeSnapshot();
	const changed = (a: ReadonlyArray<readonly [string, unknown]>, b: ReadonlyArray<readonly [string, unknown]>) =>
		a.length !== b.length || a.some(([name, value], index) => b[index][0] !== name || b[index][1] !== value);
	if (changed(before.object, after.object) || changed(before.fn, after.fn)) {
		// Clean up before failing, so that one counterexample does not poison the other cases.
		for (const [name] of after.object) {
			if (!before.object.some(([known]) => known === name)) delete (Object.prototype as Record<string, unknown>)[name];
		}
		throw new Error('Object.prototype or Function.prototype changed');
	}
}

/** Every object level of a value has a null prototype. */
function nullPrototypesThroughout(value: unknown): boolean {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return true;
	return Object.getPrototypeOf(value) === null && Object.values(value).every(nullPrototypesThroughout);
}

/** A null-prototype record from entries. */
const record = (entries: Array<[string, unknown]>): IDataObject => {
	const result = Object.create(null) as IDataObject;
	for (const [key, value] of entries) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
	return result;
};

// ------------------------------------------------------------------------------ postback / form parsers

describe('Sailthru postback fields (postback.ts postbackFields, trigger.ts formPairs)', () => {
	test('any names and values, sent as a form: nothing reaches Object.prototype or Function.prototype; every level is a null-prototype record', () => {
		fc.assert(
			fc.property(formPairsArb, (pairs) => {
				const before = prototypeSnapshot();
				const wire = new URLSearchParams(pairs).toString();
				const fields = postbackFields(formPairs(Buffer.from(wire, 'utf8')));
				expectPrototypesUnchanged(before);
				expect(nullPrototypesThroughout(fields)).toBe(true);
				// Only the exact names sig and api_key are left out (`api_key[x]` is an ordinary field).
				expect(fields.sig === undefined || typeof fields.sig === 'object').toBe(true);
				expect(fields.api_key === undefined || typeof fields.api_key === 'object').toBe(true);
			}),
			RUNS,
		);
	});

	/** A tree of ordinary names (no brackets; top-level names not empty, not sig or api_key). */
	const innerName = fc.oneof(fc.constantFrom(...TRICKY_NAMES), text({ maxLength: 6 })).filter((name) => !/[[\]]/.test(name));
	const topName = innerName.filter((name) => name !== '' && name !== 'sig' && name !== 'api_key');
	const { tree } = fc.letrec((tie) => ({
		tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text(), tie('branch')),
		branch: fc.uniqueArray(fc.tuple(innerName, tie('tree')), { minLength: 1, maxLength: 4, selector: ([name]) => name }),
	}));
	const postback = fc.uniqueArray(fc.tuple(topName, tree), { minLength: 1, maxLength: 5, selector: ([name]) => name });

	/** Form pairs as Sailthru writes a nested postback: `lists[Daily Deals]=0`. */
	function flatten(entries: Array<[string, unknown]>, prefix = ''): Array<[string, string]> {
		return entries.flatMap(([name, value]) => {
			const key = prefix ? `${prefix}[${name}]` : name;
			return Array.isArray(value) ? flatten(value as Array<[string, unknown]>, key) : [[key, value as string] as [string, string]];
		});
	}
	const asRecord = (entries: Array<[string, unknown]>): IDataObject =>
		record(entries.map(([name, value]) => [name, Array.isArray(value) ? asRecord(value as Array<[string, unknown]>) : value]));

	test('round trip: any tree of ordinary names and values, posted as bracket keys, parses back to the same tree', () => {
		fc.assert(
			fc.property(postback, (entries) => {
				const before = prototypeSnapshot();
				const pairs = [...flatten(entries as Array<[string, unknown]>), ['api_key', 'k'], ['sig', 's']] as Array<[string, string]>;
				const fields = postbackFields(formPairs(Buffer.from(new URLSearchParams(pairs).toString(), 'utf8')));
				expectPrototypesUnchanged(before);
				expect(fields).toEqual(asRecord(entries as Array<[string, unknown]>));
				expect(JSON.stringify(fields)).toBe(JSON.stringify(asRecord(entries as Array<[string, unknown]>)));
			}),
			RUNS,
		);
	});
});

describe('Talkable legacy form (webhook.ts parseLegacy)', () => {
	test('any form: nothing reaches Object.prototype; the item has exactly its five keys; the key is the first key field', () => {
		fc.assert(
			fc.property(formPairsArb, fc.boolean(), (pairs, withKey) => {
				const all: Array<[string, string]> = withKey ? [...pairs, ['key', 'the-key']] : pairs;
				const before = prototypeSnapshot();
				const legacy = parseLegacy(Buffer.from(new URLSearchParams(all).toString(), 'utf8'));
				expectPrototypesUnchanged(before);
				expect(Object.keys(legacy.item)).toEqual(['event', 'type', 'site', 'payload', 'extras']);
				expect(legacy.key).toBe(all.find(([name]) => name === 'key')?.[1] ?? '');
			}),
			RUNS,
		);
	});
});

// ------------------------------------------------------------------------------ redaction

/** A secret: arbitrary well-formed text of 4+ characters (the shortest collectSecrets redacts). */
const secretArb = fc.oneof(
	text({ minLength: 4, maxLength: 16 }),
	fc.string({ unit: fc.constantFrom(...'ab% +/=:"\\'), minLength: 4, maxLength: 10 }),
);

const secretsFor = (secret: string) => collectSecrets({ apiSecret: secret, apiKey: 'public-key' }, ['apiSecret']);

/**
 * Whether a form of the secret can overlap the marker "[redacted]" that replaces it (it has a
 * bracket, or it is a piece of the marker): then replacing it may put it together again.
 */
const overlapsMarker = (secret: string) =>
	secretsFor(secret).some((form) => /[[\]]/.test(form) || REDACTED.includes(form));

/** Text with the secret's encodings among arbitrary fragments. */
const textWith = (forms: string[]) =>
	fc.array(fc.oneof(text({ maxLength: 6 }), fc.constantFrom(...forms)), { maxLength: 6 }).map((parts) => parts.join(''));

/** A JSON value whose strings and keys carry the secret's encodings. */
const jsonWith = (forms: string[]) => {
	const key = fc.oneof(textWith(forms), fc.constantFrom('__proto__', 'constructor', 'prototype'));
	return fc.letrec((tie) => ({
		value: fc.oneof(
			{ depthSize: 'small', withCrossShrink: true },
			textWith(forms),
			fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)),
			fc.array(tie('value'), { maxLength: 4 }),
			fc.uniqueArray(fc.tuple(key, tie('value')), { maxLength: 4, selector: ([name]) => name }).map((entries) => record(entries)),
		),
	})).value;
};

/** Every string (values and own keys) in a value. */
function stringsOf(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) for (const entry of value) stringsOf(entry, out);
	else if (value !== null && typeof value === 'object') {
		for (const key of Object.keys(value)) {
			out.push(key);
			stringsOf((value as Record<string, unknown>)[key], out);
		}
	}
	return out;
}

/** A secret and a JSON value that carries its forms. */
const secretInJson = (secrets: fc.Arbitrary<string>) =>
	secrets.chain((secret) => fc.tuple(fc.constant(secret), jsonWith(secretsFor(secret))));

function expectNoFormIn(secret: string, output: unknown) {
	const forms = secretsFor(secret);
	const leaked = stringsOf(output).filter((entry) => forms.some((form) => entry.includes(form)));
	expect(leaked).toEqual([]);
}

describe('secret redaction (redact.ts)', () => {
	test('collectSecrets: any well-formed secret gives its forms, longest first, the secret itself among them', () => {
		fc.assert(
			fc.property(secretArb, (secret) => {
				const forms = secretsFor(secret);
				expect(forms).toContain(secret);
				expect(forms).toContain(encodeURIComponent(secret));
				expect([...forms].sort((a, b) => b.length - a.length)).toEqual(forms);
			}),
			RUNS,
		);
	});

	// Failed on 58a66c6 with the counterexample "  \ud800\ud800": a credential value holding a lone
	// UTF-16 surrogate made encodeURIComponent throw "URIError: URI malformed", so every run of the
	// node failed while collecting its secrets, before any request.
	test('collectSecrets: any string secret, lone UTF-16 surrogates included, gives its forms without throwing', () => {
		const withSurrogates = fc.array(fc.oneof(anyChar, loneSurrogate), { minLength: 4, maxLength: 8 }).map((chars) => chars.join(''));
		fc.assert(
			fc.property(withSurrogates, (secret) => {
				expect(secretsFor(secret)).toContain(secret);
			}),
			RUNS,
		);
	});

	test('redactText: no form of the secret survives in any text built around its forms', () => {
		fc.assert(
			fc.property(
				secretArb.filter((secret) => !overlapsMarker(secret)).chain((secret) => fc.tuple(fc.constant(secret), textWith(secretsFor(secret)))),
				([secret, input]) => {
					const output = redactText(input, secretsFor(secret));
					expectNoFormIn(secret, output);
				},
			),
			RUNS,
		);
	});

	test('redactValue: no form of the secret survives in any string or key of any JSON value that carries it', () => {
		fc.assert(
			fc.property(secretInJson(secretArb.filter((secret) => !overlapsMarker(secret))), ([secret, input]) => {
				const before = prototypeSnapshot();
				const output = redactValue(input, secretsFor(secret));
				expectPrototypesUnchanged(before);
				expectNoFormIn(secret, output);
			}),
			RUNS,
		);
	});

	// Failed on 58a66c6 with the counterexample secret "redacte" and the value ["cHVibGljLWtleTpyZWRhY3Rl"] (its
	// HTTP Basic form with the user "public-key"): the Basic form became "[redacted]", then the
	// shorter raw form "redacte" was found inside that marker and replaced too, giving
	// "[[redacted]d]", which contains "redacte" again. Only secrets that overlap the marker
	// "[redacted]" are affected; redactText now replaces in one pass, and removes such secrets
	// instead of marking them.
	test('redactText and redactValue: no form survives either for secrets that overlap the marker "[redacted]"', () => {
		const piece = fc
			.tuple(fc.nat({ max: REDACTED.length - 1 }), fc.integer({ min: 1, max: REDACTED.length }))
			.map(([start, length]) => REDACTED.slice(start, start + length));
		const overlapping = fc
			.oneof(piece, fc.tuple(piece, text({ maxLength: 4 })).map(([a, b]) => a + b), fc.tuple(text({ maxLength: 4 }), piece).map(([a, b]) => a + b))
			.filter((secret) => secret.length >= 4);
		fc.assert(
			fc.property(secretInJson(overlapping), ([secret, input]) => {
				expectNoFormIn(secret, redactValue(input, secretsFor(secret)));
			}),
			RUNS,
		);
	});

	// Failed on 58a66c6 with the counterexample {"__proto__": ""}: the copy was built by assignment
	// onto `{}`, so a `__proto__` key (a vendor's error body may have one) was dropped, or with an
	// object value became the copy's prototype instead of a key.
	test('redactValue: a value that holds no secret comes back as an equal copy, keys __proto__, constructor and prototype included', () => {
		fc.assert(
			fc.property(jsonWith(['plain']), (input) => {
				const before = prototypeSnapshot();
				const output = redactValue(input, secretsFor('not-in-there-0123'));
				expectPrototypesUnchanged(before);
				expect(JSON.stringify(output)).toBe(JSON.stringify(input));
			}),
			RUNS,
		);
	});
});

// ------------------------------------------------------------------------------ IDs in URL paths

const node = { id: 'n', name: 'Node', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };

/** An execute-single context whose parameters are `values` (resource locators give their value). */
function contextFor(values: Record<string, unknown>): IExecuteSingleFunctions {
	return {
		getNode: () => node,
		getItemIndex: () => 0,
		getNodeParameter: (name: string, fallback: unknown, options?: { extractValue?: boolean }) => {
			const value = name in values ? values[name] : fallback;
			if (options?.extractValue && value !== null && typeof value === 'object' && '__rl' in (value as object)) {
				return (value as { value: unknown }).value;
			}
			return value;
		},
	} as unknown as IExecuteSingleFunctions;
}

/** An ID as an expression may give it: any well-formed text, dots and URL specials. */
const wellFormedId = fc.oneof(
	{ weight: 6, arbitrary: text({ maxLength: 10 }) },
	{ weight: 2, arbitrary: fc.constantFrom('.', '..', '...', ' .. ', '%2e', '%2e%2e', '.%2e', '/', '?', '#', '../x', 'a/b', '\\..') },
);
/** The same, and text with lone UTF-16 surrogates (which no URL encoding can carry). */
const idArb = fc.oneof(
	{ weight: 8, arbitrary: wellFormedId },
	{ weight: 1, arbitrary: fc.array(fc.oneof(anyChar, loneSurrogate), { minLength: 1, maxLength: 4 }).map((chars) => chars.join('')) },
);

/** The input error of params.ts for the label, or what else was thrown. */
function thrown(run: () => unknown): { error: Error } | { value: unknown } {
	try {
		return { value: run() };
	} catch (error) {
		return { error: error as Error };
	}
}

describe('IDs in URL paths (params.ts pathSegment, idPath)', () => {
	// Failed on 58a66c6 with the counterexample "\ud800": an ID holding a lone UTF-16 surrogate (an
	// expression can give one) made encodeURIComponent throw "URIError: URI malformed" instead of the
	// input error that names the parameter and the item.
	test('pathSegment: any ID stays one path segment (no /, ?, #, never . or ..) and decodes back to the ID; . and .. are input errors', () => {
		fc.assert(
			fc.property(idArb, (id) => {
				const outcome = thrown(() => pathSegment(contextFor({}), 'Contact ID', id));
				if (id === '.' || id === '..') {
					expect('error' in outcome && outcome.error.message).toBe(
						`Contact ID: "${id}" is not a valid identifier (it would leave its place in the URL path) [item 0]`,
					);
					return;
				}
				if ('error' in outcome) {
					// An ID no URL can carry must be an input error that names the parameter and the item.
					expect(outcome.error.message).toMatch(/^Contact ID: .*\[item 0\]$/);
					return;
				}
				const segment = outcome.value as string;
				expect(/[/?#]/.test(segment)).toBe(false);
				expect(['.', '..']).not.toContain(segment);
				expect(decodeURIComponent(segment)).toBe(id);
				const url = new URL(`/contacts/${segment}/tags`, 'https://api.example.com');
				expect(url.pathname).toBe(`/contacts/${segment}/tags`);
				expect(url.search).toBe('');
				expect(url.hash).toBe('');
			}),
			RUNS,
		);
	});

	test('idPath: any two well-formed IDs (plain or resource locator) fill their own segments, trimmed; blank, . and .. are input errors', async () => {
		await fc.assert(
			fc.asyncProperty(wellFormedId, wellFormedId, fc.boolean(), async (first, second, locator) => {
				const ids = { tagId: locator ? { __rl: true, mode: 'id', value: first } : first, contactId: second };
				const hook = idPath('/tags/{0}/contacts/{1}', [
					{ parameter: 'tagId', label: 'Tag' },
					{ parameter: 'contactId', label: 'Contact' },
				]);
				let options: IHttpRequestOptions;
				try {
					options = (await hook.call(contextFor(ids), { url: '' } as IHttpRequestOptions)) as IHttpRequestOptions;
				} catch (error) {
					const message = (error as Error).message;
					// The first ID (in order) that is blank, . or .. is named.
					const bad = [first, second]
						.map((id, index) => ({ id: id.trim(), label: index === 0 ? 'Tag' : 'Contact' }))
						.find(({ id }) => id === '' || id === '.' || id === '..');
					if (!bad) throw new Error(`idPath threw for ${JSON.stringify([first, second])}: ${(error as Error).name}: ${message}`);
					expect(message).toBe(
						bad.id === ''
							? `${bad.label}: a value is required but this item has none [item 0]`
							: `${bad.label}: "${bad.id}" is not a valid identifier (it would leave its place in the URL path) [item 0]`,
					);
					return;
				}
				const match = /^\/tags\/([^/?#]*)\/contacts\/([^/?#]*)$/.exec(options.url ?? '');
				expect(match).not.toBeNull();
				expect(decodeURIComponent(match![1])).toBe(first.trim());
				expect(decodeURIComponent(match![2])).toBe(second.trim());
				expect(new URL(options.url!, 'https://api.example.com').pathname).toBe(options.url);
			}),
			RUNS,
		);
	});
});
