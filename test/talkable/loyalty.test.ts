import { json, paired } from '../support/helpers';
import { bearer, fastRetry, talkableSuite } from './common';

const t = talkableSuite();
const member = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'loyaltyMember',
	operation,
	memberEmail: 'member@example.com',
	...extra,
});

describe('Talkable loyalty member', () => {
	test('get: GET /loyalty/members/{email} → loyalty_member', async () => {
		const result = await t.run(member('get'));
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'GET',
			path: '/loyalty/members/member%40example.com',
			query: { site_slug: 'my-store' },
			body: undefined,
			authorization: bearer,
		});
		expect(json(result.items)).toEqual([{ custom_properties: {}, email: 'member@example.com', phone_number: null, points_balance: 100, member_dates: [] }]);
	});

	test('get: "Loyalty member not found" / "not active" are 400 errors with the message', async () => {
		const missing = await t.run(member('get', { memberEmail: 'ghost@example.com' }));
		expect(missing.error?.message).toBe('Talkable error: Loyalty member not found');
		expect(missing.error?.httpCode).toBe('400');
		const inactive = await t.run(member('get', { memberEmail: 'inactive@example.com' }));
		expect(inactive.error?.message).toBe('Talkable error: Loyalty member is not active');
	});

	test('update: PUT with custom_properties and member_dates (YYYY-MM-DD); values come back as strings', async () => {
		const result = await t.run(
			member('update', {
				customProperties: { property: [{ name: 'tier', value: 'gold' }, { name: 'vip', value: '={{ false }}' }] },
				memberDates: { date: [{ identifier: 'birthday', date: '2004-01-01T00:00:00' }] },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'PUT',
			path: '/loyalty/members/member%40example.com',
			query: {},
			authorization: bearer,
			body: {
				site_slug: 'my-store',
				data: { custom_properties: { tier: 'gold', vip: false }, member_dates: [{ identifier: 'birthday', date: '2004-01-01' }] },
			},
		});
		expect(json(result.items)).toEqual([
			expect.objectContaining({ custom_properties: { tier: 'gold', vip: 'f' }, member_dates: [{ date: '2004-01-01', identifier: 'birthday' }] }),
		]);
	});

	test('update: an identifier Talkable refuses is a 422 with its message; nothing to update is an input error', async () => {
		const bad = await t.run(member('update', { memberDates: { date: [{ identifier: '1st', date: '2004-01-01' }] } }));
		expect(bad.error?.message).toMatch(/^Talkable error: Validation failed: Identifier can contain lowercase letters/);
		expect(bad.error?.httpCode).toBe('422');
		const empty = await t.run(member('update'));
		expect(empty.error?.message).toBe('Custom Properties: add at least one custom property or member date [item 0]');
		expect(t.requests()).toHaveLength(1);
	});

	test('collectPoints: POST …/collect_actions {type, traffic_source}; the balance moves once', async () => {
		const result = await t.run(member('collectPoints', { actionType: 'newsletter_signup', additionalFields: { trafficSource: 'in-store' } }));
		expect(t.wire()).toEqual({
			method: 'POST',
			path: '/loyalty/members/member%40example.com/collect_actions',
			query: {},
			authorization: bearer,
			body: { site_slug: 'my-store', data: { type: 'newsletter_signup', traffic_source: 'in-store' } },
		});
		expect(json(result.items)).toEqual([{ collected: true, loyalty_member: expect.objectContaining({ points_balance: 120 }) }]);
		const again = await t.run(member('collectPoints', { actionType: 'newsletter_signup' }));
		expect(json(again.items)[0]).toMatchObject({ collected: false, loyalty_member: { points_balance: 120 } });
		const unknown = await t.run(member('collectPoints', { actionType: 'random' }));
		expect(unknown.error?.message).toBe('Talkable error: No action configurations found for identifier `random`');
		const actions = await t.run(member('getCollectActions', { returnAll: true }));
		expect(t.requests()[3]).toMatchObject({ method: 'GET', path: '/loyalty/members/member%40example.com/collect_actions' });
		expect(json(actions.items)).toEqual([expect.objectContaining({ type: 'newsletter_signup', points: 20 })]);
	});

	test('adjustPoints: POST …/manual_adjustment_actions {points, description}; out of range is a 422', async () => {
		const result = await t.run(member('adjustPoints', { points: -30, additionalFields: { description: 'Goodwill' } }));
		expect(t.wire()).toMatchObject({
			method: 'POST',
			path: '/loyalty/members/member%40example.com/manual_adjustment_actions',
			body: { site_slug: 'my-store', data: { points: -30, description: 'Goodwill' } },
		});
		expect(json(result.items)[0]).toMatchObject({ action: { type: 'manual_adjustment', points: -30 }, loyalty_member: { points_balance: 70 } });
		const tooMuch = await t.run(member('adjustPoints', { points: -500 }));
		expect(tooMuch.error?.message).toBe(
			'Talkable error: Validation failed: Points adjustment must result in member points balance between 0 and available points limit',
		);
		expect(tooMuch.error?.httpCode).toBe('422');
		const list = await t.run(member('getAdjustmentActions', { returnAll: true }));
		expect(t.requests()[2].path).toBe('/loyalty/members/member%40example.com/manual_adjustment_actions');
		expect(json(list.items)).toEqual([expect.objectContaining({ points: -30, description: 'Goodwill' })]);
	});

	test('redeemPoints: POST …/redeem_actions {redemption_batch_id}; a coupon is issued; not enough points is a 400', async () => {
		const options = await t.run(member('getRedemptionBatches', { returnAll: true }));
		expect(t.wire()).toMatchObject({ method: 'GET', path: '/loyalty/members/member%40example.com/redemption_batches' });
		expect(json(options.items).map((o) => o.id)).toEqual([7, 8]);
		const result = await t.run(member('redeemPoints', { redemptionBatchId: 7 }));
		expect(t.wire(1)).toMatchObject({ method: 'POST', path: '/loyalty/members/member%40example.com/redeem_actions', body: { site_slug: 'my-store', data: { redemption_batch_id: 7 } } });
		const [item] = json(result.items) as Array<{ action: { coupon: { code: string } }; loyalty_member: { points_balance: number } }>;
		expect(item.loyalty_member.points_balance).toBe(50);
		expect(t.state().coupons.has(item.action.coupon.code)).toBe(true);
		const broke = await t.run(member('redeemPoints', { redemptionBatchId: 8 }));
		expect(broke.error?.message).toBe('Talkable error: not enough points');
		expect(broke.error?.httpCode).toBe('400');
		const text = await t.run(member('redeemPoints', { redemptionBatchId: '={{ "seven" }}' }));
		expect(text.error?.message).toBe('Redemption Option: "seven" is not a numeric ID [item 0]');
		const redeemed = await t.run(member('getRedeemActions', { returnAll: true }));
		expect(json(redeemed.items)).toEqual([expect.objectContaining({ type: 'redeem', points: -50 })]);
	});

	test.each([
		['collectPoints', { actionType: 'store_visit' }, '/collect_actions'],
		['adjustPoints', { points: 5 }, '/manual_adjustment_actions'],
		['redeemPoints', { redemptionBatchId: 7 }, '/redeem_actions'],
	])('%s is never re-sent after a 500 or a reset; the balance is unchanged', async (operation, extra, suffix) => {
		t.sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: 'Internal error' }, times: 1 });
		const first = await t.run(member(operation, { ...extra, retry: fastRetry }));
		expect(t.requests()).toHaveLength(1);
		expect(t.requests()[0].path).toBe(`/loyalty/members/member%40example.com${suffix}`);
		expect(first.error?.description).toMatch(/^Not retried/);
		t.sandbox.reset();
		t.sandbox.fault('talkable', { reset: true, times: 1 });
		await t.run(member(operation, { ...extra, retry: fastRetry }));
		expect(t.requests()).toHaveLength(1);
		expect(t.state().loyalty.get('member@example.com').points_balance).toBe(100);
	});

	test('Continue On Fail over several members: one paired item each', async () => {
		const result = await t.run(member('get', { memberEmail: '={{ $json.email }}' }), {
			continueOnFail: true,
			items: [{ email: 'member@example.com' }, { email: 'ghost@example.com' }, { email: '' }],
		});
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(json(result.items)[0].email).toBe('member@example.com');
		expect(json(result.items)[1].error).toBe('Talkable error: Loyalty member not found');
		expect(json(result.items)[2].error).toBe('Member Email: a value is required but this item has none [item 2]');
		expect(t.requests()).toHaveLength(2);
	});
});

describe('Talkable metric', () => {
	beforeEach(async () => {
		for (const [order, day] of [['M-1', '2026-06-03T10:00:00Z'], ['M-2', '2026-07-04T10:00:00Z']]) {
			await t.run({ resource: 'origin', operation: 'createPurchase', email: 'm@example.com', orderNumber: order, subtotal: 5, additionalFields: { createdAt: day } });
		}
		t.sandbox.clearRequests();
	});

	test('get: GET /metrics/{metric} with YYYY-MM-DD dates and repeated name[] filters', async () => {
		const result = await t.run({
			resource: 'metric',
			operation: 'get',
			metricName: 'purchases_count',
			startDate: '2026-06-01T00:00:00',
			endDate: '2026-07-31T00:00:00',
			filters: { campaignIds: [145, 143], campaignTags: 'default, post-purchase', liveCampaignsOnly: false, precision: 2, campaignStatus: 'Live' },
		});
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'GET',
			path: '/metrics/purchases_count',
			query: {
				site_slug: 'my-store',
				start_date: '2026-06-01',
				end_date: '2026-07-31',
				'campaign_ids[]': ['145', '143'],
				'campaign_tags[]': ['default', 'post-purchase'],
				campaign_status: 'Live',
				live_campaigns_only: 'false',
				precision: '2',
			},
			body: undefined,
			authorization: bearer,
		});
		expect(json(result.items)).toEqual([{ plain: 2, formatted: '2', result_type: 'number' }]);
	});

	test('get: an unknown metric is Talkable’s 400 "No metric found."; end before start is an input error', async () => {
		const unknown = await t.run({ resource: 'metric', operation: 'get', metricName: 'nope', startDate: '2026-06-01', endDate: '2026-06-02' });
		expect(unknown.error?.message).toBe('Talkable error: No metric found.');
		const reversed = await t.run({ resource: 'metric', operation: 'get', metricName: 'nope', startDate: '2026-06-05', endDate: '2026-06-02' });
		expect(reversed.error?.message).toBe('End Date: 2026-06-02 is before the start date 2026-06-05 [item 0]');
		expect(t.requests()).toHaveLength(1);
	});

	test('getSegmented: GET …/segmentize with segment_by[…]; one item per segment', async () => {
		const result = await t.run({
			resource: 'metric',
			operation: 'getSegmented',
			metricName: 'purchases_count',
			startDate: '2026-06-01',
			endDate: '2026-07-31',
			segmentBy: { period: 'month', campaignTags: 'default', sharingChannels: true },
		});
		expect(result.error).toBeUndefined();
		expect(t.wire()).toMatchObject({
			method: 'GET',
			path: '/metrics/purchases_count/segmentize',
			query: {
				site_slug: 'my-store',
				start_date: '2026-06-01',
				end_date: '2026-07-31',
				'segment_by[period]': 'month',
				'segment_by[campaign_tags][]': 'default',
				'segment_by[sharing_channels]': 'true',
			},
		});
		expect(json(result.items)).toEqual([
			{ plain: 1, formatted: '1', result_type: 'number', period: '2026-06' },
			{ plain: 1, formatted: '1', result_type: 'number', period: '2026-07' },
		]);
	});
});
