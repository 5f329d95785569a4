/**
 * PersonaClick order sync (POST /sync/orders): the node run's input items are the orders, sent
 * together (≤1,000 per request) with one output item per input item, paired to it.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runNode, type RunResult, useSandbox } from '../support/harness';
import { everythingVisible, paired } from '../support/helpers';

const sandbox = useSandbox({ vendors: ['personaclick'] });

const creds = () => sandbox.credentials('personaclick');
const state = () => sandbox.vendor('personaclick').state;
const wire = () => sandbox.requestsFor('personaclick');
const auth = () => ({ shop_id: creds().shopId, shop_secret: creds().shopSecret });
const ordersOf = (index: number) => (wire()[index].body as IDataObject).orders as IDataObject[];

function run(parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}): Promise<RunResult> {
	return runNode({
		type: 'personaClick',
		parameters: { resource: 'order', ...parameters },
		credentials: { personaClickApi: creds() },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** Sync parameters mapped from each input item. */
const mapped: INodeParameters = {
	operation: 'sync',
	orderId: '={{ $json.id }}',
	orderStatus: '={{ $json.status }}',
	orderValue: { total: '={{ $json.total }}' },
	orderItemsJson: '={{ $json.items }}',
	additionalFields: { channel: 'website', date: '={{ $json.date }}', email: '={{ $json.email }}' },
};

const order = (n: number): IDataObject => ({
	id: `B-${n}`,
	status: 'created',
	total: 10 + n,
	items: [{ id: `SKU-${n}`, price: 10 + n, quantity: 1 }],
	date: '2024-05-01T08:00:00.000Z',
	email: `buyer${n}@example.com`,
});

describe('sync', () => {
	test('one order with every field: the exact wire', async () => {
		const result = await run({
			operation: 'sync',
			orderId: 'A-200',
			orderStatus: 'paid',
			orderValue: { total: 120.5, delivery: 10, discount: 5, more: '{"taxes": 8.2}' },
			orderItems: { item: [{ id: 'SKU-1', price: 57.75, quantity: 2 }] },
			additionalFields: {
				channel: 'pos',
				date: '2024-05-01T08:00:00.000Z',
				offline: true,
				email: 'jane.roe@examplemail.com',
				phone: '+1 555 010 0002',
				externalId: 'cust-9',
				loyaltyId: 'card-9',
			},
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
		expect(wire()).toHaveLength(1);
		const [request] = wire();
		expect(request).toMatchObject({ method: 'POST', path: '/sync/orders', query: {} });
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.body).toEqual({
			...auth(),
			orders: [
				{
					id: 'A-200',
					status: 'paid',
					channel: 'pos',
					date: 1714550400,
					value: { total: 120.5, delivery: 10, discount: 5, taxes: 8.2 },
					items: [{ id: 'SKU-1', price: 57.75, quantity: 2 }],
					offline: true,
					email: 'jane.roe@examplemail.com',
					phone: '+15550100002',
					external_id: 'cust-9',
					loyalty_id: 'card-9',
				},
			],
		});
		expect(state().orders.find((o: IDataObject) => o.id === 'A-200')).toMatchObject({ status: 'paid', offline: true });
		expect(state().processingErrors).toEqual([]);
	});

	test('N input items → one request with N orders and N paired outputs', async () => {
		const items = [1, 2, 3, 4, 5].map(order);
		const result = await run(mapped, { items });
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(1);
		expect(ordersOf(0).map((o) => o.id)).toEqual(['B-1', 'B-2', 'B-3', 'B-4', 'B-5']);
		expect(ordersOf(0)[2]).toEqual({
			id: 'B-3',
			status: 'created',
			channel: 'website',
			date: 1714550400,
			value: { total: 13 },
			items: [{ id: 'SKU-3', price: 13, quantity: 1 }],
			email: 'buyer3@example.com',
		});
		expect(result.items.map((i) => i.json)).toEqual(items.map(() => ({ success: true })));
		expect(paired(result.items)).toEqual(items.map((_, item) => ({ item })));
		expect(state().syncRequests).toEqual([5]);
		expect(state().orders.map((o: IDataObject) => o.id)).toEqual(['A-100', 'B-1', 'B-2', 'B-3', 'B-4', 'B-5']);
	});

	test('Continue On Fail: a bad item gets its own error item and is not in the batch', async () => {
		const items = [order(1), { ...order(2), email: 'not-an-email' }, order(3), { ...order(4), id: '' }];
		const result = await run(mapped, { items, continueOnFail: true });
		expect(wire()).toHaveLength(1);
		expect(ordersOf(0).map((o) => o.id)).toEqual(['B-1', 'B-3']);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toEqual({ success: true });
		expect(String(result.items[1].json.error)).toMatch(/Email/);
		expect(result.items[2].json).toEqual({ success: true });
		expect(String(result.items[3].json.error)).toMatch(/Order ID/);
	});

	test('without Continue On Fail a bad item stops the node', async () => {
		const result = await run(mapped, { items: [order(1), { ...order(2), status: '' }] });
		expect(result.error?.message).toMatch(/Status/);
	});

	test('never an empty orders array: nothing is sent when every item is bad', async () => {
		const result = await run(mapped, { items: [{ ...order(1), id: '' }, { ...order(2), id: '' }], continueOnFail: true });
		expect(wire()).toHaveLength(0);
		expect(result.items).toHaveLength(2);
		expect(result.items.every((item) => /Order ID/.test(String(item.json.error)))).toBe(true);
	});

	test('1,001 items → a request of 1,000 orders and one of 1', async () => {
		const items = Array.from({ length: 1001 }, (_, n) => ({ id: `C-${n}`, status: 'created' }));
		const started = Date.now();
		const result = await run({ operation: 'updateStatus', orderId: '={{ $json.id }}', orderStatus: '={{ $json.status }}' }, { items });
		// Paced to 40 requests a minute: the second request starts at least 1.5 s after the first.
		expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
		expect(result.error).toBeUndefined();
		expect(wire().map((r) => ((r.body as IDataObject).orders as unknown[]).length)).toEqual([1000, 1]);
		expect(result.items).toHaveLength(1001);
		expect(paired(result.items)[1000]).toEqual({ item: 1000 });
		// Status updates of unknown orders: accepted, then reported by processing (the error email).
		expect(state().processingErrors).toHaveLength(1001);
	}, 30_000);

	test.each([
		['items given twice', { orderItems: { item: [{ id: 'SKU-1', price: 1, quantity: 1 }] }, orderItemsJson: '[{"id":"SKU-2"}]' }, /either in Items or as JSON/],
		['an item without a product ID', { orderItemsJson: '[{"price":1}]' }, /item 1 has no id/],
		['a date in milliseconds', { additionalFields: { date: 1714550400000 } }, /milliseconds/],
		['a phone not in international format', { additionalFields: { phone: 'ext. 12' } }, /international format/],
		['a value that is not a number', { orderValue: { total: '={{ "lots" }}' } }, /Value → Total/],
	])('input error, nothing sent: %s', async (_case, extra, problem) => {
		const result = await run({ operation: 'sync', orderId: 'A-1', orderStatus: 'paid', ...extra } as INodeParameters, {
			continueOnFail: true,
		});
		expect(wire()).toHaveLength(0);
		expect(String(result.items[0].json.error)).toMatch(problem);
	});

	test('retry-safe: the batch is resent after a 500', async () => {
		sandbox.fault('personaclick', { path: '/sync/orders', status: 500, times: 1, body: { status: 'error', message: 'Oops' } });
		const result = await run({ ...mapped, retry: { initialDelayMs: 10 } }, { items: [order(1), order(2)] });
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(2);
		expect(ordersOf(1)).toEqual(ordersOf(0));
	}, 15_000);

	test('a vendor error fails every item of the batch, each paired', async () => {
		sandbox.fault('personaclick', { path: '/sync/orders', status: 400, times: 1, body: { status: 'error', message: 'orders[0].status is required' } });
		const result = await run(mapped, { items: [order(1), order(2)], continueOnFail: true });
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items.map((i) => i.json.error)).toEqual([
			'PersonaClick error: orders[0].status is required',
			'PersonaClick error: orders[0].status is required',
		]);
	});
});

describe('updateStatus', () => {
	test('only id and status, no items', async () => {
		const result = await run(
			{ operation: 'updateStatus', orderId: '={{ $json.id }}', orderStatus: '={{ $json.status }}' },
			{ items: [{ id: 'A-100', status: 'delivered' }, { id: 'A-101', status: 'cancelled' }] },
		);
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(1);
		expect(wire()[0].body).toEqual({
			...auth(),
			orders: [
				{ id: 'A-100', status: 'delivered' },
				{ id: 'A-101', status: 'cancelled' },
			],
		});
		expect(result.items.map((i) => i.json)).toEqual([{ success: true }, { success: true }]);
		expect(state().orders.find((o: IDataObject) => o.id === 'A-100')).toMatchObject({
			status: 'delivered',
			items: [{ id: 'SKU-1', price: 57.75, quantity: 2 }],
		});
		expect(state().processingErrors).toEqual(['Order A-101: not found, and a new order needs channel, date, value, items']);
	});
});

describe('rate limit and secrets', () => {
	test('a 429 from the 40-a-minute limit is waited out and retried', async () => {
		state().syncLimit = { requests: 1, perMs: 300 };
		await run({ operation: 'updateStatus', orderId: 'A-100', orderStatus: 'paid' });
		const result = await run({ operation: 'updateStatus', orderId: 'A-100', orderStatus: 'shipped', retry: { initialDelayMs: 400 } });
		expect(result.error).toBeUndefined();
		expect(state().rateLimited).toBe(1);
		expect(wire()).toHaveLength(3);
		expect(state().orders[0].status).toBe('shipped');
	});

	test('the secret is never visible', async () => {
		const secret = creds().shopSecret;
		sandbox.fault('personaclick', { path: '/sync/orders', times: 1, status: 403, body: { status: 'error', message: `Invalid secret ${secret}` } });
		const failed = await run(mapped, { items: [order(1), order(2)], continueOnFail: true });
		expect(failed.items[0].json.error).toBe('PersonaClick error: Invalid secret [redacted]');
		const ok = await run(mapped, { items: [order(1)] });
		for (const result of [failed, ok]) {
			expect(everythingVisible(result)).not.toContain(secret);
			expect(everythingVisible(result)).not.toContain(encodeURIComponent(secret));
		}
	});
});
