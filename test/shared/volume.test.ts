/**
 * Production volume (issue 9), through n8n's real engine against the sandbox: the per-run request
 * governor (cap, slow-down after a 429, pacing from the vendor's budget, cancellation), Return All
 * past what n8n can output, and a server that ignores the paging parameter. No timing assertions:
 * speed is measured in `npm run bench`.
 */
import { Governor } from '../../nodes/shared/governor';
import { runNode, useSandbox } from '../support/harness';
import { json, type RecordedRequest } from '../support/helpers';

const sandbox = useSandbox();

const people = (count: number) => Array.from({ length: count }, () => ({ email: 'customer@example.com' }));

async function talkableGet(items: object[], retry: object = {}, extra: Partial<Parameters<typeof runNode>[0]> = {}) {
	return await runNode({
		type: 'talkable',
		parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}', retry } as never,
		credentials: { talkableApi: sandbox.credentials('talkable') },
		items: items as never,
		continueOnFail: true,
		...extra,
	});
}

const failedItems = (items: Array<{ json: Record<string, unknown> }>) => items.filter((item) => 'error' in item.json);

describe('the request governor', () => {
	test('500 items never have more than the default cap (32) in flight', async () => {
		sandbox.fault('talkable', { delayMs: 25 });
		const result = await talkableGet(people(500));
		expect(result.items).toHaveLength(500);
		expect(failedItems(result.items)).toHaveLength(0);
		const stats = sandbox.stats().byVendor.talkable;
		expect(stats.maxInFlight).toBeGreaterThan(1);
		expect(stats.maxInFlight).toBeLessThanOrEqual(32);
		expect(sandbox.requestsFor('talkable')).toHaveLength(500);
	});

	test('Max Concurrent Requests lowers the cap', async () => {
		sandbox.fault('talkable', { delayMs: 25 });
		const result = await talkableGet(people(120), { maxConcurrent: 4 });
		expect(failedItems(result.items)).toHaveLength(0);
		expect(sandbox.stats().byVendor.talkable.maxInFlight).toBeLessThanOrEqual(4);
	});

	test('a 429 storm (server allows 10 at once, Retry-After: 1): no item fails, few requests are repeated', async () => {
		sandbox.fault('talkable', {
			concurrencyLimit: 10,
			headers: { 'Retry-After': '1' },
			body: { ok: false, error_message: 'Too Many Requests' },
		});
		sandbox.fault('talkable', { delayMs: 20 });
		const result = await talkableGet(people(400));
		expect(result.items).toHaveLength(400);
		expect(failedItems(result.items)).toHaveLength(0);
		expect(result.items.map((item) => item.pairedItem)).toEqual(people(400).map((_, item) => ({ item })));
		const sent = sandbox.requestsFor('talkable').length;
		expect(sent).toBeLessThanOrEqual(400 * 1.5);
		expect(sandbox.stats().byVendor.talkable.rateLimited).toBeGreaterThan(0);
		// The whole run held for the vendor's wait, as the log says.
		expect(result.logs.some((line) => /rate limited, HTTP 429; retry 1 of 5 in 1000 ms \(the whole run holds\)/.test(line))).toBe(true);
	});

	test("TalkBox's hourly 429 (no Retry-After): the run waits for the reset by TalkBox's clock, no item fails", async () => {
		// TalkBox's Date header says it is a moment before the hour: the reset is that moment away.
		const almostHour = () => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 - 800).toUTCString();
		sandbox.fault('talkbox', {
			concurrencyLimit: 5,
			get headers() {
				return { Date: almostHour() };
			},
			body: { code: 429, description: 'Rate limit exceeded: 10000 requests per hour' },
		});
		sandbox.fault('talkbox', { delayMs: 20 });
		const result = await runNode({
			type: 'talkBox',
			parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' } as never,
			credentials: { talkBoxApi: sandbox.credentials('talkbox') },
			items: Array.from({ length: 60 }, (_, i) => ({ id: 300 + (i % 25) })),
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(60);
		expect(failedItems(result.items)).toHaveLength(0);
		expect(sandbox.stats().byVendor.talkbox.rateLimited).toBeGreaterThan(0);
	});

	test('a run holding for a long Retry-After stops at once when the execution is cancelled', async () => {
		sandbox.fault('talkable', {
			concurrencyLimit: 2,
			headers: { 'Retry-After': '600' },
			body: { ok: false, error_message: 'Too Many Requests' },
		});
		sandbox.fault('talkable', { delayMs: 50 });
		let cancel!: () => void;
		const cancelled = new Promise<void>((resolve) => (cancel = resolve));
		const running = talkableGet(people(50), { maxWaitSeconds: 3600 }, { cancel: cancelled });
		// Cancel once the vendor has asked the run to hold.
		for (let i = 0; i < 200 && sandbox.stats().byVendor.talkable?.rateLimited === undefined; i++) {
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
		const sentBefore = sandbox.requestsFor('talkable').length;
		cancel();
		const result = await running;
		expect(result.cancelled || result.error !== undefined || failedItems(result.items).length > 0).toBe(true);
		// Nothing more was sent after the cancel.
		expect(sandbox.requestsFor('talkable').length).toBe(sentBefore);
		expect(sentBefore).toBeLessThan(50);
	});

	test('a wait longer than Max Wait stops the run without sending the rest', async () => {
		sandbox.fault('talkable', {
			concurrencyLimit: 1,
			headers: { 'Retry-After': '900' },
			body: { ok: false, error_message: 'Too Many Requests' },
		});
		sandbox.fault('talkable', { delayMs: 30 });
		const result = await talkableGet(people(40), { maxWaitSeconds: 60 });
		expect(result.items).toHaveLength(40);
		const failed = failedItems(result.items);
		expect(failed.length).toBeGreaterThan(30);
		expect(String(failed[failed.length - 1].json.description)).toMatch(/asked to wait 9\d\d s, longer than the Max Wait of 60 s/);
		// Items that found the run already held past Max Wait sent nothing.
		expect(sandbox.requestsFor('talkable').length).toBeLessThan(40);
	});
});

describe('governor rules (unit)', () => {
	test('after a refusal at concurrency N, the ceiling drops below N once per wave and the run restarts at half', async () => {
		const governor = new Governor({ maxConcurrent: 8 });
		const tickets = await Promise.all(Array.from({ length: 8 }, () => governor.acquire()));
		// The 6th to 8th started requests are refused: one wave, one drop (to 5), restart at 3.
		governor.slowDown(tickets[5], undefined);
		governor.slowDown(tickets[6], undefined);
		governor.slowDown(tickets[7], undefined);
		expect(governor.slowDowns).toBe(1);
		for (const ticket of tickets.slice(0, 5)) governor.succeeded(ticket);
		const next = await Promise.all(Array.from({ length: 3 }, () => governor.acquire()));
		expect(next.map((ticket) => ticket.concurrency)).toEqual([1, 2, 3]);
	});

	test('a budget that runs out holds new requests until the reset', async () => {
		const governor = new Governor({ maxConcurrent: 4 });
		governor.budget(0, Date.now() + 150);
		expect(governor.holdUntil).toBeGreaterThan(Date.now());
		const ticket = await governor.acquire();
		expect(ticket.concurrency).toBe(1);
		expect(governor.holdUntil).toBe(0);
	});

	test('cancelling wakes every waiting request at once', async () => {
		const governor = new Governor({ maxConcurrent: 1 });
		await governor.acquire();
		const controller = new AbortController();
		const waiting = Promise.allSettled([governor.acquire(controller.signal), governor.acquire(controller.signal)]);
		controller.abort();
		// The queued requests wake and give up instead of waiting for a slot that never frees.
		expect((await waiting).map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
	});
});

describe('Return All at any size', () => {
	test('150,000 records: one clear error before n8n would overflow, not a RangeError', async () => {
		const state = sandbox.vendor('personaclick').state;
		state.changes.length = 0;
		state.addChanges(150_000, (i: number) => ({ contact: `c${i}@example.com` }));
		const result = await runNode({
			type: 'personaClick',
			parameters: { resource: 'subscription', operation: 'getChanges', returnAll: true } as never,
			credentials: { personaClickApi: sandbox.credentials('personaclick') },
		});
		expect(result.error?.message).toBe(
			'Return All stopped after 120,000 records: n8n cannot output more than 100,000 items from one input item',
		);
		expect(result.error?.description).toMatch(/turn off "Split Into Items"/);
		expect(JSON.stringify(result.error)).not.toContain('Maximum call stack');
		// It stopped fetching there: 6 pages of 20,000, not all 8.
		expect(sandbox.requestsFor('personaclick')).toHaveLength(6);
	});

	test('with Split Into Items off, the same list is one item per page', async () => {
		const state = sandbox.vendor('personaclick').state;
		state.changes.length = 0;
		state.addChanges(150_000, (i: number) => ({ contact: `c${i}@example.com` }));
		const result = await runNode({
			type: 'personaClick',
			parameters: { resource: 'subscription', operation: 'getChanges', returnAll: true, splitIntoItems: false } as never,
			credentials: { personaClickApi: sandbox.credentials('personaclick') },
		});
		expect(result.error).toBeUndefined();
		const pages = json(result.items) as Array<{ page: number; records: unknown[] }>;
		expect(pages.map((page) => page.records.length)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000, 20_000, 20_000, 10_000]);
		expect(pages.map((page) => page.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
		expect(result.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});
});

describe('a list that never ends (issue 22 row 8: Split Into Items off and Raw Response have a cap too)', () => {
	test.each([
		['Split Into Items off', { splitIntoItems: false }],
		['Raw Response', { rawResponse: true }],
	])('%s: Return All stops after 10,000 pages with a clear error, not an endless read', async (_name, mode) => {
		// Every page full, and each one different: the repeated-page guard cannot end it.
		sandbox.fault('talkbox', {
			method: 'GET',
			path: '/communications',
			status: 200,
			body: (request: RecordedRequest) =>
				Array.from({ length: 10 }, (_, i) => ({ id: Number(request.query.page) * 10 + i, name: 'Blast' })),
		});
		const result = await runNode({
			type: 'talkBox',
			parameters: { resource: 'communication', operation: 'getAll', returnAll: true, ...mode } as never,
			credentials: { talkBoxApi: sandbox.credentials('talkbox') },
		});
		expect(result.error?.message).toBe(
			'Return All stopped after 10,000 pages (100,000 records): one item reads at most 10,000 pages',
		);
		expect(result.error?.description).toBe('Nothing was output for this item. Narrow the list (a date or ID filter), or set a Limit.');
		expect(result.items).toHaveLength(0);
		expect(sandbox.requestsFor('talkbox')).toHaveLength(10_000);
	}, 120_000);

	test('Split Into Items off: past 1,000,000 records, a clear error (the read stops at the page that passes them)', async () => {
		// Full pages of 20,000 changes, each page new, generated per request (nothing held by the sandbox).
		sandbox.fault('personaclick', {
			method: 'GET',
			path: '/subscriptions/changes',
			status: 200,
			body: (request: RecordedRequest) =>
				Array.from({ length: 20_000 }, (_, i) => ({ contact: `c${Number(request.query.offset) + i}`, event: 'subscribe' })),
		});
		const result = await runNode({
			type: 'personaClick',
			parameters: { resource: 'subscription', operation: 'getChanges', returnAll: true, splitIntoItems: false } as never,
			credentials: { personaClickApi: sandbox.credentials('personaclick') },
		});
		expect(result.error?.message).toBe('Return All stopped after 1,020,000 records: one item reads at most 1,000,000 records page by page');
		expect(result.items).toHaveLength(0);
		expect(sandbox.requestsFor('personaclick')).toHaveLength(51);
	}, 120_000);
});

describe('paging guard', () => {
	test('a server that ignores the page parameter: an error on the repeated page, no endless loop', async () => {
		const page = Array.from({ length: 100 }, (_, i) => ({ id: 1000 + i, email: `p${i}@example.com` }));
		sandbox.fault('talkbox', { method: 'GET', path: '/contact', status: 200, body: page });
		const result = await runNode({
			type: 'talkBox',
			parameters: { resource: 'contact', operation: 'getAll', returnAll: true } as never,
			credentials: { talkBoxApi: sandbox.credentials('talkbox') },
		});
		expect(result.error?.message).toBe('TalkBox returned the same records for page 2 as for page 1');
		expect(result.error?.description).toMatch(/ignore the "page" parameter/);
		expect(sandbox.requestsFor('talkbox')).toHaveLength(2);
	});
});
