/**
 * The PersonaClick sandbox itself, spoken to directly over HTTP: the rules the node tests rely on
 * (where the credential must be, the documented refusals, paging bounds).
 */
import { startSandbox, type Sandbox } from '../support/helpers';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ vendors: ['personaclick'] });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const creds = () => sandbox.credentials('personaclick');
const auth = () => ({ shop_id: creds().shopId, shop_secret: creds().shopSecret });

async function post(path: string, body: object, query: Record<string, string> = {}) {
	const url = `${creds().baseUrl}${path}?${new URLSearchParams(query)}`;
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
}

async function get(path: string, query: Record<string, string>) {
	const response = await fetch(`${creds().baseUrl}${path}?${new URLSearchParams(query)}`);
	return { status: response.status, body: (await response.json()) as any };
}

describe('credential placement', () => {
	test('POST: shop_secret must be in the JSON body, not the query', async () => {
		const inQuery = await post('/subscriptions/confirm_email', { email: 'jane.roe@examplemail.com' }, auth());
		expect(inQuery).toEqual({ status: 403, body: { status: 'error', message: 'Invalid shop_id or shop_secret' } });
		const inBody = await post('/subscriptions/confirm_email', { email: 'jane.roe@examplemail.com', ...auth() });
		expect(inBody).toEqual({ status: 200, body: { status: 'success' } });
	});

	test('GET: shop_secret must be in the query', async () => {
		const missing = await get('/subscriptions/check', { email: 'john.doe@examplemail.com', shop_id: creds().shopId });
		expect(missing.status).toBe(403);
		const ok = await get('/subscriptions/check', { email: 'john.doe@examplemail.com', ...auth() });
		expect(ok.status).toBe(200);
		expect(ok.body.exists).toBe(true);
	});

	test('changes nests its error message under payload', async () => {
		const wrong = await get('/subscriptions/changes', { ...auth(), shop_secret: 'nope' });
		expect(wrong).toEqual({ status: 403, body: { status: 'error', payload: { message: 'Invalid shop_id or shop_secret' } } });
	});
});

describe('documented refusals', () => {
	test('manage: 404 without an identifier, 400 without a flag', async () => {
		expect(await post('/subscriptions/manage', { email_bulk: true, ...auth() })).toEqual({
			status: 404,
			body: { status: 'error', message: 'There are no mandatory parameters in the request' },
		});
		expect(await post('/subscriptions/manage', { email: 'john.doe@examplemail.com', ...auth() })).toEqual({
			status: 400,
			body: { status: 'error', message: 'There are no parameters to change the status of subscriptions' },
		});
	});

	test('manage accepts the doc example’s string booleans', async () => {
		const reply = await post('/subscriptions/manage', { email: 'john.doe@examplemail.com', email_bulk: 'false', ...auth() });
		expect(reply.status).toBe(200);
		const john = sandbox.vendor('personaclick').state.contacts.find((c: { email: string }) => c.email === 'john.doe@examplemail.com');
		expect(john.email_bulk).toBe(false);
		expect(john.email_chain).toBe(true);
	});

	test('callback: 400 for an unknown event', async () => {
		const reply = await post('/subscriptions/callback', { email: 'jane.roe@examplemail.com', event: 'soft_bounced', ...auth() });
		expect(reply.status).toBe(400);
	});

	test('check: 400 without email or phone', async () => {
		expect(await get('/subscriptions/check', auth())).toEqual({
			status: 400,
			body: { status: 'error', message: 'There are no email or phone parameters' },
		});
	});

	test('confirm_email: 400 when confirmed, unknown, or double opt-in is off', async () => {
		const confirm = (email: string) => post('/subscriptions/confirm_email', { email, ...auth() });
		expect((await confirm('john.doe@examplemail.com')).body.message).toBe('The email address is already confirmed');
		expect((await confirm('nobody@examplemail.com')).body.message).toBe('No email address was found');
		sandbox.vendor('personaclick').state.doubleOptIn = false;
		const off = await confirm('jane.roe@examplemail.com');
		expect(off).toEqual({ status: 400, body: { status: 'error', message: 'The "Double Opt-In" chain is off' } });
	});
});

describe('changes paging', () => {
	test('limit is at most 20,000', async () => {
		const over = await get('/subscriptions/changes', { ...auth(), limit: '20001' });
		expect(over).toEqual({ status: 400, body: { status: 'error', payload: { message: 'limit must be an integer from 1 to 20000' } } });
		const max = await get('/subscriptions/changes', { ...auth(), limit: '20000' });
		expect(max.status).toBe(200);
	});

	test('offset/limit slice the last 24 hours by default; from/to select whole days', async () => {
		const page = await get('/subscriptions/changes', { ...auth(), offset: '40', limit: '10' });
		expect(page.body).toHaveLength(5);
		expect(page.body[0].contact).toBe('seed41@examplemail.com');
		const days = await get('/subscriptions/changes', { ...auth(), from: '2021-05-04', to: '2021-05-04' });
		expect(days.body.map((c: { datetime: string }) => c.datetime)).toEqual([
			'2021-05-04T08:00:00.000',
			'2021-05-04T12:30:00.000',
			'2021-05-04T23:59:59.000',
		]);
		const badDate = await get('/subscriptions/changes', { ...auth(), from: '2021-05-04T00:00:00' });
		expect(badDate.status).toBe(400);
	});
});

async function send(method: string, path: string, body: object, query: Record<string, string> = {}) {
	const response = await fetch(`${creds().baseUrl}${path}?${new URLSearchParams(query)}`, {
		method,
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
}

describe('CDP: credential on every route', () => {
	test.each([
		['GET', '/profile'],
		['POST', '/profile/set'],
		['DELETE', '/profile/purge'],
		['POST', '/profile/force_change_email'],
		['POST', '/push/custom'],
		['POST', '/segments/get'],
		['POST', '/segments/includes'],
		['POST', '/sync/orders'],
	])('%s %s refuses a wrong secret', async (method, path) => {
		const wrong = { ...auth(), shop_secret: 'nope' };
		const reply =
			method === 'GET'
				? await get(path, { ...wrong, email: 'john.doe@examplemail.com' })
				: await send(method, path, { ...wrong, email: 'john.doe@examplemail.com' });
		expect(reply.status).toBe(403);
		expect(reply.body.status).toBe('error');
	});

	test('DELETE /profile/purge wants the secret in the JSON body, not the query', async () => {
		const inQuery = await send('DELETE', '/profile/purge', { email: 'john.doe@examplemail.com' }, auth());
		expect(inQuery.status).toBe(403);
		const inBody = await send('DELETE', '/profile/purge', { email: 'john.doe@examplemail.com', ...auth() });
		expect(inBody).toEqual({ status: 200, body: { status: 'success' } });
	});
});

describe('CDP: profiles', () => {
	test('set then get; purge blanks it; a second purge is 404', async () => {
		expect((await post('/profile/set', { ...auth(), email: 'ann@example.com', first_name: 'Ann', vip_tier: 'gold' })).status).toBe(200);
		const profile = await get('/profile', { ...auth(), email: 'ann@example.com' });
		expect(profile.body).toMatchObject({ email: 'ann@example.com', first_name: 'Ann', custom_properties: { vip_tier: 'gold' } });
		expect((await send('DELETE', '/profile/purge', { ...auth(), email: 'ann@example.com' })).status).toBe(200);
		const state = sandbox.vendor('personaclick').state;
		expect(state.contacts[state.contacts.length - 1]).toMatchObject({ email: null, first_name: null, custom_properties: {} });
		expect(await send('DELETE', '/profile/purge', { ...auth(), email: 'ann@example.com' })).toEqual({
			status: 404,
			body: { status: 'error', payload: { message: 'Profile not found' } },
		});
	});

	test('set refuses a custom property name outside [a-z0-9_]+ and a bad gender', async () => {
		expect((await post('/profile/set', { ...auth(), email: 'a@example.com', 'Bad Key': 1 })).status).toBe(400);
		expect((await post('/profile/set', { ...auth(), email: 'a@example.com', gender: 'x' })).status).toBe(400);
	});

	test('force_change_email takes the email from another profile; needs the flag', async () => {
		const body = { ...auth(), old_email: 'john.doe@examplemail.com', new_email: 'jane.roe@examplemail.com' };
		expect((await post('/profile/force_change_email', body)).status).toBe(400);
		expect(await post('/profile/force_change_email', { ...body, i_understand_what_i_am_doing: 'yes' })).toEqual({
			status: 200,
			body: { status: 'success' },
		});
		const [john, jane] = sandbox.vendor('personaclick').state.contacts;
		expect(john.email).toBe('jane.roe@examplemail.com');
		expect(jane.email).toBeNull();
		const again = await post('/profile/force_change_email', { ...body, i_understand_what_i_am_doing: true });
		expect(again).toEqual({ status: 404, body: { status: 'error', payload: { message: 'Profile with `old_email` not found' } } });
	});
});

describe('CDP: orders', () => {
	const orders = (count: number) => Array.from({ length: count }, (_, n) => ({ id: `X-${n}`, status: 'paid' }));

	test('refuses an empty orders array and more than 1,000 orders', async () => {
		expect(await post('/sync/orders', { ...auth(), orders: [] })).toEqual({
			status: 400,
			body: { status: 'error', message: 'orders is empty' },
		});
		expect((await post('/sync/orders', { ...auth(), orders: orders(1001) })).body.message).toBe('Too many orders: at most 1000 per request');
		expect((await post('/sync/orders', { ...auth(), orders: orders(1000) })).status).toBe(200);
		expect(sandbox.vendor('personaclick').state.syncRequests).toEqual([1000]);
	});

	test('refuses a date in milliseconds', async () => {
		const reply = await post('/sync/orders', { ...auth(), orders: [{ id: 'X', status: 'paid', date: 1714550400000 }] });
		expect(reply).toEqual({ status: 400, body: { status: 'error', message: 'orders[0].date must be a Unix timestamp in seconds' } });
	});

	test('40 requests a minute: the 41st is a 429 with the error envelope', async () => {
		const replies = [];
		for (let i = 0; i < 41; i++) replies.push(await post('/sync/orders', { ...auth(), orders: orders(1) }));
		expect(replies.slice(0, 40).every((reply) => reply.status === 200)).toBe(true);
		expect(replies[40]).toEqual({ status: 429, body: { status: 'error', message: 'Rate limit exceeded: 40 requests per minute' } });
	});
});

describe('CDP: segments and events', () => {
	test('includes answers a bare boolean, or the announced envelope', async () => {
		const body = { ...auth(), segment_id: 313, email: 'john.doe@examplemail.com' };
		expect(await post('/segments/includes', body)).toEqual({ status: 200, body: true });
		sandbox.vendor('personaclick').state.segmentCheckShape = 'envelope';
		expect(await post('/segments/includes', body)).toEqual({
			status: 200,
			body: { status: 'success', payload: { segment_id: 313, result: true } },
		});
	});

	test('push/custom refuses an unknown event code and a missing identifier', async () => {
		expect((await post('/push/custom', { ...auth(), event: 'nope', email: 'a@example.com' })).status).toBe(400);
		expect(await post('/push/custom', { ...auth(), event: 'my_event' })).toEqual({
			status: 400,
			body: { status: 'error', payload: { message: 'Identifier is not valid' } },
		});
	});
});
