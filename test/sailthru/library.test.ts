/**
 * Sailthru lists, Content Library and templates through n8n's real engine against the sandbox:
 * exact signed calls, one item per record with Return All / Limit, numbered errors with their
 * meaning, pickers, retries of retry-safe writes after a 503, and signature vectors computed
 * with the official sailthru-client package.
 */
import { NODE_TYPES } from '../support/harness';
import {
	callOf,
	context,
	expectOk,
	expectSameSignedCall,
	expectSignedCall,
	officialRequest,
	requests,
	run,
	runWithVectorKeys,
	state,
	useSandbox,
	VECTOR_KEYS,
} from './common';

useSandbox();

const byName = (value: string) => ({ __rl: true, mode: 'id', value });

describe('list', () => {
	test('get all: one item per list, Limit, primary only', async () => {
		const all = await run({ resource: 'list', operation: 'getAll', returnAll: true });
		expectOk(all);
		expectSignedCall(requests()[0], 'GET', '/list', '{}');
		expect(all.items.map((item) => item.json.name)).toEqual(['All Users', 'Newsletter', 'Daily Deals']);
		expect(all.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);

		const limited = await run({ resource: 'list', operation: 'getAll', returnAll: false, limit: 2, primaryOnly: true });
		expectOk(limited);
		expectSignedCall(requests()[1], 'GET', '/list', '{"primary":1}');
		expect(limited.items.map((item) => item.json.name)).toEqual(['All Users', 'Newsletter']);

		const raw = await run({ resource: 'list', operation: 'getAll', returnAll: true, rawResponse: true });
		expect(raw.items).toHaveLength(1);
		expect((raw.items[0].json.lists as unknown[]).length).toBe(3);
	});

	test('create or update, get with vars, delete; unknown list is error 15', async () => {
		const created = await run({
			resource: 'list',
			operation: 'upsert',
			list: byName('VIP'),
			additionalFields: { type: 'normal', primary: true, vars: '{"owner":"sales"}' },
		});
		expectOk(created);
		expectSignedCall(requests()[0], 'POST', '/list', '{"list":"VIP","type":"normal","primary":1,"vars":{"owner":"sales"}}');
		expect(created.items[0].json).toMatchObject({ list: 'VIP', primary: 1 });

		const got = await run({ resource: 'list', operation: 'get', list: { __rl: true, mode: 'list', value: 'VIP' }, includeVars: true });
		expectOk(got);
		expectSignedCall(requests()[1], 'GET', '/list', '{"list":"VIP","fields":{"vars":1}}');
		expect(got.items[0].json).toMatchObject({ list: 'VIP', type: 'normal', primary: 1, vars: { owner: 'sales' }, count: 0 });

		const deleted = await run({ resource: 'list', operation: 'delete', list: byName('VIP') });
		expectOk(deleted);
		expectSignedCall(requests()[2], 'DELETE', '/list', '{"list":"VIP"}');
		expect(deleted.items[0].json).toEqual({ list: 'VIP', ok: true });

		const again = await run({ resource: 'list', operation: 'delete', list: byName('VIP') });
		expect(again.error?.message).toBe('Sailthru error (code 15): Unknown list: VIP');
		expect(again.error?.description).toContain('Unknown list: check the list name.');
	});

	test('a smart list needs its query (the sandbox refuses it without one)', async () => {
		const result = await run({
			resource: 'list',
			operation: 'upsert',
			list: byName('Engaged'),
			additionalFields: { type: 'smart', query: '{"engagement":"engaged"}' },
		});
		expectOk(result);
		expect(callOf(requests()[0])).toEqual({ list: 'Engaged', type: 'smart', query: { engagement: 'engaged' } });
	});

	test('upsert is retried after a 503 (safe to repeat), delete too', async () => {
		context.sandbox.fault('sailthru', { method: 'POST', path: '/list', status: 503, times: 1, body: { error: 9, errormsg: 'Internal error' } });
		const result = await run({ resource: 'list', operation: 'upsert', list: byName('Retry'), retry: { initialDelayMs: 1 } });
		expectOk(result);
		expect(requests().map((r) => r.method)).toEqual(['POST', 'POST']);
		expect(state().lists.Retry).toBeDefined();

		context.sandbox.fault('sailthru', { method: 'DELETE', path: '/list', reset: true, times: 1 });
		const deleted = await run({ resource: 'list', operation: 'delete', list: byName('Retry'), retry: { initialDelayMs: 1 } });
		expectOk(deleted);
		expect(requests().filter((r) => r.method === 'DELETE')).toHaveLength(2);
	});
});

describe('content', () => {
	test('create or update by URL with every field type; get by SKU; delete', async () => {
		const upsert = await run({
			resource: 'content',
			operation: 'upsert',
			id: 'https://shop.example.com/p/sku-3',
			additionalFields: {
				title: 'Tent',
				tags: 'outdoor, camping',
				price: 19900,
				inventory: 7,
				sku: 'SKU-3',
				vars: '{"brand":"Acme"}',
				imageFull: 'https://img.example.com/tent.jpg',
				location: '-73.99, 40.73',
				date: '2026-11-01 10:00 UTC',
				spider: true,
			},
		});
		expectOk(upsert);
		expectSignedCall(
			requests()[0],
			'POST',
			'/content',
			'{"id":"https://shop.example.com/p/sku-3","title":"Tent","date":"2026-11-01 10:00 UTC","tags":["outdoor","camping"],"vars":{"brand":"Acme"},"keys":{"sku":"SKU-3"},"images":{"full":{"url":"https://img.example.com/tent.jpg"}},"location":[-73.99,40.73],"price":19900,"inventory":7,"spider":1}',
		);
		expect((upsert.items[0].json as any).content).toMatchObject({ title: 'Tent', price: 19900, inventory: 7 });

		const inventory = await run({ resource: 'content', operation: 'upsert', id: 'SKU-3', key: 'sku', additionalFields: { inventory: 5 } });
		expectOk(inventory);
		expect(callOf(requests()[1])).toEqual({ id: 'SKU-3', key: 'sku', inventory: 5 });

		const got = await run({ resource: 'content', operation: 'get', id: 'SKU-3', key: 'sku' });
		expectOk(got);
		expectSignedCall(requests()[2], 'GET', '/content', '{"id":"SKU-3","key":"sku"}');
		expect(got.items[0].json).toMatchObject({ url: 'https://shop.example.com/p/sku-3', inventory: 5 });

		const deleted = await run({ resource: 'content', operation: 'delete', id: 'https://shop.example.com/p/sku-3' });
		expectOk(deleted);
		expectSignedCall(requests()[3], 'DELETE', '/content', '{"id":"https://shop.example.com/p/sku-3"}');
		expect(state().content).toHaveLength(2);
	});

	test('price in dollars is refused before sending', async () => {
		const result = await run(
			{ resource: 'content', operation: 'upsert', id: 'https://x.example/1', additionalFields: { price: 19.99 } },
			{ continueOnFail: true },
		);
		expect(requests()).toHaveLength(0);
		expect(result.items[0].json.error).toBe(
			'Price (Cents): 19.99 is not a whole number of cents (Sailthru takes money in cents: $10.99 is 1099) [item 0]',
		);
	});

	test('get many: Limit → items, Return All → 20,000, most recent first', async () => {
		const limited = await run({ resource: 'content', operation: 'getAll', returnAll: false, limit: 1 });
		expectOk(limited);
		expectSignedCall(requests()[0], 'GET', '/content', '{"items":1}');
		expect(limited.items.map((item) => item.json.url)).toEqual(['https://shop.example.com/p/sku-2']);

		const all = await run({ resource: 'content', operation: 'getAll', returnAll: true });
		expectOk(all);
		expectSignedCall(requests()[1], 'GET', '/content', '{"items":20000}');
		expect(all.items).toHaveLength(2);
	});
});

describe('template', () => {
	test('get many, get by name and by revision, create or update (partial), delete; error 14', async () => {
		const all = await run({ resource: 'template', operation: 'getAll', returnAll: true });
		expectOk(all);
		expectSignedCall(requests()[0], 'GET', '/template', '{}');
		expect(all.items.map((item) => item.json.name)).toEqual(['welcome', 'order-shipped', 'weekly']);

		const saved = await run({
			resource: 'template',
			operation: 'upsert',
			template: byName('welcome'),
			updateFields: { subject: 'Hello {first_name}', labels: 'onboarding, welcome', is_link_tracking: true },
		});
		expectOk(saved);
		expectSignedCall(
			requests()[1],
			'POST',
			'/template',
			'{"template":"welcome","subject":"Hello {first_name}","is_link_tracking":1,"labels":["onboarding","welcome"]}',
		);
		const template = saved.items[0].json as any;
		expect(template).toMatchObject({ name: 'welcome', subject: 'Hello {first_name}', from_name: 'Acme' });

		const byRevision = await run({ resource: 'template', operation: 'get', getBy: 'revision', revision: String(template.revision_ids[0]) });
		expectOk(byRevision);
		expectSignedCall(requests()[2], 'GET', '/template', JSON.stringify({ revision: template.revision_ids[0] }));
		expect(byRevision.items[0].json.subject).toBe('Welcome, {first_name}');

		const got = await run({ resource: 'template', operation: 'get', template: byName('welcome') });
		expectOk(got);
		expectSignedCall(requests()[3], 'GET', '/template', '{"template":"welcome"}');

		const deleted = await run({ resource: 'template', operation: 'delete', template: byName('welcome') });
		expectOk(deleted);
		expectSignedCall(requests()[4], 'DELETE', '/template', '{"template":"welcome"}');
		expect(deleted.items[0].json).toEqual({ template: 'welcome', ok: true });

		const missing = await run({ resource: 'template', operation: 'get', template: byName('welcome') });
		expect(missing.error?.message).toBe('Sailthru error (code 14): Unknown template: welcome');
	});
});

describe('pickers', () => {
	const methods = () => (NODE_TYPES.sailthru as any).methods.listSearch;
	const fakeContext = () => ({
		getCredentials: async () => context.sandbox.credentials('sailthru'),
		getNode: () => ({ name: 'Sailthru', type: 'sailthru', typeVersion: 1, parameters: {} }),
		helpers: {
			httpRequestWithAuthentication: async function (_type: string, options: any) {
				// eslint-disable-next-line @typescript-eslint/no-require-imports
				const { SailthruApi } = require('../../credentials/SailthruApi.credentials');
				const signed = await new SailthruApi().authenticate(context.sandbox.credentials('sailthru'), options);
				const url = new URL(`${signed.baseURL}${signed.url}`);
				for (const [name, value] of Object.entries(signed.qs ?? {})) url.searchParams.set(name, String(value));
				const response = await fetch(url);
				return { statusCode: response.status, headers: {}, body: await response.json() };
			},
		},
	});

	test('lists, templates and blasts (signed GETs), filtered by the typed text', async () => {
		const lists = await methods().searchLists.call(fakeContext(), 'news');
		expect(lists.results).toEqual([{ name: 'Newsletter', value: 'Newsletter' }]);
		const templates = await methods().searchTemplates.call(fakeContext());
		expect(templates.results.map((entry: any) => entry.value)).toEqual(['order-shipped', 'weekly', 'welcome']);
		const blasts = await methods().searchBlasts.call(fakeContext(), 'october');
		expect(blasts.results).toEqual([{ name: 'October news (sent, 7002)', value: '7002' }]);
		expect(requests().map((r) => [r.method, r.path, callOf(r)])).toEqual([
			['GET', '/list', {}],
			['GET', '/template', {}],
			['GET', '/blast', { status: 'scheduled', limit: 100 }],
			['GET', '/blast', { status: 'created', limit: 100 }],
			['GET', '/blast', { status: 'sending', limit: 100 }],
			['GET', '/blast', { status: 'sent', limit: 100 }],
		]);
	});
});

describe('signature vectors computed with the official sailthru-client', () => {
	test('list: client.deleteList, client.apiPost("list"), client.apiGet("list")', async () => {
		await runWithVectorKeys({ resource: 'list', operation: 'delete', list: byName('Newsletter') });
		const official = await officialRequest((client, done) => client.deleteList('Newsletter', done), VECTOR_KEYS);
		expectSameSignedCall(requests()[0], official);
		// The vector: key abc123key, secret shhh-secret.
		expect(official.query).toMatchObject({ json: '{"list":"Newsletter"}', sig: '973b4f7f8b819ec98df1f1fbd9a15d8e' });
		context.sandbox.clearRequests();
		await runWithVectorKeys({ resource: 'list', operation: 'upsert', list: byName('VIP'), additionalFields: { primary: true } });
		expectSameSignedCall(
			requests()[0],
			await officialRequest((client, done) => client.apiPost('list', { list: 'VIP', primary: 1 }, done), VECTOR_KEYS),
		);
	});

	test('content: client.pushContent (tags joined by the client, an array here: both signed alike)', async () => {
		await runWithVectorKeys({ resource: 'content', operation: 'upsert', id: 'https://x.example/p', additionalFields: { title: 'P' } });
		const official = await officialRequest(
			(client, done) => client.apiPost('content', { id: 'https://x.example/p', title: 'P' }, done),
			VECTOR_KEYS,
		);
		expectSameSignedCall(requests()[0], official);
	});

	test('template: client.getTemplates, client.getTemplate, client.saveTemplate, client.deleteTemplate', async () => {
		const cases: Array<[Record<string, unknown>, (client: any, done: (e: unknown) => void) => void]> = [
			[{ resource: 'template', operation: 'getAll', returnAll: true }, (client, done) => client.getTemplates(done)],
			[{ resource: 'template', operation: 'get', template: byName('welcome') }, (client, done) => client.getTemplate('welcome', done)],
			[
				{ resource: 'template', operation: 'upsert', template: byName('welcome'), updateFields: { subject: 'Hi' } },
				(client, done) => client.saveTemplate('welcome', { template: 'welcome', subject: 'Hi' }, done),
			],
			[{ resource: 'template', operation: 'delete', template: byName('welcome') }, (client, done) => client.deleteTemplate('welcome', done)],
		];
		for (const [parameters, call] of cases) {
			context.sandbox.clearRequests();
			await runWithVectorKeys(parameters);
			expectSameSignedCall(requests()[0], await officialRequest(call, VECTOR_KEYS));
		}
	});
});
