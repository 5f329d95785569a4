/**
 * The Sailthru node through n8n's real engine against the sandbox: the exact request on the
 * wire (method, path, query or form body, the `json` string, the `sig`) and the output items
 * for every example of sailthru-user.txt, errors, rate limits, the credential test, Continue On
 * Fail, secrets, and input validation.
 */
import { createHash } from 'node:crypto';

import { CREDENTIAL_TYPES, NODE_TYPES, runNode, type RunResult, testCredential, useSandbox } from '../support/harness';
import { operationValues } from '../support/helpers';

const sandbox = useSandbox({ vendors: ['sailthru'] });

const sandboxCredentials = () => sandbox.credentials('sailthru') as { apiKey: string; apiSecret: string; baseUrl: string };
const creds = (overrides: Record<string, string> = {}) => ({ sailthruApi: { ...sandboxCredentials(), ...overrides } });
const requests = (): any[] => sandbox.requestsFor('sailthru');
const state = () => sandbox.vendor('sailthru').state;
const userBy = (type: string, value: string) => state().users.find((u: any) => u.keys[type] === value);

/** The signature computed here, independently of the node: md5(secret + sorted values). */
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
const sigFor = (json: string, apiKey = sandboxCredentials().apiKey, secret = sandboxCredentials().apiSecret) =>
	md5(secret + [apiKey, 'json', json].sort().join(''));

/** Assert one request is exactly the signed call `json` (GET: query only; POST: form body only). */
function expectSignedCall(request: any, method: 'GET' | 'POST', path: string, json: string) {
	const { apiKey } = sandboxCredentials();
	const params = { api_key: apiKey, format: 'json', json, sig: sigFor(json) };
	expect(request.method).toBe(method);
	expect(request.path).toBe(path);
	if (method === 'GET') {
		expect(request.query).toEqual(params);
		expect(Object.keys(request.query)).toEqual(['api_key', 'format', 'json', 'sig']);
		expect(request.rawBody).toBe('');
	} else {
		expect(request.query).toEqual({});
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.rawBody).toBe(new URLSearchParams(params).toString());
		expect(request.body).toEqual(params);
	}
}

const get = (parameters: Record<string, unknown>) => ({ resource: 'user', operation: 'get', ...parameters });
const upsert = (parameters: Record<string, unknown>) => ({ resource: 'user', operation: 'upsert', ...parameters });

async function run(parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runNode>[0]> = {}) {
	return await runNode({ type: 'sailthru', parameters: parameters as never, credentials: creds(), ...extra });
}

function expectOk(result: RunResult) {
	expect(result.error).toBeUndefined();
}

const IPHONE_UA =
	'Mozilla/5.0 (iPhone; U; CPU like Mac OS X; en) AppleWebKit/420+ (KHTML, like Gecko) Version/3.0 Mobile/1A543a Safari/419.3';

describe('node and credential descriptions', () => {
	test('names from the contract, usable as a tool, Retry once, user get/upsert', () => {
		const { description } = NODE_TYPES.sailthru;
		expect(description).toMatchObject({
			name: 'sailthru',
			displayName: 'Sailthru',
			usableAsTool: true,
			credentials: [{ name: 'sailthruApi', required: true }],
			icon: { light: 'file:../../icons/sailthru.svg', dark: 'file:../../icons/sailthru.dark.svg' },
		});
		expect(description.properties.filter((p) => p.name === 'retry')).toHaveLength(1);
		expect(operationValues(description.properties, 'user').sort()).toEqual(['get', 'upsert']);
		const credential = CREDENTIAL_TYPES.sailthruApi;
		expect(credential.properties.map((p) => [p.name, p.default, p.typeOptions?.password ?? false])).toEqual([
			['apiKey', '', true],
			['apiSecret', '', true],
			['baseUrl', 'https://api.sailthru.com', false],
		]);
	});
});

describe('documented examples (sailthru-user.txt)', () => {
	test('add user example@example.com to the list "All Users"', async () => {
		const result = await run(
			upsert({ id: 'example@example.com', key: 'email', lists: { list: [{ name: 'All Users', membership: 'join' }] } }),
		);
		expectOk(result);
		expect(requests()).toHaveLength(1);
		expectSignedCall(requests()[0], 'POST', '/user', '{"id":"example@example.com","key":"email","lists":{"All Users":1}}');
		expect(result.items.map((item) => item.json)).toEqual([{ ok: true }]);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(userBy('email', 'example@example.com').lists).toHaveProperty('All Users');
	});

	test('get keys, engagement and activity of the user whose SMS number is +15551234567', async () => {
		const result = await run(get({ id: '+15551234567', key: 'sms', fields: ['keys', 'engagement', 'activity'] }));
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'GET',
			'/user',
			'{"id":"+15551234567","key":"sms","fields":{"keys":1,"engagement":1,"activity":1}}',
		);
		expect(result.items).toHaveLength(1);
		const user = result.items[0].json as any;
		expect(Object.keys(user).sort()).toEqual(['activity', 'engagement', 'keys']);
		expect(user.keys).toMatchObject({ sid: '4e2879472d7acd6d97144f9e', sms: '+15551234567', email: 'old@example.com' });
		expect(user.engagement).toBe('engaged');
		expect(user.activity.open_time).toBe('Tue, 10 Nov 2026 08:00:00 -0500');
	});

	test('set the email address of the user with Sailthru ID 4e2879472d7acd6d97144f9e', async () => {
		const result = await run(
			upsert({
				id: '4e2879472d7acd6d97144f9e',
				key: 'sid',
				keys: { key: [{ type: 'email', value: 'example@example.com' }] },
			}),
		);
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'POST',
			'/user',
			'{"id":"4e2879472d7acd6d97144f9e","key":"sid","keys":{"email":"example@example.com"}}',
		);
		expect(result.items.map((item) => item.json)).toEqual([{ ok: true }]);
		expect(userBy('sid', '4e2879472d7acd6d97144f9e').keys.email).toBe('example@example.com');
	});

	describe('change an email address by sid when another profile has it', () => {
		beforeEach(() => {
			state().users.push({
				keys: { sid: '5f0000000000000000000042', email: 'example@example.com' },
				vars: { first_name: 'Other', loyalty: 'silver' },
				lists: { Newsletter: 'Mon, 02 Mar 2026 09:16:15 -0500' },
				optout_email: 'none',
				engagement: 'new',
				activity: {},
				smart_lists: [],
				logins: [],
			});
		});

		test('keysconflict error (default): Sailthru refuses with its duplicate error, nothing merged', async () => {
			const result = await run(
				upsert({
					id: '4e2879472d7acd6d97144f9e',
					key: 'sid',
					keys: { key: [{ type: 'email', value: 'example@example.com' }] },
					keysconflict: 'error',
				}),
			);
			expectSignedCall(
				requests()[0],
				'POST',
				'/user',
				'{"id":"4e2879472d7acd6d97144f9e","key":"sid","keys":{"email":"example@example.com"}}',
			);
			expect(result.error?.message).toBe(
				'Sailthru error (code 99): Duplicate: email example@example.com already belongs to another user profile (keysconflict=merge merges them)',
			);
			expect(result.error?.httpCode).toBe('409');
			expect(state().merges).toEqual([]);
			expect(userBy('sid', '4e2879472d7acd6d97144f9e').keys.email).toBe('old@example.com');
		});

		test('keysconflict merge: the profiles are merged, the referenced one wins', async () => {
			const result = await run(
				upsert({
					id: '4e2879472d7acd6d97144f9e',
					key: 'sid',
					keys: { key: [{ type: 'email', value: 'example@example.com' }] },
					keysconflict: 'merge',
					fields: ['keys', 'vars', 'lists'],
				}),
			);
			expectOk(result);
			expectSignedCall(
				requests()[0],
				'POST',
				'/user',
				'{"id":"4e2879472d7acd6d97144f9e","key":"sid","keys":{"email":"example@example.com"},"keysconflict":"merge","fields":{"keys":1,"vars":1,"lists":1}}',
			);
			expect(state().merges).toEqual([{ kept: '4e2879472d7acd6d97144f9e', removed: '5f0000000000000000000042' }]);
			const user = result.items[0].json as any;
			expect(user.keys).toMatchObject({ sid: '4e2879472d7acd6d97144f9e', email: 'example@example.com' });
			expect(user.vars).toEqual({ first_name: 'Joe', plan: 'gold', loyalty: 'silver' });
			expect(Object.keys(user.lists).sort()).toEqual(['All Users', 'Newsletter']);
		});

		test('the documented merge example, exactly', async () => {
			const result = await run(
				upsert({
					id: '4e2879472d7acd6d97144f9e',
					key: 'sid',
					keys: { key: [{ type: 'email', value: 'example@example.com' }] },
					keysconflict: 'merge',
				}),
			);
			expectOk(result);
			expectSignedCall(
				requests()[0],
				'POST',
				'/user',
				'{"id":"4e2879472d7acd6d97144f9e","key":"sid","keys":{"email":"example@example.com"},"keysconflict":"merge"}',
			);
			expect(result.items.map((item) => item.json)).toEqual([{ ok: true }]);
		});
	});

	test('change an email address using keysconflict (by email)', async () => {
		const result = await run(
			upsert({
				id: 'emailtobeoverwritten@domain.com',
				key: 'email',
				keysconflict: 'merge',
				keys: { key: [{ type: 'email', value: 'newemail@domain.com' }] },
			}),
		);
		expectOk(result);
		// The doc writes keysconflict before keys here and after keys in the sid example; the node
		// always uses one order (keys, then keysconflict). Same parameters: the sig covers our string.
		const json = '{"id":"emailtobeoverwritten@domain.com","key":"email","keys":{"email":"newemail@domain.com"},"keysconflict":"merge"}';
		expectSignedCall(requests()[0], 'POST', '/user', json);
		expect(JSON.parse(json)).toEqual({
			id: 'emailtobeoverwritten@domain.com',
			key: 'email',
			keysconflict: 'merge',
			keys: { email: 'newemail@domain.com' },
		});
		expect(userBy('sid', '4e2879472d7acd6d97144f9f').keys.email).toBe('newemail@domain.com');
	});

	test('record a site login and return the keys (Horizon cookie)', async () => {
		const result = await run(
			upsert({
				id: 'joe@example.com',
				key: 'default',
				login: { details: { type: 'site', name: 'main', ip: '127.0.0.1', userAgent: IPHONE_UA } },
				fields: ['keys'],
			}),
		);
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'POST',
			'/user',
			`{"id":"joe@example.com","login":{"site":"main","ip":"127.0.0.1","user_agent":"${IPHONE_UA}"},"fields":{"keys":1}}`,
		);
		const user = result.items[0].json as any;
		expect(Object.keys(user)).toEqual(['keys']);
		expect(user.keys.email).toBe('joe@example.com');
		expect(user.keys.cookie).toMatch(/^[0-9a-f]{88}$/);
		expect(userBy('email', 'joe@example.com').logins).toEqual([{ site: 'main', ip: '127.0.0.1', user_agent: IPHONE_UA }]);
	});

	test('an app login sends app instead of site', async () => {
		const result = await run(upsert({ id: 'joe@example.com', login: { details: { type: 'app', name: 'ios' } } }));
		expectOk(result);
		expectSignedCall(requests()[0], 'POST', '/user', '{"id":"joe@example.com","key":"email","login":{"app":"ios"}}');
	});
});

describe('contract test vectors on the wire', () => {
	// Run with the contract's key and secret: the sandbox refuses the key, but the request the
	// engine sent is recorded, and its json and sig must be the vectors'.
	const vectorCreds = { sailthruApi: { ...{ baseUrl: '' }, apiKey: 'abc123key', apiSecret: 'shhh-secret' } };

	test('vector 1: GET with fields, no key', async () => {
		vectorCreds.sailthruApi.baseUrl = sandboxCredentials().baseUrl;
		const result = await runNode({
			type: 'sailthru',
			parameters: get({ id: 'user@example.com', key: 'default', fields: ['vars', 'lists'] }) as never,
			credentials: vectorCreds,
		});
		expect(requests()[0].query).toEqual({
			api_key: 'abc123key',
			format: 'json',
			json: '{"id":"user@example.com","fields":{"vars":1,"lists":1}}',
			sig: 'a831ba196b9ae8554c98b62d02dabfc1',
		});
		expect(result.error?.message).toBe('Sailthru error (code 3): Invalid API key');
	});

	test('vector 2: POST with lists and vars', async () => {
		vectorCreds.sailthruApi.baseUrl = sandboxCredentials().baseUrl;
		await runNode({
			type: 'sailthru',
			parameters: upsert({
				id: 'user@example.com',
				key: 'email',
				lists: { list: [{ name: 'Newsletter', membership: 'join' }] },
				vars: { var: [{ name: 'first_name', value: 'Ann' }] },
			}) as never,
			credentials: vectorCreds,
		});
		expect(requests()[0].body).toEqual({
			api_key: 'abc123key',
			format: 'json',
			json: '{"id":"user@example.com","key":"email","lists":{"Newsletter":1},"vars":{"first_name":"Ann"}}',
			sig: '41a5058e6d7f194db510bacf53c8d1ce',
		});
	});
});

describe('upsert parameters', () => {
	test('join and leave lists, JSON vars with types, opt-out, then read it back', async () => {
		const result = await run(
			upsert({
				id: 'old@example.com',
				key: 'email',
				lists: {
					list: [
						{ name: 'Newsletter', membership: 'join' },
						{ name: 'All Users', membership: 'leave' },
					],
				},
				varsInputMode: 'json',
				varsJson: '{"gender":"m","dob":19800527,"vip":true,"tags":["a","b"]}',
				optout_email: 'blast',
				fields: ['lists', 'vars', 'optout_email'],
			}),
		);
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'POST',
			'/user',
			'{"id":"old@example.com","key":"email","lists":{"Newsletter":1,"All Users":0},"vars":{"gender":"m","dob":19800527,"vip":true,"tags":["a","b"]},"optout_email":"blast","fields":{"lists":1,"vars":1,"optout_email":1}}',
		);
		const user = result.items[0].json as any;
		expect(Object.keys(user.lists)).toEqual(['Newsletter']);
		expect(user.vars).toEqual({ first_name: 'Joe', plan: 'gold', gender: 'm', dob: 19800527, vip: true, tags: ['a', 'b'] });
		expect(user.optout_email).toBe('blast');
	});

	test('defaults send only id and key (keysconflict "error" and "Do Not Change" are not sent)', async () => {
		const result = await run(upsert({ id: 'new@example.com', keysconflict: 'error', optout_email: 'unchanged' }));
		expectOk(result);
		expectSignedCall(requests()[0], 'POST', '/user', '{"id":"new@example.com","key":"email"}');
		expect(userBy('email', 'new@example.com')).toBeDefined();
	});

	test('get without fields: Sailthru’s default profile parts', async () => {
		const result = await run(get({ id: 'old@example.com' }));
		expectOk(result);
		expectSignedCall(requests()[0], 'GET', '/user', '{"id":"old@example.com","key":"email"}');
		expect(Object.keys(result.items[0].json).sort()).toEqual(['engagement', 'keys', 'lists', 'optout_email', 'vars']);
	});

	test('non-ASCII values are escaped in the signed JSON and accepted by the sandbox', async () => {
		const result = await run(
			upsert({ id: 'old@example.com', vars: { var: [{ name: 'city', value: 'Zürich' }] }, fields: ['vars'] }),
		);
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'POST',
			'/user',
			'{"id":"old@example.com","key":"email","vars":{"city":"Z\\u00fcrich"},"fields":{"vars":1}}',
		);
		expect((result.items[0].json as any).vars.city).toBe('Zürich');
	});
});

describe('errors', () => {
	test('user not found: Sailthru error 99 with its message, HTTP 404, a hint', async () => {
		const result = await run(get({ id: 'nobody@example.com' }));
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Sailthru error (code 99): User not found with email: nobody@example.com');
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.description).toBe('Other error: see Sailthru’s message. Check the identifier: the vendor found nothing under it.');
		expect(requests()).toHaveLength(1);
	});

	test('any error envelope reaches the user with its code and message', async () => {
		sandbox.fault('sailthru', { status: 400, body: { error: 14, errormsg: 'Unknown template: welcome' } });
		const result = await run(get({ id: 'old@example.com' }));
		expect(result.error?.message).toBe('Sailthru error (code 14): Unknown template: welcome');
		expect(result.error?.httpCode).toBe('400');
	});

	test('wrong secret: the sandbox finds the signature bad (error 5), the error says to check the credential', async () => {
		const result = await runNode({
			type: 'sailthru',
			parameters: get({ id: 'old@example.com' }) as never,
			credentials: creds({ apiSecret: 'wrong-secret-value' }),
		});
		const { query } = requests()[0];
		expect(query.sig).toBe(sigFor(query.json, query.api_key, 'wrong-secret-value'));
		expect(query.sig).not.toBe(sigFor(query.json));
		expect(result.error?.message).toBe('Sailthru error (code 5): Authentication failed');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toBe(
			'Authentication failed: the request signature does not match the API secret. Check the API key and secret in the Sailthru credential.',
		);
		expect(requests()).toHaveLength(1);
	});

	test('wrong API key: error 3', async () => {
		const result = await runNode({
			type: 'sailthru',
			parameters: get({ id: 'old@example.com' }) as never,
			credentials: creds({ apiKey: 'not-the-key' }),
		});
		expect(result.error?.message).toBe('Sailthru error (code 3): Invalid API key');
		expect(result.error?.httpCode).toBe('401');
	});
});

describe('rate limits (429 / error 43, X-Rate-Limit-Reset)', () => {
	const limited = (reset: number) => ({
		status: 429,
		headers: { 'X-Rate-Limit-Limit': '40', 'X-Rate-Limit-Remaining': '0', 'X-Rate-Limit-Reset': String(reset) },
		body: { error: 43, errormsg: 'Too many requests' },
		times: 1,
	});

	test('waits until the reset, then succeeds with the same signed request', async () => {
		const reset = Math.ceil(Date.now() / 1000) + 1;
		sandbox.fault('sailthru', limited(reset));
		const result = await run(get({ id: 'old@example.com', retry: { initialDelayMs: 10 } }));
		expectOk(result);
		expect(Date.now()).toBeGreaterThanOrEqual(reset * 1000);
		expect(requests()).toHaveLength(2);
		expect(requests()[1].query).toEqual(requests()[0].query);
		expectSignedCall(requests()[1], 'GET', '/user', '{"id":"old@example.com","key":"email"}');
		expect((result.items[0].json as any).keys.sid).toBe('4e2879472d7acd6d97144f9e');
		expect(result.logs.some((line) => /^warn: Sailthru GET \/user: rate limited, HTTP 429; retry 1 of 5 in \d+ ms/.test(line))).toBe(
			true,
		);
	});

	test('error 43 with a 200 status is a rate limit too', async () => {
		sandbox.fault('sailthru', { ...limited(Math.floor(Date.now() / 1000) + 1), status: 200 });
		const result = await run(get({ id: 'old@example.com', retry: { initialDelayMs: 10 } }));
		expectOk(result);
		expect(requests()).toHaveLength(2);
	});

	test('gives up at once when the reset is further away than Max Wait', async () => {
		sandbox.fault('sailthru', limited(Math.ceil(Date.now() / 1000) + 1));
		const started = Date.now();
		const result = await run(get({ id: 'old@example.com', retry: { initialDelayMs: 10, maxWaitSeconds: 0.5 } }));
		expect(Date.now() - started).toBeLessThan(900);
		expect(requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Sailthru error (code 43): Too many requests');
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/Sailthru asked to wait [12] s, longer than the Max Wait of 0.5 s set under Retry/);
	});

	test('the sandbox’s own per-minute limit: the second item waits for the window reset', async () => {
		state().rateLimit = { limit: 1, windowMs: 1000 };
		const result = await runNode({
			type: 'sailthru',
			parameters: get({ id: '={{ $json.email }}', retry: { initialDelayMs: 10 } }) as never,
			credentials: creds(),
			items: [{ email: 'old@example.com' }, { email: 'emailtobeoverwritten@domain.com' }],
		});
		expectOk(result);
		expect(result.items.map((item) => (item.json as any).keys.email)).toEqual([
			'old@example.com',
			'emailtobeoverwritten@domain.com',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(requests()).toHaveLength(3);
	});
});

describe('credential test', () => {
	test('OK with the right key and secret (GET /list, signed)', async () => {
		const outcome = await testCredential('sailthruApi', 'sailthru', sandboxCredentials());
		expect(outcome).toMatchObject({ status: 'OK' });
		expect(requests()).toHaveLength(1);
		expectSignedCall(requests()[0], 'GET', '/list', '{}');
	});

	test('fails with a wrong secret', async () => {
		const outcome = await testCredential('sailthruApi', 'sailthru', { ...sandboxCredentials(), apiSecret: 'not-it' });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toBe('Sailthru: authentication failed (the API secret does not belong to this API key)');
		expect(requests().length).toBeGreaterThanOrEqual(1);
		expect(requests()[0].query.sig).toBe(sigFor('{}', sandboxCredentials().apiKey, 'not-it'));
	});

	test('fails with a wrong API key', async () => {
		const outcome = await testCredential('sailthruApi', 'sailthru', { ...sandboxCredentials(), apiKey: 'other-key' });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toBe('Sailthru: invalid API key');
		expect(requests()[0].query.api_key).toBe('other-key');
	});
});

describe('Continue On Fail', () => {
	test('one output per input, paired, errors as items; bad input sends nothing', async () => {
		const result = await runNode({
			type: 'sailthru',
			parameters: get({ id: '={{ $json.email }}', fields: ['keys'] }) as never,
			credentials: creds(),
			continueOnFail: true,
			items: [
				{ email: 'old@example.com' },
				{ email: 'not-an-email' },
				{ email: 'nobody@example.com' },
				{ email: '' },
				{ email: 'emailtobeoverwritten@domain.com' },
			],
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(result.items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect((result.items[0].json as any).keys.sid).toBe('4e2879472d7acd6d97144f9e');
		expect(result.items[1].json.error).toBe('ID: "not-an-email" is not a valid email address (Key is Email) [item 1]');
		expect(result.items[2].json.error).toBe('Sailthru error (code 99): User not found with email: nobody@example.com');
		expect(result.items[3].json.error).toBe('ID: a value is required but this item has none [item 3]');
		expect((result.items[4].json as any).keys.sid).toBe('4e2879472d7acd6d97144f9f');
		expect(requests().map((r: any) => JSON.parse(r.query.json).id)).toEqual(
			expect.arrayContaining(['old@example.com', 'nobody@example.com', 'emailtobeoverwritten@domain.com']),
		);
		expect(requests()).toHaveLength(3);
	});
});

describe('the API secret never leaks', () => {
	test('not in output items, errors (message, description, JSON) or log lines', async () => {
		const secret = sandboxCredentials().apiSecret;
		const wrongSecret = 'leaky-wrong-secret-7781';
		const texts: string[] = [];
		const collect = (result: RunResult) => {
			texts.push(JSON.stringify(result.items), ...result.logs);
			if (result.error) {
				const error = result.error as any;
				texts.push(String(error.message), String(error.description), JSON.stringify(error), JSON.stringify(error.context ?? {}));
				texts.push(JSON.stringify(error.cause ?? {}), String(error.stack));
			}
		};
		// Rate-limited then fine (warn logs), a vendor error with Continue On Fail, a failed run.
		sandbox.fault('sailthru', {
			status: 429,
			headers: { 'X-Rate-Limit-Reset': String(Math.floor(Date.now() / 1000) + 1) },
			body: { error: 43, errormsg: 'Too many requests' },
			times: 1,
		});
		collect(
			await runNode({
				type: 'sailthru',
				parameters: get({ id: '={{ $json.email }}', retry: { initialDelayMs: 10 } }) as never,
				credentials: creds(),
				continueOnFail: true,
				items: [{ email: 'old@example.com' }, { email: 'nobody@example.com' }],
			}),
		);
		collect(await run(upsert({ id: 'old@example.com', keys: { key: [{ type: 'email', value: 'bad' }] } })));
		collect(
			await runNode({
				type: 'sailthru',
				parameters: get({ id: 'old@example.com' }) as never,
				credentials: creds({ apiSecret: wrongSecret }),
			}),
		);
		collect((await testCredential('sailthruApi', 'sailthru', { ...sandboxCredentials(), apiSecret: wrongSecret })).run);
		expect(texts.some((text) => text.includes('retry 1 of'))).toBe(true);
		expect(texts.some((text) => text.includes('Authentication failed'))).toBe(true);
		for (const text of texts) {
			expect(text).not.toContain(secret);
			expect(text).not.toContain(wrongSecret);
		}
		// Nor on the wire.
		for (const request of requests()) {
			expect(JSON.stringify(request)).not.toContain(secret);
			expect(JSON.stringify(request)).not.toContain(wrongSecret);
		}
	});
});

describe('bad input is refused before anything is sent', () => {
	test.each([
		['no ID (mapped from an empty field)', get({ id: '={{ $json.missing }}' }), 'ID: a value is required but this item has none [item 0]'],
		['blank ID', upsert({ id: '   ' }), 'ID: a value is required but this item has none [item 0]'],
		['ID not an email while Key is Email', get({ id: 'joe.example.com', key: 'email' }), 'ID: "joe.example.com" is not a valid email address (Key is Email) [item 0]'],
		[
			'vars JSON that does not parse',
			upsert({ id: 'old@example.com', varsInputMode: 'json', varsJson: '{"a":' }),
			/^Vars \(JSON\): the value is not valid JSON \(.+\) \[item 0\]$/,
		],
		[
			'vars JSON that is not an object',
			upsert({ id: 'old@example.com', varsInputMode: 'json', varsJson: '["a"]' }),
			'Vars (JSON): the value must be a JSON object [item 0]',
		],
		[
			'a var without a name',
			upsert({ id: 'old@example.com', vars: { var: [{ name: ' ', value: 'x' }] } }),
			'Vars: entry 1 has no name [item 0]',
		],
		[
			'a new email key that is not an email',
			upsert({ id: 'old@example.com', keys: { key: [{ type: 'email', value: 'nope' }] } }),
			'Keys to Set: "nope" is not a valid email address [item 0]',
		],
		[
			'the same key twice',
			upsert({
				id: 'old@example.com',
				keys: { key: [{ type: 'sms', value: '+1555' }, { type: 'sms', value: '+1556' }] },
			}),
			'Keys to Set: the sms key is set twice [item 0]',
		],
		[
			'a list without a name',
			upsert({ id: 'old@example.com', lists: { list: [{ name: '', membership: 'join' }] } }),
			'Lists: entry 1 has no list name [item 0]',
		],
		[
			'a login without a site name',
			upsert({ id: 'old@example.com', login: { details: { type: 'site', name: '' } } }),
			'Login: the site name is required [item 0]',
		],
	])('%s', async (_label, parameters, message) => {
		const result = await run(parameters);
		expect(requests()).toHaveLength(0);
		expect(result.items).toEqual([]);
		if (typeof message === 'string') expect(result.error?.message).toBe(message);
		else expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toBe('Fix the "' + result.error!.message.split(':')[0] + '" parameter of item 0 and run again. Nothing was sent for this item.');
	});

	test('a non-email ID is fine when Key is not Email', async () => {
		const result = await run(get({ id: '4e2879472d7acd6d97144f9e', key: 'sid' }));
		expectOk(result);
		expectSignedCall(requests()[0], 'GET', '/user', '{"id":"4e2879472d7acd6d97144f9e","key":"sid"}');
	});
});

describe('the sandbox itself', () => {
	const url = () => `${sandboxCredentials().baseUrl}/user`;
	const signed = (json: string, secret = sandboxCredentials().apiSecret) => ({
		api_key: sandboxCredentials().apiKey,
		format: 'json',
		json,
		sig: sigFor(json, sandboxCredentials().apiKey, secret),
	});

	test('refuses a POST sent as JSON, accepts the same parameters form-encoded', async () => {
		const params = signed('{"id":"old@example.com"}');
		const asJson = await fetch(url(), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(params),
		});
		expect(asJson.status).toBe(400);
		expect(await asJson.json()).toEqual({
			error: 2,
			errormsg: 'POST parameters must be form-encoded (application/x-www-form-urlencoded), not application/json',
		});
		const asForm = await fetch(url(), { method: 'POST', body: new URLSearchParams(params) });
		expect(asForm.status).toBe(200);
		expect(await asForm.json()).toEqual({ ok: true });
		expect(asForm.headers.get('x-rate-limit-limit')).toBe('300');
		expect(asForm.headers.get('x-rate-limit-remaining')).toBe('298');
		expect(Number(asForm.headers.get('x-rate-limit-reset'))).toBeGreaterThan(Date.now() / 1000);
	});

	test('GET reads the query only, and checks the signature', async () => {
		const good = signed('{"id":"old@example.com","fields":{"vars":1}}');
		const ok = await fetch(`${url()}?${new URLSearchParams(good)}`);
		expect(await ok.json()).toEqual({ vars: { first_name: 'Joe', plan: 'gold' } });
		const tampered = { ...good, json: '{"id":"old@example.com","fields":{"keys":1}}' };
		const refused = await fetch(`${url()}?${new URLSearchParams(tampered)}`);
		expect(refused.status).toBe(401);
		expect(await refused.json()).toEqual({ error: 5, errormsg: 'Authentication failed' });
		const missing = await fetch(url());
		expect(await missing.json()).toEqual({ error: 2, errormsg: 'Missing required parameter: api_key' });
	});
});

describe('Output (user get)', () => {
	test('Raw by default; Simplified keeps keys, vars, lists, opt-out and engagement; Selected Fields', async () => {
		const raw = await run(get({ id: 'old@example.com', fields: ['keys', 'vars', 'activity'] }));
		expectOk(raw);
		expect(Object.keys(raw.items[0].json).sort()).toEqual(['activity', 'keys', 'vars']);
		const simplified = await run(get({ id: 'old@example.com', fields: ['keys', 'vars', 'activity', 'smart_lists'], outputMode: 'simplified' }));
		expectOk(simplified);
		expect(Object.keys(simplified.items[0].json)).toEqual(['keys', 'vars']);
		const selected = await run(get({ id: 'old@example.com', outputMode: 'selected', outputFields: 'vars, engagement' }));
		expectOk(selected);
		expect(selected.items[0].json).toEqual({ vars: { first_name: 'Joe', plan: 'gold' }, engagement: 'engaged' });
		// The request is the same whatever the Output choice.
		expect(callOfRequest(requests()[2])).toEqual({ id: 'old@example.com', key: 'email' });
	});
});

const callOfRequest = (request: any) => JSON.parse(request.query.json);
