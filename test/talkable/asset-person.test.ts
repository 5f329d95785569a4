import type { IExecuteSingleFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { binaryFileBody, multipartBody } from '../../nodes/Talkable/lib/multipart';
import { Talkable } from '../../nodes/Talkable/Talkable.node';
import { json, paired } from '../support/helpers';
import { bearer, fastRetry, talkableSuite } from './common';

const t = talkableSuite();

describe('Talkable asset', () => {
	beforeEach(() => {
		const assets = t.state().assets as Array<Record<string, unknown>>;
		for (let id = 4; id <= 205; id++) {
			assets.unshift({ id, name: `banner-${id}.png`, content_type: id % 2 ? 'image/png' : 'text/css' });
		}
	});

	test('getAll + Return All: pages from 1 with per_page 100 until a short page', async () => {
		const result = await t.run({ resource: 'asset', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(t.requests().map((r) => r.query)).toEqual([
			{ site_slug: 'my-store', page: '1', per_page: '100' },
			{ site_slug: 'my-store', page: '2', per_page: '100' },
			{ site_slug: 'my-store', page: '3', per_page: '100' },
		]);
		expect(t.wire()).toMatchObject({ method: 'GET', path: '/assets', authorization: bearer });
		expect(result.items).toHaveLength(205);
		expect(json(result.items)[0].id).toBe(205);
		expect(json(result.items)[204].id).toBe(1);
	});

	test('getAll with a content type filter and a Limit asks for only what it needs', async () => {
		const result = await t.run({ resource: 'asset', operation: 'getAll', limit: 3, filters: { contentType: 'image' } });
		expect(t.requests().map((r) => r.query)).toEqual([{ site_slug: 'my-store', content_type: 'image', page: '1', per_page: '3' }]);
		expect(json(result.items).map((a) => a.content_type)).toEqual(['image/png', 'image/png', 'image/png']);
	});

	test('get: GET /assets/{id} → asset; an unknown ID is Talkable’s 400; a non-numeric ID is an input error', async () => {
		const result = await t.run({ resource: 'asset', operation: 'get', assetId: { __rl: true, mode: 'list', value: '2' } });
		expect(t.wire()).toEqual({ method: 'GET', path: '/assets/2', query: { site_slug: 'my-store' }, body: undefined, authorization: bearer });
		expect(json(result.items)).toEqual([expect.objectContaining({ id: 2, name: 'closebutton.png' })]);
		const missing = await t.run({ resource: 'asset', operation: 'get', assetId: { __rl: true, mode: 'id', value: '999' } });
		expect(missing.error?.message).toBe('Talkable error: No asset found by `id`.');
		const bad = await t.run({ resource: 'asset', operation: 'get', assetId: { __rl: true, mode: 'id', value: '../2' } });
		expect(bad.error?.message).toBe('Asset: "../2" is not a numeric ID [item 0]');
		expect(t.requests()).toHaveLength(2);
	});

	test('upload: an item without the binary field is an input error naming the field (nothing is sent)', async () => {
		const result = await t.run({ resource: 'asset', operation: 'upload', binaryPropertyName: 'file' }, { continueOnFail: true, items: [{ a: 1 }, { b: 2 }] });
		expect(json(result.items)).toEqual([
			{
				error: 'Input Binary Field: this item has no binary field "file" [item 0]',
				description: 'Fix the "Input Binary Field" parameter of item 0 and run again. Nothing was sent for this item.',
			},
			{
				error: 'Input Binary Field: this item has no binary field "file" [item 1]',
				description: 'Fix the "Input Binary Field" parameter of item 1 and run again. Nothing was sent for this item.',
			},
		]);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(t.requests()).toHaveLength(0);
	});

	test('upload preSend: a Buffer multipart body with part "file", its own Content-Type, json off', async () => {
		const data = Buffer.from('body { color: red }\n');
		const ctx = {
			getNodeParameter: (name: string, fallback: unknown) => ({ binaryPropertyName: 'data', fileName: '' })[name] ?? fallback,
			getInputData: () => ({ json: {}, binary: { data: { data: data.toString('base64'), mimeType: 'text/css', fileName: 'theme.css' } } }),
			helpers: { getBinaryDataBuffer: async () => data },
			getNode: () => ({ name: 'Talkable' }),
			getItemIndex: () => 0,
		} as unknown as IExecuteSingleFunctions;
		const options = (await binaryFileBody.call(ctx, { url: '/assets', method: 'POST' } as IHttpRequestOptions)) as IHttpRequestOptions;
		expect(options.json).toBe(false);
		const contentType = (options.headers as Record<string, string>)['Content-Type'];
		const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)![1];
		expect(Buffer.isBuffer(options.body)).toBe(true);
		expect((options.body as Buffer).toString('utf8')).toBe(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="theme.css"\r\nContent-Type: text/css\r\n\r\nbody { color: red }\n\r\n--${boundary}--\r\n`,
		);
	});

	test('the sandbox reads that multipart body: 201 asset, then 422 "File name has already been taken"', async () => {
		const { body, contentType } = multipartBody('file', { name: 'promo "big".txt', contentType: 'text/plain', data: Buffer.from('hello') });
		const send = async () =>
			await fetch(`${t.sandbox.url('talkable')}/assets?site_slug=my-store`, {
				method: 'POST',
				headers: { authorization: bearer, 'content-type': contentType },
				body,
			});
		const first = await send();
		expect(first.status).toBe(201);
		expect(await first.json()).toEqual({ ok: true, result: { asset: expect.objectContaining({ name: 'promo "big".txt', content_type: 'text/plain', size: 5 }) } });
		const second = await send();
		expect(second.status).toBe(422);
		expect(await second.json()).toEqual({ ok: false, error_message: 'Validation failed: File name has already been taken' });
	});
});

describe('Talkable person (current API)', () => {
	test('upsert sends the OpenAPI data keys: email, phone_number, identifier_hash, gated_param_subscribed, unsubscribed, unsubscribed_at, custom_properties', async () => {
		const result = await t.run({
			resource: 'person',
			operation: 'upsert',
			personSlug: 'customer@example.com',
			personFields: {
				email: 'john.new@example.com',
				phoneNumber: '+12025551111',
				identifierHash: 'abc123',
				gatedParamSubscribed: true,
				unsubscribed: true,
				unsubscribedAt: '2026-07-01T12:00:00Z',
			},
			customProperties: { property: [{ name: 'tier', value: 'gold' }] },
		});
		expect(result.error).toBeUndefined();
		expect(t.wire()).toEqual({
			method: 'PUT',
			path: '/people/customer%40example.com',
			query: {},
			authorization: bearer,
			body: {
				site_slug: 'my-store',
				data: {
					email: 'john.new@example.com',
					phone_number: '+12025551111',
					identifier_hash: 'abc123',
					gated_param_subscribed: true,
					unsubscribed: true,
					unsubscribed_at: '2026-07-01T12:00:00Z',
					custom_properties: { tier: 'gold' },
				},
			},
		});
		expect(json(result.items)[0]).toMatchObject({
			email: 'john.new@example.com',
			phone_number: '+12025551111',
			unsubscribed_at: '2026-07-01T12:00:00Z',
			custom_properties: { price_plan: 'platinum', tier: 'gold' },
		});
		// findable by the new email and by phone number
		const byPhone = await t.run({ resource: 'person', operation: 'get', personSlug: '+12025551111' });
		expect(t.requests()[1].path).toBe('/people/%2B12025551111');
		expect(json(byPhone.items)[0].email).toBe('john.new@example.com');
	});

	test('upsert by username works when Email gives the person’s email', async () => {
		const result = await t.run({ resource: 'person', operation: 'upsert', personSlug: 'newbie_1', personFields: { email: 'newbie@example.com', username: 'newbie_1' } });
		expect(result.error).toBeUndefined();
		expect(t.requests()[0].path).toBe('/people/newbie_1');
		expect(json(result.items)[0]).toMatchObject({ email: 'newbie@example.com', username: 'newbie_1' });
	});

	test('the sandbox refuses unknown data keys as Talkable does (the seed’s person_custom_properties)', () => {
		const answer = t.sandbox.vendor('talkable').handle({
			method: 'PUT',
			path: '/people/customer%40example.com',
			query: {},
			headers: { authorization: bearer },
			body: { site_slug: 'my-store', data: { person_custom_properties: { a: 1 } } },
		});
		expect(answer).toEqual({ status: 400, body: { ok: false, error_message: 'found unpermitted parameter: :person_custom_properties' } });
	});

	test('get Output: Simplified keeps the main fields; Selected Fields keeps the named ones; Raw is the default', async () => {
		const simplified = await t.run({ resource: 'person', operation: 'get', personSlug: 'customer@example.com', outputMode: 'simplified' });
		expect(json(simplified.items)).toEqual([
			{
				email: 'customer@example.com',
				first_name: 'John',
				last_name: 'Smith',
				username: null,
				customer_id: '1',
				phone_number: null,
				sub_choice: false,
				unsubscribed_at: null,
				custom_properties: { price_plan: 'platinum' },
				referral_counts: { total: 3, approved: 1, pending: 1 },
				reward_counts: { total: 2, unpaid: 1, paid: 1 },
				personal_claim_url: 'https://share.mystore.com/by/customer@example.com',
			},
		]);
		const selected = await t.run({ resource: 'person', operation: 'get', personSlug: 'customer@example.com', outputMode: 'selected', outputFields: 'email, customer_id' });
		expect(json(selected.items)).toEqual([{ email: 'customer@example.com', customer_id: '1' }]);
		const raw = await t.run({ resource: 'person', operation: 'get', personSlug: 'customer@example.com' });
		expect(Object.keys(json(raw.items)[0])).toEqual(expect.arrayContaining(['share_counts', 'events_count', 'subscribed_at']));
	});

	test('upsert is a PUT: retried after a 500', async () => {
		t.sandbox.fault('talkable', { status: 500, body: { ok: false, error_message: 'Oops' }, times: 1 });
		const result = await t.run({ resource: 'person', operation: 'upsert', personSlug: 'customer@example.com', personFields: { lastName: 'Doe' }, retry: fastRetry });
		expect(result.error).toBeUndefined();
		expect(t.requests()).toHaveLength(2);
	});
});

describe('Talkable pickers', () => {
	/** n8n's load-options context with real HTTP to the sandbox (the credential's Bearer key). */
	function loadContext(): ILoadOptionsFunctions {
		return {
			getNode: () => ({ id: 'n', name: 'Talkable', type: 'talkable', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async () => ({ ...t.sandbox.credentials('talkable'), baseUrl: t.sandbox.url('talkable') }),
			helpers: {
				async httpRequestWithAuthentication(_type: string, options: any) {
					const url = new URL(`${options.baseURL}${options.url}`);
					for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
					const response = await fetch(url, { method: options.method, headers: { Authorization: bearer, Accept: 'application/json' } });
					return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: await response.json() };
				},
			},
		} as unknown as ILoadOptionsFunctions;
	}
	const methods = new Talkable().methods;

	test('getCampaigns: the site’s campaigns (GET /campaigns?site_slug) as name (#id, status) options', async () => {
		const options = await methods.loadOptions.getCampaigns.call(loadContext());
		expect(t.requests()[0]).toMatchObject({ method: 'GET', path: '/campaigns', query: { site_slug: 'my-store' } });
		expect(options).toEqual([
			{ name: 'Post-purchase popup (#143, Disabled)', value: 143 },
			{ name: 'Standalone landing page (#145, Live)', value: 145 },
		]);
	});

	test('getRedemptionBatches: the member’s redemption options, for the member email set on the node', async () => {
		const context = { ...loadContext(), getCurrentNodeParameter: (name: string) => (name === 'memberEmail' ? 'member@example.com' : undefined) };
		const options = await methods.loadOptions.getRedemptionBatches.call(context as unknown as ILoadOptionsFunctions);
		expect(t.requests()[0]).toMatchObject({ method: 'GET', path: '/loyalty/members/member%40example.com/redemption_batches', query: { site_slug: 'my-store' } });
		expect(options).toEqual([
			{ name: '$10 off (50 points)', value: 7 },
			{ name: '$50 off (500 points)', value: 8 },
		]);
		const none = { ...loadContext(), getCurrentNodeParameter: () => '={{ $json.email }}' };
		expect(await methods.loadOptions.getRedemptionBatches.call(none as unknown as ILoadOptionsFunctions)).toEqual([]);
		expect(t.requests()).toHaveLength(1);
	});

	test('searchAssets: pages of 100, filtered by the typed text', async () => {
		const assets = t.state().assets as Array<Record<string, unknown>>;
		for (let id = 4; id <= 120; id++) assets.unshift({ id, name: `banner-${id}.png`, content_type: 'image/png' });
		const first = await methods.listSearch.searchAssets.call(loadContext());
		expect(t.requests()[0].query).toEqual({ site_slug: 'my-store', page: '1', per_page: '100' });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await methods.listSearch.searchAssets.call(loadContext(), 'santa', '2');
		expect(t.requests()[1].query).toEqual({ site_slug: 'my-store', page: '2', per_page: '100' });
		expect(second).toEqual({ results: [{ name: 'santa.jpg (image/jpeg)', value: '1', url: expect.stringContaining('santa.jpg') }], paginationToken: undefined });
	});
});
