import { everythingVisible, json, paired } from '../support/helpers';
import { bearer, fastRetry, talkableSuite } from './common';

const t = talkableSuite();

const purchase = (extra: Record<string, unknown> = {}) => ({
	resource: 'origin',
	operation: 'createPurchase',
	email: 'new.friend@example.com',
	orderNumber: 'B00K2EOONI',
	subtotal: 100.44,
	...extra,
});

describe('Talkable origin: single creates', () => {
	test('createPurchase: POST /origins/purchase with typed data; outputs origin, offer and claim links', async () => {
		const result = await t.run(
			purchase({
				additionalFields: {
					firstName: 'Nia',
					couponCodes: 'C0001, C0002',
					currencyIsoCode: 'EUR',
					sharingChannels: 'facebook,custom',
					createdAt: '2026-07-01T10:00:00Z',
					utmSource: 'facebook',
					shippingZip: '29860',
				},
				customProperties: { property: [{ name: 'tier', value: 'gold' }] },
				orderItems: { item: [{ productId: 'TSHIRT', price: 25.11, quantity: 4 }] },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(t.requests()).toHaveLength(1);
		expect(t.wire()).toEqual({
			method: 'POST',
			path: '/origins/purchase',
			query: {},
			authorization: bearer,
			body: {
				site_slug: 'my-store',
				data: {
					email: 'new.friend@example.com',
					order_number: 'B00K2EOONI',
					subtotal: 100.44,
					first_name: 'Nia',
					utm_source: 'facebook',
					sharing_channels: ['facebook', 'custom'],
					created_at: '2026-07-01T10:00:00Z',
					custom_properties: { tier: 'gold' },
					coupon_codes: ['C0001', 'C0002'],
					currency_iso_code: 'EUR',
					shipping_zip: '29860',
					items: [{ product_id: 'TSHIRT', price: 25.11, quantity: 4 }],
				},
			},
		});
		const [item] = json(result.items);
		expect(item.origin).toMatchObject({ type: 'Purchase', order_number: 'B00K2EOONI', subtotal: 100.44, coupon_code: 'C0001,C0002' });
		expect(item.offer).toMatchObject({ email: 'new.friend@example.com', short_url_code: expect.any(String) });
		expect(item.claim_links).toEqual({ facebook: expect.any(String), custom: expect.any(String) });
		expect(paired(result.items)).toEqual([{ item: 0 }]);
		// stored: the friend's purchase made a pending referral for the advocate
		expect(t.state().referrals.get('B00K2EOONI')).toMatchObject({ status: 'pending' });
	});

	test('a repeat with the same data is accepted; different data is a 400 "Duplicate entity"', async () => {
		await t.run(purchase());
		const same = await t.run(purchase());
		expect(same.error).toBeUndefined();
		expect(t.state().origins.size).toBe(1);
		const different = await t.run(purchase({ subtotal: 5 }));
		expect(different.error?.message).toMatch(/^Talkable error: Duplicate entity: Talkable already has existing Purchase with the same order_number/);
		expect(different.error?.httpCode).toBe('400');
	});

	test('createEvent: POST /origins/event with category and number', async () => {
		const result = await t.run({
			resource: 'origin',
			operation: 'createEvent',
			email: 'ann@example.com',
			eventCategory: 'newsletter_subscription',
			eventNumber: '42',
			subtotal: 0,
		});
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'POST',
			path: '/origins/event',
			query: {},
			authorization: bearer,
			body: { site_slug: 'my-store', data: { email: 'ann@example.com', event_category: 'newsletter_subscription', event_number: '42', subtotal: 0 } },
		});
		expect(json(result.items)[0].origin).toMatchObject({ type: 'Event', event_category: 'newsletter_subscription', event_number: '42' });
		expect(t.state().origins.has('newsletter_subscription:42')).toBe(true);
	});

	test('createAffiliateMember: only the person fields (no commerce fields are sent)', async () => {
		const result = await t.run({
			resource: 'origin',
			operation: 'createAffiliateMember',
			email: 'signup@example.com',
			additionalFields: { lastName: 'Lee', couponCodes: 'X1', campaignTags: 'signup' },
		});
		expect(result.error).toBeUndefined();
		expect(t.wire()).toMatchObject({
			method: 'POST',
			path: '/origins/affiliate_member',
			body: { site_slug: 'my-store', data: { email: 'signup@example.com', last_name: 'Lee', campaign_tags: 'signup' } },
		});
		expect(json(result.items)[0].origin).toMatchObject({ type: 'AffiliateMember', email: 'signup@example.com' });
	});

	test.each([
		['Purchase', { orderNumber: 'P-1', subtotal: 10 }, { order_number: 'P-1', subtotal: 10 }],
		['Event', { eventCategory: 'signup', eventNumber: '7', subtotal: 1 }, { event_category: 'signup', event_number: '7', subtotal: 1 }],
		['AffiliateMember', {}, {}],
	])('create (generic) type %s: POST /origins with type and the data that type needs', async (type, parameters, data) => {
		const result = await t.run({ resource: 'origin', operation: 'create', originType: type, email: 'g@example.com', ...parameters });
		expect(result.error).toBeUndefined();
		expect(t.wire()).toMatchObject({ method: 'POST', path: '/origins', body: { site_slug: 'my-store', type, data: { email: 'g@example.com', ...data } } });
		expect(t.requests()[0].body).toEqual({ site_slug: 'my-store', type, data: { email: 'g@example.com', ...data } });
		expect(json(result.items)[0].origin).toMatchObject({ type });
	});

	test.each([
		[purchase({ email: 'not-an-email' }), 'Email: "not-an-email" is not a valid email address [item 0]'],
		[purchase({ orderNumber: ' ' }), 'Order Number: a value is required but this item has none [item 0]'],
		[purchase({ subtotal: '12,5x' }), 'Subtotal: "12,5x" is not a number [item 0]'],
		[purchase({ orderItems: { item: [{ productId: '', price: 1, quantity: 1 }] } }), 'Items (item 1): the product ID is empty [item 0]'],
		[purchase({ customProperties: { property: [{ name: '', value: 'x' }] } }), 'Custom Properties: entry 1 has no name [item 0]'],
		[{ resource: 'origin', operation: 'createEvent', email: 'a@example.com', eventCategory: 'x', eventNumber: ' ', subtotal: 1 }, 'Event Number: a value is required but this item has none [item 0]'],
	])('input errors are refused before sending: %j', async (parameters, message) => {
		const result = await t.run(parameters);
		expect(result.error?.message).toBe(message);
		expect(t.requests()).toHaveLength(0);
	});

	test('a validation error from Talkable (400 error_message) reaches the user', async () => {
		const result = await t.run(purchase({ additionalFields: { createdAt: 'yesterday-ish' } }));
		expect(result.error?.message).toBe('Created At: "yesterday-ish" is not a date and time (e.g. 2024-05-01T09:30:00Z) [item 0]');
		const direct = t.sandbox.vendor('talkable').handle({
			method: 'POST',
			path: '/origins/purchase',
			query: {},
			headers: { authorization: bearer },
			body: { site_slug: 'my-store', data: { email: 'a@example.com', order_number: '1', subtotal: 1, foo: 1 } },
		});
		expect(direct).toEqual({ status: 400, body: { ok: false, error_message: 'found unpermitted parameter: :foo' } });
	});
});

describe('Talkable origin: retry safety', () => {
	test('createPurchase (retry-safe) is retried after a 503 and a dropped connection', async () => {
		t.sandbox.fault('talkable', { status: 503, body: { ok: false, error_message: 'Maintenance' }, times: 1 });
		t.sandbox.fault('talkable', { reset: true, times: 1 });
		const result = await t.run({ ...purchase(), retry: fastRetry });
		expect(result.error).toBeUndefined();
		expect(t.requests()).toHaveLength(3);
		expect(new Set(t.requests().map((r) => r.rawBody)).size).toBe(1);
		expect(json(result.items)[0].origin).toMatchObject({ order_number: 'B00K2EOONI' });
	});

	const once = { createAffiliateMember: '/origins/affiliate_member', create: '/origins' };
	test.each(Object.entries(once))('%s is never re-sent after a 500 or a reset', async (operation, path) => {
		const parameters = { resource: 'origin', operation, originType: 'AffiliateMember', email: 'x@example.com', retry: fastRetry };
		t.sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: 'Internal error' }, times: 1 });
		const first = await t.run(parameters);
		expect(t.requests()).toHaveLength(1);
		expect(t.requests()[0].path).toBe(path);
		expect(first.error?.httpCode).toBe('500');
		expect(first.error?.description).toMatch(/^Not retried: .*may already have been applied/);

		t.sandbox.reset();
		t.sandbox.fault('talkable', { reset: true, times: 1 });
		const second = await t.run(parameters);
		expect(t.requests()).toHaveLength(1);
		expect(second.error?.message).toBe('Talkable could not be reached: the connection was reset');
		expect(t.state().origins.size).toBe(0);
	});
});

describe('Talkable origin: batches', () => {
	const rows = [
		{ email: 'a@example.com', order: 'O-1', subtotal: 10 },
		{ email: 'b@example.com', order: 'O-2', subtotal: 20.5 },
		{ email: 'c@example.com', order: 'O-3', subtotal: 30 },
		{ email: 'd@example.com', order: 'O-4', subtotal: 40 },
		{ email: 'e@example.com', order: 'O-5', subtotal: 50 },
	];
	const batchParameters = {
		resource: 'origin',
		operation: 'createPurchaseBatch',
		email: '={{ $json.email }}',
		orderNumber: '={{ $json.order }}',
		subtotal: '={{ $json.subtotal }}',
		createOffers: true,
	};

	test('createPurchaseBatch: N items → one request with N records, N paired outputs', async () => {
		const result = await t.run(batchParameters, { items: rows });
		expect(result.error).toBeUndefined();
		expect(t.requests()).toHaveLength(1);
		expect(t.wire()).toEqual({
			method: 'POST',
			path: '/origins/batch/purchases',
			query: {},
			authorization: bearer,
			body: {
				site_slug: 'my-store',
				create_offers: true,
				data: rows.map((row) => ({ email: row.email, order_number: row.order, subtotal: row.subtotal })),
			},
		});
		expect(json(result.items)).toEqual(rows.map((row) => ({ success: true, email: row.email, order_number: row.order })));
		expect(paired(result.items)).toEqual(rows.map((_, index) => ({ item: index })));
		expect(t.state().batches).toEqual([expect.objectContaining({ type: 'Purchase', size: 5, create_offers: true })]);
		expect(t.state().origins.size).toBe(5);
	});

	test('Continue On Fail: a bad item gets its own error item; the others are sent in one batch', async () => {
		const items = [rows[0], { ...rows[1], email: 'broken' }, rows[2]];
		const result = await t.run(batchParameters, { items, continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(t.requests()).toHaveLength(1);
		expect((t.requests()[0].body as { data: Array<{ email: string }> }).data.map((r) => r.email)).toEqual(['a@example.com', 'c@example.com']);
		expect(result.items).toHaveLength(3);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(json(result.items)[0]).toEqual({ success: true, email: 'a@example.com', order_number: 'O-1' });
		expect(json(result.items)[1].error).toBe('Email: "broken" is not a valid email address [item 1]');
		expect(json(result.items)[2]).toEqual({ success: true, email: 'c@example.com', order_number: 'O-3' });
	});

	test('createEventBatch and createAffiliateMemberBatch post their records under data', async () => {
		const events = await t.run(
			{ resource: 'origin', operation: 'createEventBatch', email: '={{ $json.email }}', eventCategory: 'signup', eventNumber: '={{ $json.n }}', subtotal: 0 },
			{ items: [{ email: 'a@example.com', n: '1' }, { email: 'b@example.com', n: '2' }] },
		);
		expect(events.error).toBeUndefined();
		expect(t.wire()).toMatchObject({
			method: 'POST',
			path: '/origins/batch/events',
			body: {
				site_slug: 'my-store',
				create_offers: false,
				data: [
					{ email: 'a@example.com', event_category: 'signup', event_number: '1', subtotal: 0 },
					{ email: 'b@example.com', event_category: 'signup', event_number: '2', subtotal: 0 },
				],
			},
		});
		expect(json(events.items)).toEqual([
			{ success: true, email: 'a@example.com', event_category: 'signup', event_number: '1' },
			{ success: true, email: 'b@example.com', event_category: 'signup', event_number: '2' },
		]);

		t.sandbox.clearRequests();
		const members = await t.run(
			{ resource: 'origin', operation: 'createAffiliateMemberBatch', email: '={{ $json.email }}' },
			{ items: [{ email: 'm1@example.com' }, { email: 'm2@example.com' }] },
		);
		expect(members.error).toBeUndefined();
		expect(t.wire()).toMatchObject({
			path: '/origins/batch/affiliate_members',
			body: { site_slug: 'my-store', create_offers: false, data: [{ email: 'm1@example.com' }, { email: 'm2@example.com' }] },
		});
		expect(paired(members.items)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('createAffiliateMemberBatch is never re-sent after a 500 or a reset; createPurchaseBatch is retried', async () => {
		const parameters = { resource: 'origin', operation: 'createAffiliateMemberBatch', email: '={{ $json.email }}', retry: fastRetry };
		const items = [{ email: 'm1@example.com' }, { email: 'm2@example.com' }];
		t.sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: 'Internal error' }, times: 1 });
		const first = await t.run(parameters, { items, continueOnFail: true });
		expect(t.requests()).toHaveLength(1);
		expect(json(first.items).map((item) => item.error)).toEqual(['Talkable error: Internal error', 'Talkable error: Internal error']);

		t.sandbox.reset();
		t.sandbox.fault('talkable', { reset: true, times: 1 });
		await t.run(parameters, { items, continueOnFail: true });
		expect(t.requests()).toHaveLength(1);
		expect(t.state().batches).toHaveLength(0);

		t.sandbox.reset();
		t.sandbox.fault('talkable', { status: 503, body: { ok: false, error_message: 'Maintenance' }, times: 1 });
		const retried = await t.run({ ...batchParameters, retry: fastRetry }, { items: rows.slice(0, 2) });
		expect(retried.error).toBeUndefined();
		expect(t.requests()).toHaveLength(2);
		expect(t.state().batches).toHaveLength(1);
	});
});

describe('Talkable referral and refund', () => {
	beforeEach(async () => {
		await t.run(purchase());
		t.sandbox.clearRequests();
	});

	test('referral updateStatus: PUT /origins/{slug}/referral; approving pays the advocate a coupon reward', async () => {
		const result = await t.run({ resource: 'referral', operation: 'updateStatus', originSlug: 'B00K2EOONI', status: 'approved' });
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'PUT',
			path: '/origins/B00K2EOONI/referral',
			query: {},
			authorization: bearer,
			body: { site_slug: 'my-store', data: { status: 'approved' } },
		});
		expect(json(result.items)).toEqual([
			expect.objectContaining({ status: 'approved', ad_rewarded: true, friend_person: expect.objectContaining({ email: 'new.friend@example.com' }) }),
		]);
		const rewards = await t.run({ resource: 'person', operation: 'getRewards', personSlug: 'customer@example.com', returnAll: true });
		const code = json(rewards.items)[0].coupon_code as string;
		const coupon = await t.run({ resource: 'coupon', operation: 'get', couponCode: code });
		expect(json(coupon.items)[0]).toMatchObject({ talkable_coupon: true, coupon: { code } });
	});

	test('approved → voided is refused by Talkable (400) and shown', async () => {
		await t.run({ resource: 'referral', operation: 'updateStatus', originSlug: 'B00K2EOONI', status: 'approved' });
		const result = await t.run({ resource: 'referral', operation: 'updateStatus', originSlug: 'B00K2EOONI', status: 'voided' });
		expect(result.error?.message).toBe('Talkable error: Referral cannot be moved from approved to voided');
		expect(result.error?.httpCode).toBe('400');
	});

	test('event origin slugs (category:number) and odd characters are URL-encoded as one segment', async () => {
		const result = await t.run({ resource: 'referral', operation: 'updateStatus', originSlug: 'news/letter:4 2', status: 'flagged' });
		expect(t.requests()[0].path).toBe('/origins/news%2Fletter%3A4%202/referral');
		expect(result.error?.message).toBe('Talkable error: No origin found by `origin_slug`.');
	});

	test('refund create: POST /origins/{slug}/refund, partial with a subtotal; a repeat is a 400', async () => {
		const result = await t.run({
			resource: 'refund',
			operation: 'create',
			originSlug: 'B00K2EOONI',
			additionalFields: { refundSubtotal: 25.11, refundedAt: '2026-07-08T09:00:00Z' },
		});
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'POST',
			path: '/origins/B00K2EOONI/refund',
			query: {},
			authorization: bearer,
			body: { site_slug: 'my-store', data: { refunded_at: '2026-07-08T09:00:00Z', refund_subtotal: 25.11 } },
		});
		expect(json(result.items)).toEqual([
			expect.objectContaining({ order_number: 'B00K2EOONI', partially_refunded: true, refund_subtotal: 25.11, refunded_at: '2026-07-08T09:00:00Z' }),
		]);
		const again = await t.run({ resource: 'refund', operation: 'create', originSlug: 'B00K2EOONI' });
		expect(t.requests()[1].body).toEqual({ site_slug: 'my-store' });
		expect(again.error?.message).toBe('Talkable error: Origin has already been refunded');
		expect(again.error?.httpCode).toBe('400');
	});

	test('refund (retry-safe) is retried after a 503; no secret is visible', async () => {
		t.sandbox.fault('talkable', { status: 503, body: { ok: false, error_message: 'Maintenance' }, times: 1 });
		const result = await t.run({ resource: 'refund', operation: 'create', originSlug: 'B00K2EOONI', retry: fastRetry });
		expect(result.error).toBeUndefined();
		expect(t.requests()).toHaveLength(2);
		expect(json(result.items)[0]).toMatchObject({ partially_refunded: false, refund_subtotal: 100.44 });
		expect(everythingVisible(result)).not.toContain('sandbox-talkable-key');
	});
});
