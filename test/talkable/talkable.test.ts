import { runNode, testCredential, useSandbox } from '../support/harness';
import { everythingVisible, json, paired } from '../support/helpers';

const sandbox = useSandbox();

const API_KEY = 'sandbox-talkable-key';
const credentials = (overrides: Record<string, string> = {}) => ({
	talkableApi: { ...sandbox.credentials('talkable'), ...overrides },
});
const requests = () => sandbox.requestsFor('talkable');
const fastRetry = { initialDelayMs: 10 };

async function run(parameters: Record<string, unknown>, extra: Partial<Parameters<typeof runNode>[0]> = {}) {
	return await runNode({
		type: 'talkable',
		parameters: { resource: 'person', ...parameters } as never,
		credentials: credentials(),
		...extra,
	});
}

const wire = (index = 0) => {
	const { method, path, query, body, headers } = requests()[index];
	return { method, path, query, body, authorization: headers.authorization, accept: headers.accept };
};

describe('Talkable person operations on the wire and in the output', () => {
	test('get: GET /people/{slug}?site_slug, Bearer auth, outputs the person', async () => {
		const result = await run({ operation: 'get', personSlug: 'customer@example.com' });
		expect(result.error).toBeUndefined();
		expect(requests()).toHaveLength(1);
		expect(wire()).toEqual({
			method: 'GET',
			path: '/people/customer%40example.com',
			query: { site_slug: 'my-store' },
			body: undefined,
			authorization: `Bearer ${API_KEY}`,
			accept: 'application/json',
		});
		expect(json(result.items)).toEqual([
			expect.objectContaining({ email: 'customer@example.com', first_name: 'John', customer_id: '1' }),
		]);
		expect(paired(result.items)).toEqual([{ item: 0 }]);
	});

	test.each([
		['getReferralsAsAdvocate', '/referrals_as_advocate', [4, 2, 5332]],
		['getRewards', '/rewards', [11, 10]],
		['getShares', '/shares_by', [11, 10]],
	])('%s: GET %s, one item per record', async (operation, suffix, ids) => {
		const result = await run({ operation, personSlug: 'customer@example.com', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual({
			method: 'GET',
			path: `/people/customer%40example.com${suffix}`,
			query: { site_slug: 'my-store' },
			body: undefined,
			authorization: `Bearer ${API_KEY}`,
			accept: 'application/json',
		});
		expect(json(result.items).map((item) => item.id)).toEqual(ids);
		expect(paired(result.items)).toEqual(ids.map(() => ({ item: 0 })));
	});

	test('list operations honour Limit and Return Raw Response', async () => {
		const limited = await run({ operation: 'getReferralsAsAdvocate', personSlug: 'customer@example.com', limit: 2 });
		expect(json(limited.items).map((item) => item.id)).toEqual([4, 2]);

		const raw = await run({ operation: 'getRewards', personSlug: 'customer@example.com', rawResponse: true });
		expect(raw.items).toHaveLength(1);
		expect(raw.items[0].json).toEqual({ ok: true, result: { rewards: expect.any(Array) } });
		expect((raw.items[0].json.result as { rewards: unknown[] }).rewards).toHaveLength(2);
	});

	test('upsert: PUT with site_slug and data from real parameters; the change is stored', async () => {
		const result = await run({
			operation: 'upsert',
			personSlug: 'ann+vip@example.com',
			personFields: { firstName: 'Ann', lastName: 'Lee', username: 'ann_l', customerId: 'c-9' },
			customProperties: { property: [{ name: 'price_plan', value: 'gold' }, { name: 'region', value: 'EU' }] },
		});
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual({
			method: 'PUT',
			path: '/people/ann%2Bvip%40example.com',
			query: {},
			body: {
				site_slug: 'my-store',
				data: {
					first_name: 'Ann',
					last_name: 'Lee',
					username: 'ann_l',
					customer_id: 'c-9',
					custom_properties: { price_plan: 'gold', region: 'EU' },
				},
			},
			authorization: `Bearer ${API_KEY}`,
			accept: 'application/json',
		});
		expect(requests()[0].headers['content-type']).toContain('application/json');
		expect(json(result.items)).toEqual([
			expect.objectContaining({
				email: 'ann+vip@example.com',
				first_name: 'Ann',
				username: 'ann_l',
				custom_properties: { price_plan: 'gold', region: 'EU' },
			}),
		]);

		const byUsername = await run({ operation: 'get', personSlug: 'ann_l' });
		expect(json(byUsername.items)).toEqual([expect.objectContaining({ email: 'ann+vip@example.com', last_name: 'Lee' })]);
	});

	test('person slugs with +, / and @ are URL-encoded as one path segment', async () => {
		const result = await run({ operation: 'upsert', personSlug: 'a+b/c@example.com', personFields: { firstName: 'Slash' } });
		expect(result.error).toBeUndefined();
		expect(requests()[0].path).toBe('/people/a%2Bb%2Fc%40example.com');
		expect(sandbox.vendor('talkable').state.people.get('a+b/c@example.com').first_name).toBe('Slash');
	});

	test('unsubscribe: POST with site_slug in the body; the person is unsubscribed', async () => {
		const result = await run({ operation: 'unsubscribe', personSlug: 'customer@example.com' });
		expect(result.error).toBeUndefined();
		expect(wire()).toEqual({
			method: 'POST',
			path: '/people/customer%40example.com/unsubscribe',
			query: {},
			body: { site_slug: 'my-store' },
			authorization: `Bearer ${API_KEY}`,
			accept: 'application/json',
		});
		expect(json(result.items)[0].unsubscribed_at).toEqual(expect.any(String));
		expect(sandbox.vendor('talkable').state.people.get('customer@example.com').unsubscribed_at).toEqual(
			json(result.items)[0].unsubscribed_at,
		);
	});

	test('anonymize: POST; the person is no longer found under the old email', async () => {
		const result = await run({ operation: 'anonymize', personSlug: 'customer@example.com' });
		expect(result.error).toBeUndefined();
		expect(wire()).toMatchObject({
			method: 'POST',
			path: '/people/customer%40example.com/anonymize',
			body: { site_slug: 'my-store' },
		});
		expect(json(result.items)[0]).toMatchObject({ first_name: null, email: expect.stringMatching(/@anonymized\.email$/) });

		const after = await run({ operation: 'get', personSlug: 'customer@example.com' });
		expect(after.error?.message).toBe('Talkable error: No person found by `person_slug`.');
	});

	test('getPersonalData: GET /personal_data, outputs the personal data record', async () => {
		const result = await run({ operation: 'getPersonalData', personSlug: 'customer@example.com' });
		expect(wire()).toMatchObject({ method: 'GET', path: '/people/customer%40example.com/personal_data', query: { site_slug: 'my-store' } });
		expect(json(result.items)).toEqual([
			expect.objectContaining({ email: 'customer@example.com', origins: [expect.objectContaining({ type: 'AffiliateMember' })] }),
		]);
	});

	test('the node can override the credential site slug', async () => {
		const result = await run({ operation: 'get', personSlug: 'customer@example.com', siteSlug: 'other-store' });
		expect(requests()[0].query).toEqual({ site_slug: 'other-store' });
		expect(result.error?.message).toBe('Talkable error: No site found by `site_slug`.');
		expect(result.error?.httpCode).toBe('400');
	});
});

describe('Talkable errors', () => {
	test('the error envelope message and status reach the user, with a hint', async () => {
		const result = await run({ operation: 'get', personSlug: 'nobody@example.com' });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('Talkable error: No person found by `person_slug`.');
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.description).toContain('its message says which value to check');
	});

	test('a wrong API key: 401 with the vendor message and a credential hint', async () => {
		const result = await runNode({
			type: 'talkable',
			parameters: { resource: 'person', operation: 'get', personSlug: 'customer@example.com' },
			credentials: credentials({ apiKey: 'wrong-key-123' }),
		});
		expect(result.error?.message).toBe('Talkable error: Unauthorized: no valid API key provided');
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.description).toContain('API key');
		expect(everythingVisible(result)).not.toContain('wrong-key-123');
	});

	test('a 200 whose envelope says ok:false is an error', async () => {
		sandbox.fault('talkable', { status: 200, body: { ok: false, error_message: 'Campaign is paused' }, times: 1 });
		const result = await run({ operation: 'get', personSlug: 'customer@example.com' });
		expect(result.error?.message).toBe('Talkable error: Campaign is paused');
	});

	test.each([
		['malformed JSON', { status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"ok": true, "result": {,}' }, 'Talkable answered HTTP 200 with a body that is not valid JSON: {"ok": true, "result": {,}'],
		['an empty body', { status: 200, body: '' }, 'Talkable answered HTTP 200 with an empty body'],
		['an HTML error page', { status: 404, headers: { 'Content-Type': 'text/html' }, body: '<html><body>Not Found</body></html>' }, 'Talkable answered HTTP 404 with an HTML page instead of JSON'],
	])('%s is a clear error, not a crash', async (_name, fault, message) => {
		sandbox.fault('talkable', { ...fault, times: 1 });
		const result = await run({ operation: 'get', personSlug: 'customer@example.com' });
		expect(result.error?.message).toBe(message);
		expect(requests()).toHaveLength(1);
	});
});

describe('Talkable retry and back-off', () => {
	test('429 with Retry-After: waits what the server asked, then succeeds', async () => {
		sandbox.fault('talkable', { status: 429, headers: { 'Retry-After': '1' }, body: { ok: false, error_message: 'Too Many Requests' }, times: 2 });
		const result = await run({ operation: 'get', personSlug: 'customer@example.com', retry: fastRetry });
		expect(result.error).toBeUndefined();
		expect(requests()).toHaveLength(3);
		expect(json(result.items)[0].email).toBe('customer@example.com');
		const waits = result.logs.filter((line) => line.includes('HTTP 429'));
		expect(waits).toEqual([
			expect.stringContaining('retry 1 of 5 in 1000 ms'),
			expect.stringContaining('retry 2 of 5 in 1000 ms'),
		]);
	});

	test('429 without Retry-After: growing jittered back-off from First Back-Off, then success', async () => {
		sandbox.fault('talkable', { status: 429, body: { ok: false, error_message: 'Too Many Requests' }, times: 3 });
		const result = await run({ operation: 'getRewards', personSlug: 'customer@example.com', retry: { initialDelayMs: 40 } });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(2);
		const waits = result.logs
			.filter((line) => line.includes('HTTP 429'))
			.map((line) => Number(/in (\d+) ms/.exec(line)![1]));
		expect(waits).toHaveLength(3);
		// attempt n waits within [base/2, base], base = 40 * 2^(n-1)
		[40, 80, 160].forEach((base, index) => {
			expect(waits[index]).toBeGreaterThanOrEqual(base / 2);
			expect(waits[index]).toBeLessThanOrEqual(base);
		});
	});

	test('gives up after Max Retries and says what happened', async () => {
		sandbox.fault('talkable', { status: 429, body: { ok: false, error_message: 'Too Many Requests' } });
		const result = await run({ operation: 'get', personSlug: 'customer@example.com', retry: { ...fastRetry, maxRetries: 2 } });
		expect(requests()).toHaveLength(3);
		expect(result.error?.message).toBe('Talkable error: Too Many Requests');
		expect(result.error?.httpCode).toBe('429');
		expect(result.error?.description).toMatch(/Gave up after 3 tries over \d+ s \(Max Retries 2/);
		expect(result.error?.description).toContain('Max Concurrent Requests');
	});

	test('a Retry-After longer than Max Wait stops at once and says so', async () => {
		sandbox.fault('talkable', { status: 429, headers: { 'Retry-After': '600' }, body: '' });
		const result = await run({ operation: 'get', personSlug: 'customer@example.com', retry: { maxWaitSeconds: 1 } });
		expect(requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Talkable rate limit reached (HTTP 429)');
		expect(result.error?.description).toContain('asked to wait 600 s, longer than the Max Wait of 1 s');
	});

	test('a POST is never re-sent after a 500', async () => {
		sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: 'Internal error' }, times: 1 });
		const result = await run({ operation: 'unsubscribe', personSlug: 'customer@example.com', retry: fastRetry });
		expect(requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Talkable error: Internal error');
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.description).toContain('Not retried: this Talkable operation is not safe to repeat');
	});

	test('a POST is never re-sent after a dropped connection', async () => {
		sandbox.fault('talkable', { reset: true, times: 1 });
		const result = await run({ operation: 'anonymize', personSlug: 'customer@example.com', retry: fastRetry });
		expect(requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Talkable could not be reached: the connection was reset');
		expect(result.error?.description).toBe(
			'System error ECONNRESET. Not retried: this Talkable operation is not safe to repeat, and the request may already have been applied. Check in Talkable before running it again.',
		);
		expect(sandbox.vendor('talkable').state.anonymized).toBe(0);
	});

	test('GET and PUT are retried after 503, an HTML 502 page and a connection reset', async () => {
		sandbox.fault('talkable', { status: 503, body: { ok: false, error_message: 'Maintenance' }, times: 1 });
		sandbox.fault('talkable', { status: 502, headers: { 'Content-Type': 'text/html' }, body: '<html>Bad gateway</html>', times: 1 });
		sandbox.fault('talkable', { reset: true, times: 1 });
		const get = await run({ operation: 'get', personSlug: 'customer@example.com', retry: fastRetry });
		expect(get.error).toBeUndefined();
		expect(requests()).toHaveLength(4);

		sandbox.reset();
		sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: 'Oops' }, times: 1 });
		const put = await run({ operation: 'upsert', personSlug: 'customer@example.com', personFields: { firstName: 'Jo' }, retry: fastRetry });
		expect(put.error).toBeUndefined();
		expect(requests()).toHaveLength(2);
		expect(requests().map((r) => r.body)).toEqual([requests()[1].body, { site_slug: 'my-store', data: { first_name: 'Jo' } }]);
	});

	test('a slow answer past the request timeout is retried for a GET', async () => {
		sandbox.fault('talkable', { delayMs: 1500, times: 1 });
		const result = await run({
			operation: 'get',
			personSlug: 'customer@example.com',
			retry: fastRetry,
			requestOptions: { timeout: 300 },
		});
		expect(result.error).toBeUndefined();
		expect(requests()).toHaveLength(2);
		expect(result.logs.some((line) => /ECONNABORTED|ETIMEDOUT/.test(line))).toBe(true);
	});

	test('retries can be turned off', async () => {
		sandbox.fault('talkable', { status: 503, body: { ok: false, error_message: 'Maintenance' }, times: 1 });
		const result = await run({ operation: 'get', personSlug: 'customer@example.com', retry: { maxRetries: 0 } });
		expect(requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Talkable error: Maintenance');
	});
});

describe('Talkable items: pairing, Continue On Fail, input checks, secrets', () => {
	beforeEach(async () => {
		await run({ operation: 'upsert', personSlug: 'second@example.com', personFields: { firstName: 'Second' } });
		sandbox.vendor('talkable').state.people.get('second@example.com').rewards = [{ id: 77, amount: 10 }];
		sandbox.clearRequests();
	});

	test('several input items: every output item is paired with its input item', async () => {
		const result = await run(
			{ operation: 'getRewards', personSlug: '={{ $json.email }}', returnAll: true },
			{ items: [{ email: 'second@example.com' }, { email: 'customer@example.com' }, { email: 'second@example.com' }] },
		);
		expect(result.error).toBeUndefined();
		expect(json(result.items).map((item) => item.id)).toEqual([77, 11, 10, 77]);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 1 }, { item: 2 }]);
	});

	test('Continue On Fail: one output or error item per input item, in order and paired', async () => {
		const result = await run(
			{ operation: 'get', personSlug: '={{ $json.email }}' },
			{
				continueOnFail: true,
				items: [{ email: 'customer@example.com' }, { email: 'nobody@example.com' }, { email: '' }, { email: 'second@example.com' }],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json.email).toBe('customer@example.com');
		expect(result.items[1].json.error).toBe('Talkable error: No person found by `person_slug`.');
		expect(result.items[2].json.error).toBe('Person: a value is required but this item has none [item 2]');
		expect(result.items[3].json.first_name).toBe('Second');
		// the empty slug was never sent
		expect(requests().map((r) => r.path)).toEqual([
			'/people/customer%40example.com',
			'/people/nobody%40example.com',
			'/people/second%40example.com',
		]);
	});

	test('without Continue On Fail the run stops with the failing item named', async () => {
		const result = await run(
			{ operation: 'get', personSlug: '={{ $json.email }}' },
			{ items: [{ email: 'customer@example.com' }, { email: 'nobody@example.com' }] },
		);
		expect(result.error?.message).toBe('Talkable error: No person found by `person_slug`.');
		expect(result.error?.context?.itemIndex).toBe(1);
	});

	test.each([
		[{ personSlug: 'not-an-email', personFields: { firstName: 'X' } }, 'Person: "not-an-email" is not a valid email address [item 0]'],
		[{ personSlug: 'x@example.com' }, 'Person Fields: add at least one field or a custom property [item 0]'],
		[{ personSlug: 'x@example.com', customProperties: { property: [{ name: ' ', value: 'v' }] } }, 'Custom Properties: entry 1 has no name [item 0]'],
	])('bad upsert input is rejected before any request: %j', async (parameters, message) => {
		const result = await run({ operation: 'upsert', ...parameters });
		expect(result.error?.message).toBe(message);
		expect(requests()).toHaveLength(0);
	});

	test('a missing site slug (credential and node) is an input error', async () => {
		const result = await runNode({
			type: 'talkable',
			parameters: { resource: 'person', operation: 'get', personSlug: 'customer@example.com' },
			credentials: credentials({ siteSlug: '' }),
		});
		expect(result.error?.message).toBe('Site Slug: no value here and none in the credential [item 0]');
		expect(requests()).toHaveLength(0);
	});

	test('the API key appears in no output, error or log line', async () => {
		sandbox.fault('talkable', { status: 401, body: { ok: false, error_message: `Bad key ${API_KEY}` }, times: 1 });
		sandbox.fault('talkable', { status: 503, body: { ok: false, error_message: `echo Bearer ${API_KEY}` } });
		const result = await run(
			{ operation: 'get', personSlug: '={{ $json.email }}', retry: { ...fastRetry, maxRetries: 1 } },
			{ continueOnFail: true, items: [{ email: 'customer@example.com' }, { email: 'second@example.com' }] },
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.error).toBe('Talkable error: Bad key [redacted]');
		const visible = everythingVisible(result);
		expect(visible).toContain('[redacted]');
		expect(visible).not.toContain(API_KEY);
	});
});

describe('Talkable credential test', () => {
	test('succeeds against the sandbox', async () => {
		const outcome = await testCredential('talkableApi', 'talkable', sandbox.credentials('talkable'));
		expect(outcome.status).toBe('OK');
		expect(requests()).toEqual([
			expect.objectContaining({ method: 'GET', path: '/campaigns', query: { site_slug: 'my-store' } }),
		]);
		expect(requests()[0].headers.authorization).toBe(`Bearer ${API_KEY}`);
	});

	test('fails on a wrong key', async () => {
		const outcome = await testCredential('talkableApi', 'talkable', { ...sandbox.credentials('talkable'), apiKey: 'nope-nope' });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toBe('Talkable refused the request: check the API key and the site slug');
		// The 401 is read as a body and judged by the credential's rules (no error for n8n to log,
		// and no second request: n8n resends only after a thrown 401).
		expect(outcome.run.error).toBeUndefined();
		expect(requests().map((r) => r.headers.authorization)).toEqual(['Bearer nope-nope']);
	});

	test('fails on a Base URL that is not Talkable API v2 (an HTML page with HTTP 200)', async () => {
		sandbox.fault('talkable', { status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html><body>Welcome</body></html>' });
		const outcome = await testCredential('talkableApi', 'talkable', sandbox.credentials('talkable'));
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toBe('No Talkable API answer (an ok/result envelope) at the Base URL: check it');
	});
});
