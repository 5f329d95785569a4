import { everythingVisible, json, paired } from '../support/helpers';
import { bearer, fastRetry, talkableSuite } from './common';

const t = talkableSuite();

describe('Talkable coupon', () => {
	test('get: GET /coupons/{code}; outputs talkable_coupon, coupon and associated_reward', async () => {
		const result = await t.run({ resource: 'coupon', operation: 'get', couponCode: 'COUPON_CODE_1' });
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({ method: 'GET', path: '/coupons/COUPON_CODE_1', query: { site_slug: 'my-store' }, body: undefined, authorization: bearer });
		expect(json(result.items)).toEqual([
			{ talkable_coupon: true, coupon: expect.objectContaining({ code: 'COUPON_CODE_1', percentage_discount: true }), associated_reward: null },
		]);
	});

	test('checkPermission: a coupon that is not allowed is data, not an error', async () => {
		const result = await t.run({ resource: 'coupon', operation: 'checkPermission', couponCode: 'COUPON_CODE_7', personSlug: 'customer@example.com' });
		expect(result.error).toBeUndefined();
		expect(t.wire()).toMatchObject({ method: 'GET', path: '/coupons/COUPON_CODE_7/permission/customer%40example.com', query: { site_slug: 'my-store' } });
		expect(json(result.items)).toEqual([
			expect.objectContaining({
				allowed: false,
				error_message: 'This coupon code has not been issued yet',
				checks: { coupon_unissued: true, coupon_expired: false, friend_offer_expired: false, different_owner: false, coupon_used: false },
			}),
		]);
		const allowed = await t.run({ resource: 'coupon', operation: 'checkPermission', couponCode: 'COUPON_CODE_1', personSlug: 'customer@example.com' });
		expect(json(allowed.items)[0]).toMatchObject({ allowed: true, error_message: null });
	});

	test('an unknown coupon: Talkable’s 400 message', async () => {
		const result = await t.run({ resource: 'coupon', operation: 'get', couponCode: 'NOPE/1' });
		expect(t.requests()[0].path).toBe('/coupons/NOPE%2F1');
		expect(result.error?.message).toBe('Talkable error: No coupon found by `code`.');
		expect(result.error?.httpCode).toBe('400');
	});
});

describe('Talkable offer and share', () => {
	test('offer get: GET /offers/{code} with sharing_channels[] repeated; outputs the offer with claim links', async () => {
		const result = await t.run({ resource: 'offer', operation: 'get', shortUrlCode: 'mwCn1l', additionalFields: { sharingChannels: 'facebook, custom' } });
		expect(result.error).toBeUndefined();
		expect(t.requests()[0].method).toBe('GET');
		expect(t.requests()[0].path).toBe('/offers/mwCn1l');
		expect(t.requests()[0].query).toEqual({ site_slug: 'my-store', 'sharing_channels[]': ['facebook', 'custom'] });
		expect(json(result.items)).toEqual([
			expect.objectContaining({
				short_url_code: 'mwCn1l',
				email: 'customer@example.com',
				claim_links: { facebook: expect.any(String), custom: expect.any(String) },
			}),
		]);
		const plain = await t.run({ resource: 'offer', operation: 'get', shortUrlCode: 'mwCn1l' });
		expect(t.requests()[1].query).toEqual({ site_slug: 'my-store' });
		expect(json(plain.items)[0].claim_links).toBeUndefined();
	});

	test('offer get: email is not a claim-link channel (400 from Talkable)', async () => {
		const result = await t.run({ resource: 'offer', operation: 'get', shortUrlCode: 'mwCn1l', additionalFields: { sharingChannels: 'email' } });
		expect(result.error?.message).toBe('Talkable error: Wrong sharing channel: email');
	});

	test('getClaimUrlStatus: GET …/claim_url_status?claim_url → {active}', async () => {
		const claimUrl = 'https://share.my-store.com/x/cmwCn1l';
		const result = await t.run({ resource: 'offer', operation: 'getClaimUrlStatus', shortUrlCode: 'mwCn1l', claimUrl });
		expect(t.wire()).toMatchObject({ method: 'GET', path: '/offers/mwCn1l/claim_url_status', query: { site_slug: 'my-store', claim_url: claimUrl } });
		expect(json(result.items)).toEqual([{ active: true }]);
		const other = await t.run({ resource: 'offer', operation: 'getClaimUrlStatus', shortUrlCode: 'mwCn1l', claimUrl: 'https://elsewhere.example/x' });
		expect(json(other.items)).toEqual([{ active: false }]);
	});

	test('share createEmail: POST …/shares/email with recipients, subject, body, flags and site_slug in the body', async () => {
		const result = await t.run({
			resource: 'share',
			operation: 'createEmail',
			shortUrlCode: 'mwCn1l',
			recipients: 'friend1@example.com,\nfriend2@example.com',
			additionalFields: { subject: 'A gift', body: 'Try this', reminder: false, validationOnly: false },
		});
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'POST',
			path: '/offers/mwCn1l/shares/email',
			query: {},
			authorization: bearer,
			body: {
				site_slug: 'my-store',
				recipients: 'friend1@example.com,friend2@example.com',
				subject: 'A gift',
				body: 'Try this',
				reminder: false,
				validation_only: false,
			},
		});
		const [item] = json(result.items);
		expect(item.stats).toMatchObject({ currently_sent: 2, left_emails: 23 });
		expect(item.recipients).toMatchObject({ 'friend1@example.com': expect.objectContaining({ currently_sent: true }) });
	});

	test('share createEmail: Validation Only is a dry run; a bad recipient is an input error', async () => {
		const dry = await t.run({ resource: 'share', operation: 'createEmail', shortUrlCode: 'mwCn1l', recipients: 'f@example.com', additionalFields: { validationOnly: true } });
		expect(json(dry.items)[0]).toMatchObject({ validation_only: true, stats: expect.objectContaining({ currently_sent: 0, left_emails: 25 }) });
		const bad = await t.run({ resource: 'share', operation: 'createEmail', shortUrlCode: 'mwCn1l', recipients: 'f@example.com, nope' });
		expect(bad.error?.message).toBe('Recipients: "nope" is not a valid email address [item 0]');
		expect(t.requests()).toHaveLength(1);
	});

	test('share createSocial: POST …/shares/social {channel}; outputs share and reward', async () => {
		const result = await t.run({ resource: 'share', operation: 'createSocial', shortUrlCode: 'mwCn1l', channel: 'whatsapp' });
		expect(t.wire()).toEqual({
			method: 'POST',
			path: '/offers/mwCn1l/shares/social',
			query: {},
			authorization: bearer,
			body: { site_slug: 'my-store', channel: 'whatsapp' },
		});
		expect(json(result.items)).toEqual([{ share: expect.objectContaining({ channel_identifier: 'whatsapp', type: 'SocialOfferShare' }), reward: null }]);
	});

	test.each([
		['createEmail', { recipients: 'f@example.com' }],
		['createSocial', { channel: 'facebook' }],
	])('share %s is never re-sent after a 500 or a reset', async (operation, extra) => {
		const parameters = { resource: 'share', operation, shortUrlCode: 'mwCn1l', retry: fastRetry, ...extra };
		t.sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: 'Internal error' }, times: 1 });
		const first = await t.run(parameters);
		expect(t.requests()).toHaveLength(1);
		expect(first.error?.description).toMatch(/^Not retried/);
		t.sandbox.reset();
		t.sandbox.fault('talkable', { reset: true, times: 1 });
		const second = await t.run(parameters);
		expect(t.requests()).toHaveLength(1);
		expect(second.error?.message).toBe('Talkable could not be reached: the connection was reset');
	});
});

describe('Talkable offer claim, visitor offer, visitor', () => {
	test('offerClaim create: POST /offer_claims with everything in the query; the friend reward is output', async () => {
		const result = await t.run({ resource: 'offerClaim', operation: 'create', advocateEmail: 'customer@example.com', friendEmail: 'pal@example.com' });
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'POST',
			path: '/offer_claims',
			query: { site_slug: 'my-store', advocate_email: 'customer@example.com', friend_email: 'pal@example.com' },
			body: undefined,
			authorization: bearer,
		});
		expect(json(result.items)[0]).toMatchObject({ friend_reward: { coupon_code: expect.stringMatching(/^COUPON_CODE_/) }, friend_unredeem_reason: null });
	});

	test('offerClaim create: SELF_REFERRAL is data, not an error', async () => {
		const result = await t.run({ resource: 'offerClaim', operation: 'create', advocateEmail: 'customer@example.com', friendEmail: 'customer@example.com' });
		expect(result.error).toBeUndefined();
		expect(json(result.items)).toEqual([{ friend_reward: null, friend_unredeem_reason: 'SELF_REFERRAL', friend_human_unredeem_reason: 'Self Referral' }]);
	});

	test('offerClaim create is never re-sent after a 500 or a reset', async () => {
		const parameters = { resource: 'offerClaim', operation: 'create', advocateEmail: 'customer@example.com', friendEmail: 'pal@example.com', retry: fastRetry };
		t.sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: 'Internal error' }, times: 1 });
		await t.run(parameters);
		expect(t.requests()).toHaveLength(1);
		t.sandbox.reset();
		t.sandbox.fault('talkable', { reset: true, times: 1 });
		await t.run(parameters);
		expect(t.requests()).toHaveLength(1);
		expect(t.state().claims.has('pal@example.com')).toBe(false);
	});

	test('visitorOffer trackVisit: PUT /visitor_offers/{id}/track_visit?site_slug; a bare {ok:true} outputs {success:true}', async () => {
		const result = await t.run({ resource: 'visitorOffer', operation: 'trackVisit', visitorOfferId: '42' });
		expect(result.error).toBeUndefined();
		expect(t.wire()).toMatchObject({ method: 'PUT', path: '/visitor_offers/42/track_visit', query: { site_slug: 'my-store' }, authorization: bearer });
		expect(json(result.items)).toEqual([{ success: true }]);
		expect(t.state().visitorOffers.get(42).visited_at).toEqual(expect.any(String));
		const bad = await t.run({ resource: 'visitorOffer', operation: 'trackVisit', visitorOfferId: '4x' });
		expect(bad.error?.message).toBe('Visitor Offer ID: "4x" is not a numeric ID [item 0]');
	});

	test('visitor create: POST /visitors {data.uuid} → {uuid}; retried after a 503', async () => {
		t.sandbox.fault('talkable', { status: 503, body: { ok: false, error_message: 'Maintenance' }, times: 1 });
		const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
		const result = await t.run({ resource: 'visitor', operation: 'create', visitorUuid: uuid, retry: fastRetry });
		expect(result.error).toBeUndefined();
		expect(t.requests()).toHaveLength(2);
		expect(t.wire(1)).toEqual({ method: 'POST', path: '/visitors', query: {}, authorization: bearer, body: { site_slug: 'my-store', data: { uuid } } });
		expect(json(result.items)).toEqual([{ uuid }]);
	});
});

describe('Talkable lists: campaign, reward, traffic source, referrals as friend', () => {
	test('campaign getAll: one item per campaign; Limit applies', async () => {
		const all = await t.run({ resource: 'campaign', operation: 'getAll', returnAll: true });
		expect(t.wire()).toEqual({ method: 'GET', path: '/campaigns', query: { site_slug: 'my-store' }, body: undefined, authorization: bearer });
		expect(json(all.items).map((c) => c.id)).toEqual([145, 143]);
		const one = await t.run({ resource: 'campaign', operation: 'getAll', limit: 1 });
		expect(json(one.items).map((c) => c.id)).toEqual([145]);
	});

	test('reward getAll: GET /rewards?visitor_uuid → rewards[]', async () => {
		const result = await t.run({ resource: 'reward', operation: 'getAll', visitorUuid: '123e4567-e89b-32d1-a456-426614174000', returnAll: true });
		expect(t.wire()).toMatchObject({ method: 'GET', path: '/rewards', query: { site_slug: 'my-store', visitor_uuid: '123e4567-e89b-32d1-a456-426614174000' } });
		expect(json(result.items)).toEqual([expect.objectContaining({ id: 1, incentive_type: 'rebate' })]);
	});

	test('trafficSource getAll: the bare result array, one item per source', async () => {
		const result = await t.run({ resource: 'trafficSource', operation: 'getAll', returnAll: true });
		expect(t.wire()).toMatchObject({ method: 'GET', path: '/traffic_sources', query: { site_slug: 'my-store' } });
		expect(json(result.items)).toEqual([{ identifier: 'in-store' }, { identifier: 'newsletter' }, { identifier: 'post-purchase' }]);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	test('person getReferralsAsFriend: GET /people/{slug}/referrals_as_friend → referrals[]', async () => {
		const result = await t.run({ resource: 'person', operation: 'getReferralsAsFriend', personSlug: 'friend@example.com', returnAll: true });
		expect(t.wire()).toMatchObject({ method: 'GET', path: '/people/friend%40example.com/referrals_as_friend', query: { site_slug: 'my-store' } });
		expect(json(result.items)).toEqual([expect.objectContaining({ id: 4, advocate_person: expect.objectContaining({ email: 'customer@example.com' }) })]);
	});
});

describe('Talkable secrets on the new operations', () => {
	test('an error echoing the API key (write not retried, read retried) is redacted everywhere', async () => {
		t.sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: `echo ${bearer}` }, times: 1 });
		t.sandbox.fault('talkable', { status: 503, body: { ok: false, error_message: `key sandbox-talkable-key` } });
		const write = await t.run(
			{ resource: 'share', operation: 'createSocial', shortUrlCode: 'mwCn1l', channel: 'sms', retry: { ...fastRetry, maxRetries: 1 } },
			{ continueOnFail: true },
		);
		const read = await t.run({ resource: 'coupon', operation: 'get', couponCode: 'COUPON_CODE_1', retry: { ...fastRetry, maxRetries: 1 } }, { continueOnFail: true });
		expect(t.requests()).toHaveLength(3);
		expect(json(write.items)[0].error).toBe('Talkable error: echo Bearer [redacted]');
		expect(json(read.items)[0].error).toBe('Talkable error: key [redacted]');
		for (const result of [write, read]) expect(everythingVisible(result)).not.toContain('sandbox-talkable-key');
	});
});
