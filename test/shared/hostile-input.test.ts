/**
 * Hostile input and faults (issue 10), through n8n's real engine against the sandbox: identifiers
 * that would leave their path segment, secrets echoed back in every encoding, deeply nested error
 * bodies, writes that must not repeat, error envelopes with HTTP 200, bodies cut off, objects
 * where one value belongs, what a Continue On Fail item carries, and the rough edges of the docs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import type { ResourceMapperField } from 'n8n-workflow';

import { collectSecrets } from '../../nodes/shared/redact';
import { runNode, useSandbox } from '../support/harness';
import { everythingVisible, json, type RecordedRequest } from '../support/helpers';

const sandbox = useSandbox();

const CREDENTIAL_TYPES: Record<string, string> = {
	talkable: 'talkableApi',
	talkBox: 'talkBoxApi',
	sailthru: 'sailthruApi',
	personaClick: 'personaClickApi',
};
const SANDBOX_NAMES: Record<string, string> = {
	talkable: 'talkable',
	talkBox: 'talkbox',
	sailthru: 'sailthru',
	personaClick: 'personaclick',
};

async function run(
	type: string,
	parameters: Record<string, unknown>,
	extra: Partial<Parameters<typeof runNode>[0]> & { credentialOverrides?: Record<string, string> } = {},
) {
	const { credentialOverrides, ...rest } = extra;
	return await runNode({
		type,
		parameters: { retry: { initialDelayMs: 5 }, ...parameters } as never,
		credentials: {
			[CREDENTIAL_TYPES[type]]: { ...sandbox.credentials(SANDBOX_NAMES[type]), ...(credentialOverrides ?? {}) },
		},
		...rest,
	});
}

const sent = (vendor: string) => sandbox.requestsFor(vendor);

describe('identifiers stay inside their own path segment', () => {
	test.each([
		['talkable', { resource: 'person', operation: 'unsubscribe', personSlug: '..' }, 'talkable', 'Person'],
		['talkable', { resource: 'person', operation: 'anonymize', personSlug: '.' }, 'talkable', 'Person'],
		['talkable', { resource: 'person', operation: 'get', personSlug: '..' }, 'talkable', 'Person'],
		['talkBox', { resource: 'voucher', operation: 'redeem', voucherId: '..' }, 'talkbox', 'Voucher'],
		['talkable', { resource: 'coupon', operation: 'get', couponCode: '..' }, 'talkable', 'Coupon Code'],
	])('%s %j: refused before sending, naming the parameter and the item', async (type, parameters, vendor, label) => {
		const result = await run(type, parameters);
		expect(sent(vendor)).toHaveLength(0);
		expect(result.error?.message).toMatch(new RegExp(`^${label}[^:]*: "\\.\\.?" is not a valid identifier .*\\[item 0\\]$`));
	});

	test('a dot inside an identifier is fine and stays encoded in its segment', async () => {
		const result = await run('talkable', { resource: 'person', operation: 'get', personSlug: 'first.last@example.com' });
		expect(sent('talkable')[0].path).toBe('/people/first.last%40example.com');
		expect(result.error?.message).not.toMatch(/not a valid identifier/);
	});
});

describe('objects and lists where one value belongs are refused before sending', () => {
	test('Talkable Get with an object as the person', async () => {
		const result = await run(
			'talkable',
			{ resource: 'person', operation: 'get', personSlug: '={{ $json.person }}' },
			{ items: [{ person: { email: 'a@example.com' } }] },
		);
		expect(sent('talkable')).toHaveLength(0);
		expect(result.error?.message).toBe('Person: expected a single value but got an object (check the expression) [item 0]');
	});

	test('PersonaClick Manage with an object as the external ID', async () => {
		const result = await run(
			'personaClick',
			{
				resource: 'subscription',
				operation: 'manage',
				identifierType: 'external_id',
				identifier: '={{ $json.id }}',
				channelFlags: { emailBulk: 'unsubscribe' },
			},
			{ items: [{ id: { value: 42 } }] },
		);
		expect(sent('personaclick')).toHaveLength(0);
		expect(result.error?.message).toMatch(/expected a single value but got an object .*\[item 0\]$/);
	});

	test('a list in a routed scalar parameter (TalkBox tag name) names the parameter', async () => {
		const result = await run(
			'talkBox',
			{ resource: 'tag', operation: 'create', tagName: '={{ $json.names }}' },
			{ items: [{ names: ['a', 'b'] }] },
		);
		expect(sent('talkbox')).toHaveLength(0);
		expect(result.error?.message).toMatch(/expected a single value but got a list \(check the expression\) \[item 0\]$/);
	});
});

/** What a proxy or an API that echoes the request back in an error would answer. */
const echo = (request: RecordedRequest) =>
	`${request.method} ${request.path}?${new URLSearchParams(request.query as Record<string, string>).toString()} ${JSON.stringify(request.headers)} ${request.rawBody}`;

describe('secrets never leak, in whatever encoding the vendor echoes them', () => {
	const SPICY = "Spicy secret !*'() ~+/=&%";

	test.each([
		[
			'TalkBox Basic auth (base64 of user:password) echoed in the error',
			'talkBox',
			{ resource: 'account', operation: 'get' },
			{ password: SPICY },
			(request: RecordedRequest) => ({ code: 500, description: echo(request) }),
		],
		[
			'PersonaClick GET: the secret in the query string, echoed',
			'personaClick',
			{ resource: 'subscription', operation: 'check', identifierType: 'email', identifier: 'john.doe@examplemail.com' },
			{ shopSecret: SPICY },
			(request: RecordedRequest) => ({ status: 'error', message: echo(request) }),
		],
		[
			'PersonaClick POST: the secret in the JSON body, echoed',
			'personaClick',
			{ resource: 'subscription', operation: 'confirmEmail', email: 'john.doe@examplemail.com' },
			{ shopSecret: SPICY },
			(request: RecordedRequest) => ({ status: 'error', message: echo(request) }),
		],
		[
			'Sailthru GET: signed query echoed',
			'sailthru',
			{ resource: 'user', operation: 'get', id: 'ann@example.com', key: 'email' },
			{ apiKey: SPICY },
			(request: RecordedRequest) => ({ error: 99, errormsg: echo(request) }),
		],
		[
			'Sailthru POST: form body (+ for a space) echoed',
			'sailthru',
			{ resource: 'user', operation: 'upsert', id: 'ann@example.com', key: 'email', lists: { list: [{ name: 'All Users', membership: 'join' }] } },
			{ apiKey: SPICY },
			(request: RecordedRequest) => ({ error: 99, errormsg: echo(request) }),
		],
		[
			'Talkable Bearer echoed',
			'talkable',
			{ resource: 'person', operation: 'get', personSlug: 'customer@example.com' },
			{ apiKey: SPICY },
			(request: RecordedRequest) => ({ ok: false, error_message: echo(request) }),
		],
	])('%s', async (_name, type, parameters, overrides, body) => {
		const vendor = SANDBOX_NAMES[type];
		sandbox.fault(vendor, { status: 400, body });
		for (const continueOnFail of [false, true]) {
			const result = await run(type, parameters, { credentialOverrides: overrides, continueOnFail });
			expect(sent(vendor).length).toBeGreaterThan(0);
			const visible = everythingVisible(result);
			// The echo really carried the secret in some encoding (else the test proves nothing).
			const wire = sent(vendor).map((request) => `${request.path} ${JSON.stringify(request.query)} ${JSON.stringify(request.headers)} ${request.rawBody}`).join('\n');
			const forms = collectSecrets({ ...sandbox.credentials(vendor), ...overrides }, Object.keys(overrides));
			expect(forms.some((form) => wire.includes(form))).toBe(true);
			for (const form of forms) expect(visible).not.toContain(form);
			expect(visible).toContain('[redacted]');
			sandbox.clearRequests();
		}
	});

	test('every form is covered: raw, URI, form, RFC 3986, lowercase hex, JSON, base64, Basic user:password', () => {
		const forms = collectSecrets({ username: 'me', password: "a b!*'()" }, ['password']);
		expect(forms).toEqual(
			expect.arrayContaining([
				"a b!*'()",
				"a%20b!*'()",
				"a+b!*'()",
				'a%20b%21%2A%27%28%29',
				'a+b%21%2A%27%28%29',
				'a%20b%21%2a%27%28%29',
				btoa("me:a b!*'()"),
				btoa("a b!*'()"),
			]),
		);
	});
});

describe('a deeply nested error body', () => {
	test('2,500 levels: the HTTP status and vendor message survive, no stack overflow', async () => {
		let nested: Record<string, unknown> = { secret: 'sandbox-talkable-key' };
		for (let depth = 0; depth < 2500; depth++) nested = { inner: nested };
		sandbox.fault('talkable', { status: 422, body: { ok: false, error_message: 'Nested trouble', detail: nested } });
		const result = await run('talkable', { resource: 'person', operation: 'get', personSlug: 'customer@example.com' });
		expect(result.error?.message).toBe('Talkable error: Nested trouble');
		expect(result.error?.httpCode).toBe('422');
		expect(everythingVisible(result)).not.toContain('Maximum call stack');
	});
});

describe('writes that must not repeat', () => {
	test.each([
		['a 500', { status: 500, body: { code: 500, description: 'Internal error' } }],
		['a dropped connection', { reset: true }],
	])('TalkBox Voucher Redeem (a PUT) is sent once after %s, and the error says to check', async (_name, fault) => {
		sandbox.fault('talkbox', { ...fault, times: 1 });
		const result = await run('talkBox', { resource: 'voucher', operation: 'redeem', voucherId: 'Y8VS03MZ' });
		expect(sent('talkbox').filter((request) => request.method === 'PUT')).toHaveLength(1);
		expect(result.error?.description).toMatch(
			/Not retried: this TalkBox operation is not safe to repeat, and the request may already have been applied\. Check in TalkBox before running it again\./,
		);
	});

	test('TalkBox Untag All Contacts is sent once after a 503', async () => {
		sandbox.fault('talkbox', { status: 503, body: { code: 503, description: 'Busy' }, times: 1 });
		await run('talkBox', { resource: 'tag', operation: 'untagAllContacts', tagId: { __rl: true, mode: 'id', value: '60' } });
		expect(sent('talkbox')).toHaveLength(1);
	});

	test('a safe PUT (TalkBox tag update) is still retried after a 503', async () => {
		sandbox.fault('talkbox', { status: 503, body: { code: 503, description: 'Busy' }, times: 1 });
		const result = await run('talkBox', {
			resource: 'tag',
			operation: 'update',
			tagId: { __rl: true, mode: 'id', value: '60' },
			tagName: 'Renamed',
		});
		expect(result.error).toBeUndefined();
		expect(sent('talkbox')).toHaveLength(2);
	});
});

describe('wrong or unclear answers', () => {
	test('a TalkBox error envelope with HTTP 200 is an error, not an item', async () => {
		sandbox.fault('talkbox', { status: 200, body: { code: 130, description: 'Contact is locked' } });
		const result = await run('talkBox', { resource: 'account', operation: 'get' });
		expect(result.error?.message).toBe('TalkBox error (code 130): Contact is locked');
		expect(result.items).toHaveLength(0);
	});

	test('a record that has code and description besides other fields is still a record', async () => {
		const result = await run('talkBox', { resource: 'account', operation: 'get' });
		expect(result.error).toBeUndefined();
		expect(json(result.items)).toHaveLength(1);
	});

	test.each(['stall', 'reset'])('a body cut off mid-way (%s) says so', async (cutBody) => {
		sandbox.fault('talkable', { cutBody, times: 5 });
		const result = await run('talkable', {
			resource: 'person',
			operation: 'get',
			personSlug: 'customer@example.com',
			retry: { maxRetries: 0 },
			requestOptions: { timeout: 400 },
		});
		expect(result.error?.message).toBe("Talkable's answer was cut off in the middle of its body");
		expect(result.error?.description).toMatch(/^The status line arrived, then the body stopped before its end\./);
	});

	test('Continue On Fail items carry the HTTP status and the vendor code for branching', async () => {
		sandbox.fault('talkbox', { status: 422, body: { code: 120, description: 'Voucher has already been redeemed' } });
		const result = await run(
			'talkBox',
			{ resource: 'voucher', operation: 'redeem', voucherId: '={{ $json.id }}' },
			{ continueOnFail: true, items: [{ id: '4' }, { id: '..' }] },
		);
		expect(json(result.items)).toEqual([
			{ error: 'TalkBox error (code 120): Voucher has already been redeemed', httpCode: 422, vendorCode: 120 },
			{ error: expect.stringMatching(/^Voucher[^:]*: "\.\." is not a valid identifier/), description: expect.any(String) },
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('with "Continue (using error output)" the items keep their error, so n8n routes them there', async () => {
		sandbox.fault('talkbox', { status: 422, body: { code: 120, description: 'Voucher has already been redeemed' } });
		const result = await run(
			'talkBox',
			{ resource: 'voucher', operation: 'redeem', voucherId: '4' },
			{ continueOnFail: true, onError: 'continueErrorOutput' },
		);
		expect(result.error).toBeUndefined();
		const errorOutput = result.run.data.resultData.runData['Node Under Test'][0].data!.main[1] ?? [];
		expect(errorOutput.map((item) => item.json)).toEqual([{ error: 'TalkBox error (code 120): Voucher has already been redeemed' }]);
	});
});

describe('rough edges of the docs', () => {
	test('PersonaClick: an international phone without "+" is accepted and sent as given', async () => {
		const result = await run('personaClick', {
			resource: 'subscription',
			operation: 'manage',
			identifierType: 'phone',
			identifier: '15550100000',
			channelFlags: { smsBulk: 'unsubscribe' },
		});
		expect(result.error).toBeUndefined();
		expect(sent('personaclick')[0].body).toMatchObject({ phone: '15550100000', sms_bulk: false });
	});

	test('TalkBox Multiple Choice: the literal "Harpo, Chico" works in the mapper', async () => {
		const schema: ResourceMapperField[] = [
			{ id: 'email', displayName: 'Email (Text)', type: 'string', required: false, defaultMatch: false, display: true },
			{
				id: 'favourite_marx_bro',
				displayName: 'Favourite Marx Brother (Multiple Choice)',
				type: 'string',
				required: false,
				defaultMatch: false,
				display: true,
				options: [
					{ name: 'Chico', value: 9 },
					{ name: 'Groucho', value: 10 },
					{ name: 'Harpo', value: 11 },
				],
			},
		];
		const result = await run('talkBox', {
			resource: 'contact',
			operation: 'create',
			contactFields: {
				mappingMode: 'defineBelow',
				value: { email: 'groucho@example.com', favourite_marx_bro: 'Harpo, Chico' },
				matchingColumns: [],
				schema,
			},
		});
		expect(result.error).toBeUndefined();
		expect(sent('talkbox').find((request) => request.method === 'POST')?.body).toMatchObject({
			email: 'groucho@example.com',
			favourite_marx_bro: [11, 9],
		});
	});

	test('TalkBox Editor Get Session: the doc example path first', async () => {
		const result = await run('talkBox', {
			resource: 'editor',
			operation: 'getSession',
			callbackUrl: 'https://example.com/save',
			contentSource: 'structure',
			contentSourceUrl: 'https://example.com/structure.json',
		});
		expect(result.error).toBeUndefined();
		expect(sent('talkbox').map((request) => request.path)).toEqual(['/editors/block/session']);
	});

	test('TalkBox Editor Get Session: falls back to the table path on a 404', async () => {
		sandbox.vendor('talkbox').state.audience.editorPaths = ['editor'];
		const result = await run('talkBox', {
			resource: 'editor',
			operation: 'getSession',
			callbackUrl: 'https://example.com/save',
			contentSource: 'structure',
			contentSourceUrl: 'https://example.com/structure.json',
		});
		expect(result.error).toBeUndefined();
		expect(sent('talkbox').map((request) => request.path)).toEqual(['/editors/block/session', '/editor/block/session']);
		expect(json(result.items)[0].session_key).toMatch(/^2--/);
	});

	test('npm run sandbox on a busy port says which port and how to pick another', () => {
		const cli = join(__dirname, '..', '..', 'sandbox', 'cli.js');
		const port = Number(new URL(sandbox.origin).port);
		const result = spawnSync(process.execPath, [cli, '--port', String(port), '--quiet'], { encoding: 'utf8', timeout: 20_000 });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
		expect(result.stderr).toContain('npm run sandbox -- --port');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});
