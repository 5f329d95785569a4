/**
 * The PersonaClick sandbox itself, spoken to directly over HTTP: the rules the node tests rely on
 * (where the credential must be, the documented refusals, paging bounds).
 */
import { startSandbox, type Sandbox } from './helpers';

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
