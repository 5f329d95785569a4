/**
 * Sailthru sends, events, purchases and returns through n8n's real engine against the sandbox:
 * exact signed calls on the wire, outputs, input checks before sending, no resend of
 * non-idempotent writes after a 500 or a dropped connection, and signature vectors computed
 * with the official sailthru-client package.
 */
import {
	callOf,
	expectOk,
	expectSameSignedCall,
	expectSignedCall,
	officialRequest,
	requests,
	run,
	runWithVectorKeys,
	state,
	useSandbox,
	context,
	VECTOR_KEYS,
} from './common';

useSandbox();

const template = (name: string) => ({ __rl: true, mode: 'id', value: name });

describe('send', () => {
	test('send one: template, email, vars, options and limit in order → send_id', async () => {
		const result = await run({
			resource: 'send',
			operation: 'send',
			template: template('order-shipped'),
			email: 'jane@example.com',
			vars: { var: [{ name: 'order_id', value: 'A-100' }, { name: 'carrier', value: 'UPS' }] },
			additionalFields: {
				replyto: 'support@example.com',
				test: true,
				limit: { settings: { name: 'shipping-note', within_time: '1 day', conflict: 'max' } },
			},
		});
		expectOk(result);
		expect(requests()).toHaveLength(1);
		expectSignedCall(
			requests()[0],
			'POST',
			'/send',
			'{"template":"order-shipped","email":"jane@example.com","vars":{"order_id":"A-100","carrier":"UPS"},"options":{"replyto":"support@example.com","test":1},"limit":{"name":"shipping-note","within_time":"1 day","conflict":"max"}}',
		);
		expect(result.items).toHaveLength(1);
		const sent = result.items[0].json as any;
		expect(sent).toMatchObject({ email: 'jane@example.com', template: 'order-shipped', status: 'delivered' });
		expect(sent.send_id).toMatch(/^TE8EZ3-/);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(state().sends).toHaveLength(1);
	});

	test('a comma in Email is refused before sending (that would be a multi-send)', async () => {
		const result = await run(
			{ resource: 'send', operation: 'send', template: template('welcome'), email: 'a@example.com,b@example.com' },
			{ continueOnFail: true },
		);
		expect(requests()).toHaveLength(0);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'Email: enter one email address (a comma-separated list is a multi-send: use Send to Many) [item 0]',
		]);
	});

	test('send to many: comma list, common vars and per-recipient evars (rows) → send_ids', async () => {
		const result = await run({
			resource: 'send',
			operation: 'sendMulti',
			template: template('welcome'),
			emails: 'ann@example.com, bob@example.com',
			varsInputMode: 'json',
			varsJson: '{"promo":"WINTER"}',
			evars: {
				recipient: [
					{ email: 'ann@example.com', vars: '{"first_name":"Ann"}' },
					{ email: 'bob@example.com', vars: '{"first_name":"Bob","vip":true}' },
				],
			},
			additionalFields: { schedule_time: '+2 hours' },
		});
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'POST',
			'/send',
			'{"template":"welcome","email":"ann@example.com,bob@example.com","vars":{"promo":"WINTER"},"evars":{"ann@example.com":{"first_name":"Ann"},"bob@example.com":{"first_name":"Bob","vip":true}},"schedule_time":"+2 hours"}',
		);
		const answer = result.items[0].json as any;
		expect(answer.sent_count).toBe(2);
		expect(Object.keys(answer.send_ids)).toEqual(['ann@example.com', 'bob@example.com']);
		expect(state().sends.map((send: any) => [send.email, send.status, send.vars.first_name])).toEqual([
			['ann@example.com', 'scheduled', 'Ann'],
			['bob@example.com', 'scheduled', 'Bob'],
		]);
	});

	test('send to many: evars as JSON; a key that is no recipient is refused before sending', async () => {
		const result = await run(
			{
				resource: 'send',
				operation: 'sendMulti',
				template: template('welcome'),
				emails: 'ann@example.com',
				evarsInputMode: 'json',
				evarsJson: '={{ JSON.stringify({ "eve@example.com": { "x": 1 } }) }}',
			},
			{ continueOnFail: true },
		);
		expect(requests()).toHaveLength(0);
		expect(result.items[0].json.error).toBe('Recipient Vars: eve@example.com is not one of the recipients [item 0]');
	});

	test('schedule, read back with Get, cancel; a sent send cannot be cancelled (403, error 41)', async () => {
		const scheduled = await run({
			resource: 'send',
			operation: 'send',
			template: template('welcome'),
			email: 'jane@example.com',
			additionalFields: { schedule_time: '2099-01-02 10:00 UTC' },
		});
		expectOk(scheduled);
		const sendId = scheduled.items[0].json.send_id as string;
		expect(scheduled.items[0].json.status).toBe('scheduled');

		const got = await run({ resource: 'send', operation: 'get', sendId });
		expectOk(got);
		expectSignedCall(requests()[1], 'GET', '/send', JSON.stringify({ send_id: sendId }));
		expect(got.items[0].json).toMatchObject({ send_id: sendId, status: 'scheduled', view_url: expect.any(String) });

		const cancelled = await run({ resource: 'send', operation: 'cancel', sendId });
		expectOk(cancelled);
		expectSignedCall(requests()[2], 'DELETE', '/send', JSON.stringify({ send_id: sendId }));
		expect(cancelled.items[0].json).toEqual({ send_id: sendId, ok: true });

		const now = await run({ resource: 'send', operation: 'send', template: template('welcome'), email: 'jane@example.com' });
		const again = await run({ resource: 'send', operation: 'cancel', sendId: now.items[0].json.send_id });
		expect(again.error?.message).toMatch(/^Sailthru error \(code 41\): Cannot cancel send/);
		expect(again.error?.description).toContain('Cannot cancel or delete: it was already sent.');
		expect(again.error?.httpCode).toBe('403');
	});

	test('unknown template: error 14 with its meaning', async () => {
		const result = await run({ resource: 'send', operation: 'send', template: template('nope'), email: 'jane@example.com' });
		expect(result.error?.message).toBe('Sailthru error (code 14): Unknown template: nope');
		expect(result.error?.description).toContain('Unknown template: check the template name.');
	});
});

describe('event', () => {
	test('create: id, event, key, vars', async () => {
		const result = await run({
			resource: 'event',
			operation: 'create',
			id: '4e2879472d7acd6d97144f9e',
			key: 'sid',
			event: 'wishlist_add',
			varsInputMode: 'json',
			varsJson: '{"url":"https://shop.example.com/p/1","name":"Widget"}',
		});
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'POST',
			'/event',
			'{"id":"4e2879472d7acd6d97144f9e","event":"wishlist_add","key":"sid","vars":{"url":"https://shop.example.com/p/1","name":"Widget"}}',
		);
		expect(result.items.map((item) => item.json)).toEqual([{ ok: true }]);
		expect(state().events).toEqual([
			{ id: '4e2879472d7acd6d97144f9e', key: 'sid', event: 'wishlist_add', vars: { url: 'https://shop.example.com/p/1', name: 'Widget' } },
		]);
	});

	test.each(['send', 'cancel', 'open', 'click', 'purchase', 'daily', 'Purchase'])(
		'reserved name %s is refused before sending',
		async (name) => {
			const result = await run(
				{ resource: 'event', operation: 'create', id: 'jane@example.com', event: name },
				{ continueOnFail: true },
			);
			expect(requests()).toHaveLength(0);
			expect(String(result.items[0].json.error)).toMatch(/^Event Name: ".+" is reserved by Sailthru/);
		},
	);
});

const PURCHASE_ITEMS = {
	item: [
		{
			id: 'SKU-1',
			title: 'Water Bottle',
			qty: 2,
			price: 1099,
			url: 'https://shop.example.com/p/sku-1',
			tags: 'outdoor, summer',
			vars: '{"color":"blue"}',
		},
	],
};

describe('purchase', () => {
	test('create: items in cents, order ID, adjustments, tenders; read it back by extid', async () => {
		const result = await run({
			resource: 'purchase',
			operation: 'create',
			email: 'jane@example.com',
			items: PURCHASE_ITEMS,
			additionalFields: {
				extid: 'A-100',
				message_id: '12345.678',
				adjustments: { entry: [{ title: 'Promo', price: -500 }] },
				tenders: { entry: [{ title: 'visa', price: 1698 }] },
				channel: 'online',
			},
		});
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'POST',
			'/purchase',
			'{"email":"jane@example.com","items":[{"id":"SKU-1","title":"Water Bottle","qty":2,"price":1099,"url":"https://shop.example.com/p/sku-1","tags":["outdoor","summer"],"vars":{"color":"blue"}}],"message_id":"12345.678","purchase_keys":{"extid":"A-100"},"adjustments":[{"title":"Promo","price":-500}],"tenders":[{"title":"visa","price":1698}],"channel":"online"}',
		);
		const purchase = (result.items[0].json as any).purchase;
		expect(purchase).toMatchObject({ email: 'jane@example.com', qty: 2, price: 1698, incomplete: 0 });
		expect(state().content[0].inventory).toBe(48);

		const got = await run({ resource: 'purchase', operation: 'get', purchaseId: 'A-100', purchaseKey: 'extid' });
		expectOk(got);
		expectSignedCall(requests()[1], 'GET', '/purchase', '{"purchase_id":"A-100","purchase_key":"extid"}');
		expect((got.items[0].json as any).purchase._id).toBe(purchase._id);

		const bySid = await run({ resource: 'purchase', operation: 'get', purchaseId: purchase._id });
		expectOk(bySid);
		expect(callOf(requests()[2])).toEqual({ purchase_id: purchase._id });
	});

	test('a cart update (incomplete) with items as JSON', async () => {
		const result = await run({
			resource: 'purchase',
			operation: 'create',
			email: 'jane@example.com',
			itemsInputMode: 'json',
			itemsJson: '[{"id":"SKU-2","title":"Trail Map","qty":1,"price":499,"url":"https://shop.example.com/p/sku-2"}]',
			incomplete: true,
		});
		expectOk(result);
		expect(callOf(requests()[0])).toEqual({
			email: 'jane@example.com',
			items: [{ id: 'SKU-2', title: 'Trail Map', qty: 1, price: 499, url: 'https://shop.example.com/p/sku-2' }],
			incomplete: 1,
		});
		expect(state().content[1].inventory).toBe(12);
	});

	test('no items, dollars instead of cents, a missing title: refused before sending', async () => {
		const result = await run(
			{ resource: 'purchase', operation: 'create', email: '={{ $json.email }}', itemsInputMode: 'json', itemsJson: '={{ $json.items }}' },
			{
				continueOnFail: true,
				items: [
					{ email: 'a@example.com', items: '[]' },
					{ email: 'b@example.com', items: '[{"id":"1","title":"T","qty":1,"price":10.99,"url":"https://x.example/1"}]' },
					{ email: 'c@example.com', items: '[{"id":"1","qty":1,"price":1099,"url":"https://x.example/1"}]' },
				],
			},
		);
		expect(requests()).toHaveLength(0);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'Items: add at least one item (Sailthru refuses a purchase without items) [item 0]',
			'Items (item 1 price): 10.99 is not a whole number of cents (Sailthru takes money in cents: $10.99 is 1099) [item 1]',
			'Items: item 1 has no title [item 2]',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('return', () => {
	test('create: email and items (qty, price in cents, url, id, order_id)', async () => {
		const result = await run({
			resource: 'return',
			operation: 'create',
			email: 'jane@example.com',
			items: { item: [{ id: 'SKU-1', qty: 1, price: 1099, url: 'https://shop.example.com/p/sku-1', orderId: 'A-100' }] },
		});
		expectOk(result);
		expectSignedCall(
			requests()[0],
			'POST',
			'/return',
			'{"email":"jane@example.com","items":[{"id":"SKU-1","qty":1,"price":1099,"url":"https://shop.example.com/p/sku-1","order_id":"A-100"}]}',
		);
		expect(result.items[0].json).toMatchObject({ ok: true });
		expect(state().returns).toHaveLength(1);
	});
});

describe('writes that are not safe to repeat are sent once', () => {
	const writes: Array<[string, Record<string, unknown>, string]> = [
		['send', { resource: 'send', operation: 'send', template: template('welcome'), email: 'jane@example.com' }, '/send'],
		['sendMulti', { resource: 'send', operation: 'sendMulti', template: template('welcome'), emails: 'a@example.com,b@example.com' }, '/send'],
		['event', { resource: 'event', operation: 'create', id: 'jane@example.com', event: 'signup' }, '/event'],
		['purchase', { resource: 'purchase', operation: 'create', email: 'jane@example.com', items: PURCHASE_ITEMS }, '/purchase'],
		[
			'return',
			{ resource: 'return', operation: 'create', email: 'jane@example.com', items: { item: [{ qty: 1, price: 100, url: 'https://x.example/1' }] } },
			'/return',
		],
	];

	test.each(writes)('%s: one request after a 500', async (_name, parameters, path) => {
		context.sandbox.fault('sailthru', { method: 'POST', path, status: 500, body: { error: 9, errormsg: 'Internal error' } });
		const result = await run({ ...parameters, retry: { initialDelayMs: 1 } });
		expect(requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Sailthru error (code 9): Internal error');
		expect(result.error?.description).toContain('not safe to repeat');
	});

	test.each(writes)('%s: one request after a dropped connection', async (_name, parameters, path) => {
		context.sandbox.fault('sailthru', { method: 'POST', path, reset: true });
		const result = await run({ ...parameters, retry: { initialDelayMs: 1 } });
		expect(requests()).toHaveLength(1);
		expect(result.error?.message).toBe('Sailthru could not be reached: the connection was reset');
	});

	test('error 43 (HTTP 429) is retried for every operation, an event too: per-endpoint limits', async () => {
		state().rateLimit.windowMs = 1000;
		state().rateLimit.limits['POST /event'] = 1;
		const result = await run(
			{ resource: 'event', operation: 'create', id: '={{ $json.email }}', event: 'signup', retry: { initialDelayMs: 1 } },
			{ items: [{ email: 'a@example.com' }, { email: 'b@example.com' }] },
		);
		expectOk(result);
		expect(result.items.map((item) => item.json)).toEqual([{ ok: true }, { ok: true }]);
		expect(state().events.map((event: any) => event.id)).toEqual(['a@example.com', 'b@example.com']);
		const posts = requests().filter((r) => r.path === '/event');
		expect(posts.length).toBeGreaterThanOrEqual(3);
		expect(result.logs.some((line) => /rate limited, HTTP 429/.test(line))).toBe(true);
	});

	test('rate-limit headers are kept per endpoint and method', async () => {
		const base = context.sandbox.credentials('sailthru').baseUrl;
		const first = await fetch(`${base}/send`);
		const second = await fetch(`${base}/send`);
		const other = await fetch(`${base}/send`, { method: 'DELETE' });
		expect([first, second, other].map((r) => [r.headers.get('x-rate-limit-limit'), r.headers.get('x-rate-limit-remaining')])).toEqual([
			['300', '299'],
			['300', '298'],
			['40', '39'],
		]);
		expect(await first.json()).toEqual({ error: 2, errormsg: 'Missing required parameter: api_key' });
	});

	test('reads are retried after a 503 (send get)', async () => {
		context.sandbox.fault('sailthru', { method: 'GET', path: '/send', status: 503, times: 1, body: 'busy' });
		const result = await run({ resource: 'send', operation: 'get', sendId: 'nope', retry: { initialDelayMs: 1 } });
		expect(requests()).toHaveLength(2);
		expect(result.error?.message).toBe('Sailthru error (code 12): Unknown send_id: nope');
	});
});

describe('signature vectors computed with the official sailthru-client', () => {
	test('send (POST /send): client.send', async () => {
		await runWithVectorKeys({
			resource: 'send',
			operation: 'send',
			template: template('welcome'),
			email: 'jane@example.com',
			vars: { var: [{ name: 'first_name', value: 'Jane' }] },
		});
		const official = await officialRequest(
			(client, done) => client.send('welcome', 'jane@example.com', { template: 'welcome', email: 'jane@example.com', vars: { first_name: 'Jane' } }, done),
			VECTOR_KEYS,
		);
		expectSameSignedCall(requests()[0], official);
		// The vector: key abc123key, secret shhh-secret.
		expect(official.body).toMatchObject({
			json: '{"template":"welcome","email":"jane@example.com","vars":{"first_name":"Jane"}}',
			sig: '5b4a0727a5d5e339709adf31b97d835b',
		});
	});

	test('send get and cancel (GET/DELETE /send): client.getSend, client.cancelSend', async () => {
		await runWithVectorKeys({ resource: 'send', operation: 'get', sendId: 'TE8EZ3-LmosnA001' });
		expectSameSignedCall(requests()[0], await officialRequest((client, done) => client.getSend('TE8EZ3-LmosnA001', done), VECTOR_KEYS));
		context.sandbox.clearRequests();
		await runWithVectorKeys({ resource: 'send', operation: 'cancel', sendId: 'TE8EZ3-LmosnA001' });
		expectSameSignedCall(requests()[0], await officialRequest((client, done) => client.cancelSend('TE8EZ3-LmosnA001', done), VECTOR_KEYS));
	});

	test('send to many: client.multiSend', async () => {
		await runWithVectorKeys({ resource: 'send', operation: 'sendMulti', template: template('welcome'), emails: 'a@example.com,b@example.com' });
		const official = await officialRequest(
			(client, done) => client.multiSend('welcome', ['a@example.com', 'b@example.com'], { template: 'welcome' }, done),
			VECTOR_KEYS,
		);
		expectSameSignedCall(requests()[0], official);
	});

	test('event (POST /event): client.apiPost("event")', async () => {
		await runWithVectorKeys({ resource: 'event', operation: 'create', id: 'jane@example.com', event: 'signup' });
		const official = await officialRequest(
			(client, done) => client.apiPost('event', { id: 'jane@example.com', event: 'signup' }, done),
			VECTOR_KEYS,
		);
		expectSameSignedCall(requests()[0], official);
	});

	test('purchase (POST /purchase): client.purchase', async () => {
		await runWithVectorKeys({
			resource: 'purchase',
			operation: 'create',
			email: 'jane@example.com',
			items: { item: [{ id: 'SKU-1', title: 'Water Bottle', qty: 1, price: 1099, url: 'https://shop.example.com/p/sku-1' }] },
		});
		const items = [{ id: 'SKU-1', title: 'Water Bottle', qty: 1, price: 1099, url: 'https://shop.example.com/p/sku-1' }];
		const official = await officialRequest(
			(client, done) => client.purchase('jane@example.com', items, { email: 'jane@example.com', items }, done),
			VECTOR_KEYS,
		);
		expectSameSignedCall(requests()[0], official);
	});

	test('purchase get and return: client.apiGet("purchase"), client.apiPost("return")', async () => {
		await runWithVectorKeys({ resource: 'purchase', operation: 'get', purchaseId: 'A-100', purchaseKey: 'extid' });
		expectSameSignedCall(
			requests()[0],
			await officialRequest((client, done) => client.apiGet('purchase', { purchase_id: 'A-100', purchase_key: 'extid' }, done), VECTOR_KEYS),
		);
		context.sandbox.clearRequests();
		const items = [{ qty: 1, price: 1099, url: 'https://shop.example.com/p/sku-1' }];
		await runWithVectorKeys({ resource: 'return', operation: 'create', email: 'jane@example.com', items: { item: items } });
		expectSameSignedCall(
			requests()[0],
			await officialRequest((client, done) => client.apiPost('return', { email: 'jane@example.com', items }, done), VECTOR_KEYS),
		);
	});
});
