/**
 * @jest-environment ./test/support/zone-environment.js
 *
 * Polling triggers under stress (issue 22, row 8): TalkBox lists that change while a poll pages
 * through them, TalkBox backlogs larger than one poll should read, and PersonaClick's whole-day
 * `from`/`to` around time zone and DST changes (the environment lets a test move the n8n
 * instance's time zone, TZ).
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_RECORDS_PER_POLL, MAX_REQUESTS_PER_POLL } from '../../nodes/TalkBox/trigger/poll';
import { useSandbox } from '../support/harness';
import type { RecordedRequest } from '../support/helpers';
import { createPoller, useFakeDate, type PollResult } from '../support/trigger-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const triggers = require('../../sandbox/triggers');

const sandbox = useSandbox({ vendors: ['talkbox', 'personaclick'] });

/** From test/support/zone-environment.js: sets the worker process's TZ (no zone: back to the worker's own). */
declare const setProcessTimeZone: (zone?: string) => void;

const { setClock, advance } = useFakeDate(sandbox, '2026-11-28T10:00:00.000Z');

const ids = (result: PollResult) => (result.items ?? []).map((item) => item.json.id as number);
const isoZ = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const repeats = (list: string[]) => {
	const seen = new Set<string>();
	return list.filter((item) => seen.has(item) || !seen.add(item));
};

// ------------------------------------------------------------------------------ TalkBox

const talkBoxState = () => sandbox.vendor('talkbox').state;
const talkBoxWire = () => sandbox.requestsFor('talkbox');

function talkBoxPoller(event: string) {
	return createPoller({
		type: 'talkBoxTrigger',
		parameters: { event },
		credentials: { talkBoxApi: sandbox.credentials('talkbox') },
	});
}

/** `count` new contacts, `stepMs` apart on the sandbox clock. */
function addContacts(count: number, prefix: string, stepMs = 1000): number[] {
	const added: number[] = [];
	for (let index = 0; index < count; index++) {
		advance(stepMs);
		added.push(triggers.talkbox.addContact(talkBoxState(), { email: `${prefix}${index}@example.com` }).id);
	}
	return added;
}

/** Runs `change` once, just before the `nth` list request (1-based) that the sandbox answers from now on. */
function beforeListRequest(nth: number, change: () => void) {
	let count = 0;
	talkBoxState().beforeRequest = (req: RecordedRequest) => {
		if (req.method !== 'GET') return;
		count += 1;
		if (count === nth) change();
	};
}

describe('TalkBox Trigger: a list that changes while a poll reads it', () => {
	test('a contact deleted between two requests of one poll makes no other contact go missing', async () => {
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		const backlog = addContacts(150, 'backlog');
		advance(10 * 60_000); // the backlog is now older than the 5-minute overlap of the next poll
		const deleted = backlog[10];
		beforeListRequest(2, () => talkBoxState().contacts.delete(deleted));
		sandbox.clearRequests();
		const first = await poller.poll();
		expect(first.error).toBeUndefined();
		talkBoxState().beforeRequest = undefined;
		// Contacts 10:00:01..10:02:30, one a second. The first answer is a full page: the span up to
		// its Date (10:12:30) is read in windows, each one page; the first ends before the page's 75th stamp.
		const window = (after: string, before: string) => ({
			created_after: `2026-11-28T${after}Z`,
			created_before: `2026-11-28T${before}Z`,
			page: '1',
			per_page: '100',
		});
		expect(talkBoxWire().map((request) => request.query)).toEqual([
			{ created_after: '2026-11-28T09:55:00Z', page: '1', per_page: '100' },
			window('09:55:00', '10:01:15'), // 74 contacts (one of them deleted just before: 73)
			window('10:01:14', '10:07:39'), // sized for 75 at that density: 76
			window('10:07:38', '10:12:30'),
		]);
		expect(poller.staticData().talkBoxTrigger).toEqual(expect.objectContaining({ since: '2026-11-28T10:12:30Z' }));
		advance(60_000);
		const second = await poller.poll();
		const emitted = [...ids(first), ...ids(second)];
		// Every contact that still exists comes exactly once (the deleted one at most once).
		expect(emitted.filter((id) => id !== deleted)).toEqual(backlog.filter((id) => id !== deleted));
		expect(new Set(emitted).size).toBe(emitted.length);
	});

	test('a contact that enters the list between two requests (an update) is neither lost nor doubled', async () => {
		const poller = talkBoxPoller('contactUpdated');
		await poller.poll();
		const backlog = addContacts(150, 'upd');
		advance(10 * 60_000);
		// Contact 300 (the lowest id, last updated in 2024) enters the updated_after list at its front.
		beforeListRequest(2, () => triggers.talkbox.updateContact(talkBoxState(), { id: 300, first_name: 'Moved' }));
		const first = await poller.poll();
		expect(first.error).toBeUndefined();
		talkBoxState().beforeRequest = undefined;
		expect(ids(first)).toEqual(backlog);
		advance(60_000);
		const second = await poller.poll();
		expect(second.items!.map((item) => [item.json.id, item.json.first_name])).toEqual([[300, 'Moved']]);
		advance(60_000);
		expect((await poller.poll()).items).toBeNull();
	});

	test('a server that orders by updated_at: a contact updated after it was read moves to the end, none is skipped', async () => {
		// The doc states no order. Serve GET /contact ordered by updated_at (then id) instead of by id.
		const instance = sandbox.vendor('talkbox');
		const original = instance.handle;
		instance.handle = (req: object) => {
			const request = req as RecordedRequest;
			if (request.method !== 'GET' || request.path !== '/contact') return original(req);
			const everything = original({ ...request, query: { ...request.query, page: '1', per_page: '1000000' } }) as {
				status: number;
				headers: IDataObject;
				body: IDataObject[];
			};
			if (everything.status !== 200) return everything;
			const at = (contact: IDataObject) => Date.parse(String(contact.updated_at));
			const sorted = [...everything.body].sort((a, b) => at(a) - at(b) || Number(a.id) - Number(b.id));
			const perPage = Number(request.query.per_page ?? 10);
			const page = Number(request.query.page ?? 1);
			return { ...everything, body: sorted.slice((page - 1) * perPage, page * perPage) };
		};
		const poller = talkBoxPoller('contactUpdated');
		await poller.poll();
		const backlog = addContacts(150, 'order');
		advance(10 * 60_000);
		// The first contact of the backlog is updated while the poll reads: it moves to the end.
		beforeListRequest(2, () => triggers.talkbox.updateContact(talkBoxState(), { id: backlog[0], first_name: 'Again' }));
		const first = await poller.poll();
		expect(first.error).toBeUndefined();
		talkBoxState().beforeRequest = undefined;
		advance(60_000);
		const second = await poller.poll();
		instance.handle = original;
		const emitted = [...ids(first), ...ids(second)];
		// Every contact of the backlog comes; the moved one may come twice (two versions of it), no other does.
		expect([...new Set(emitted)].sort()).toEqual([...backlog].sort());
		expect(emitted.filter((id) => id !== backlog[0])).toHaveLength(backlog.length - 1);
		expect(second.items!.filter((item) => item.json.id === backlog[0]).map((item) => item.json.first_name)).toEqual(['Again']);
	});
});

describe('TalkBox Trigger: every paged list bounds its windows with its own …_before', () => {
	test.each([
		['subscriptionCreated', '/subscriptions', 'created_after', 'created_before'],
		['unsubscriptionCreated', '/subscriptions', 'created_after', 'created_before'],
		['voucherIssued', '/vouchers', 'issued_after', 'issued_before'],
		['voucherRedeemed', '/vouchers', 'redeemed_after', 'redeemed_before'],
	])('%s: more than a page, each record once', async (event, path, afterParam, beforeParam) => {
		const poller = talkBoxPoller(event);
		await poller.poll();
		const expected: string[] = [];
		for (let index = 0; index < 260; index++) {
			advance(2000);
			if (event.startsWith('voucher')) {
				const voucher = triggers.talkbox.issueVoucher(talkBoxState(), { contact_id: 300 + (index % 5) });
				if (event === 'voucherRedeemed') triggers.talkbox.redeemVoucher(talkBoxState(), { id: voucher.id });
				expected.push(voucher.url);
			} else {
				// Every other one an unsubscription: the two events split one list.
				const subscribed = index % 2 === 0;
				const record = triggers.talkbox.addSubscription(talkBoxState(), { contact_id: 300 + (index % 25), subscribed });
				if (subscribed === (event === 'subscriptionCreated')) expected.push(String(record.id));
			}
		}
		advance(10 * 60_000);
		sandbox.clearRequests();
		const result = await poller.poll();
		expect(result.error).toBeUndefined();
		const key = event.startsWith('voucher') ? 'url' : 'id';
		expect((result.items ?? []).map((item) => String(item.json[key]))).toEqual(expected);
		const wire = talkBoxWire();
		expect(wire.every((request) => request.path === path && request.query.per_page === '100')).toBe(true);
		expect(Object.keys(wire[0].query).sort()).toEqual([afterParam, 'page', 'per_page'].sort());
		expect(wire.length).toBeGreaterThan(2);
		for (const request of wire.slice(1)) expect(Object.keys(request.query).sort()).toEqual([afterParam, beforeParam, 'page', 'per_page'].sort());
		advance(60_000);
		expect((await poller.poll()).items).toBeNull();
	});
});

/** A small deterministic PRNG (mulberry32), so the randomized scenario is the same on every run. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('TalkBox Trigger: randomized changes while polls read', () => {
	test.each([
		['contactCreated', 7],
		['contactUpdated', 11],
		['contactUpdated', 23],
	])('%s (seed %i): bursts, crowded seconds, updates and deletions between requests: each record exactly once', async (event, seed) => {
		const next = random(Number(seed));
		const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
		const poller = talkBoxPoller(String(event));
		await poller.poll();
		const baseline = Date.now();
		const created = new Set<number>();
		const versions = new Set<string>();
		const version = (contact: IDataObject) => `${String(contact.id)}@${String(contact.updated_at)}`;
		// Mostly recent contacts: those are in the window a poll reads, where a deletion shifts pages.
		const existing = () => ([...talkBoxState().contacts.keys()] as number[]).slice(next() < 0.8 ? -300 : 0);
		const mutate = (kind: number) => {
			if (kind < 0.4) {
				const contact = triggers.talkbox.addContact(talkBoxState(), { email: `r${talkBoxState().nextId}@example.com` });
				created.add(contact.id);
				versions.add(version(contact));
			} else if (kind < 0.8) {
				versions.add(version(triggers.talkbox.updateContact(talkBoxState(), { id: pick(existing()), visits: Math.floor(next() * 1000) })));
			} else {
				talkBoxState().contacts.delete(pick(existing()));
			}
		};
		const emitted: IDataObject[] = [];
		const requestsPerPoll: number[] = [];
		let crowdedSeconds = 0;
		let cappedPolls = 0;
		for (let round = 0; round < 24; round++) {
			advance(1000 + Math.floor(next() * 60_000));
			// Every seed gets one backlog of more than a poll's limits (round 3, no poll after it) and one crowded second (round 8).
			const crowded = round === 3 || round === 8 || next() < 0.3;
			const count = round === 3 ? 8000 : round === 8 ? 400 : crowded ? 200 + Math.floor(next() * 2000) : Math.floor(next() * 40);
			const stepMs = round === 3 ? 250 : round === 8 ? 0 : crowded ? pick([0, 0, 20, 250, 1000]) : 1000 + Math.floor(next() * 20_000);
			for (let index = 0; index < count; index++) {
				advance(stepMs);
				mutate(round === 3 ? 0 : next() * 0.9);
			}
			talkBoxState().beforeRequest = (req: RecordedRequest) => {
				if (req.method === 'GET' && next() < 0.3) mutate(next());
			};
			advance(Math.floor(next() * 15 * 60_000));
			if (round === 3 || next() < 0.3) continue; // no poll this round: the backlog grows
			sandbox.clearRequests();
			const result = await poller.poll();
			expect(result.error?.message).toBeUndefined();
			emitted.push(...(result.items ?? []).map((item) => item.json));
			requestsPerPoll.push(talkBoxWire().length);
			crowdedSeconds += talkBoxWire().filter((request) => request.query.page === '2').length;
			// A poll that stopped at the limits leaves its cursor before its own start.
			if (Date.parse(String((poller.staticData().talkBoxTrigger as IDataObject).since)) < Date.now() - 1000) cappedPolls++;
		}
		talkBoxState().beforeRequest = undefined;
		for (let quiet = 0; quiet < 100; quiet++) {
			advance(60_000);
			sandbox.clearRequests();
			const result = await poller.poll();
			expect(result.error?.message).toBeUndefined();
			emitted.push(...(result.items ?? []).map((item) => item.json));
			requestsPerPoll.push(talkBoxWire().length);
			if (result.items === null && talkBoxWire().length === 1) break;
		}
		const after = (stamp: unknown) => Date.parse(String(stamp)) > baseline;
		const alive = [...talkBoxState().contacts.values()] as IDataObject[];
		if (event === 'contactCreated') {
			const emittedIds = emitted.map((contact) => contact.id as number);
			expect(new Set(emittedIds).size).toBe(emittedIds.length);
			expect(emittedIds.every((id) => created.has(id))).toBe(true);
			const mustCome = alive.filter((contact) => after(contact.created_at)).map((contact) => contact.id as number);
			expect(mustCome.filter((id) => !emittedIds.includes(id))).toEqual([]);
		} else {
			const emittedVersions = emitted.map(version);
			expect(new Set(emittedVersions).size).toBe(emittedVersions.length);
			expect(emittedVersions.filter((key) => !versions.has(key))).toEqual([]);
			const mustCome = alive.filter((contact) => after(contact.updated_at)).map(version);
			expect(mustCome.filter((key) => !emittedVersions.includes(key))).toEqual([]);
		}
		// The scenario did stop polls at the limits and did page through crowded seconds.
		expect(cappedPolls).toBeGreaterThan(0);
		expect(Math.max(...requestsPerPoll)).toBeLessThan(MAX_REQUESTS_PER_POLL + 60);
		expect(crowdedSeconds).toBeGreaterThan(0);
		expect(emitted.length).toBeGreaterThan(5000);
	});
});

describe('TalkBox Trigger: a backlog larger than one poll', () => {
	test('10,000 contacts behind: polls stop at the limits and go on from there, each contact once, the cursor only moves forward', async () => {
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		const backlog = addContacts(10_000, 'bulk', 500); // 10:00:00.5 .. 11:23:20, two a second
		advance(60_000);
		const emitted: number[] = [];
		const polls: Array<{ items: number; requests: number; since: string; seen: number }> = [];
		for (let poll = 0; poll < 10; poll++) {
			sandbox.clearRequests();
			const result = await poller.poll();
			expect(result.error?.message).toBeUndefined();
			emitted.push(...ids(result));
			const state = poller.staticData().talkBoxTrigger as { since: string; seen: string[] };
			polls.push({ items: result.items?.length ?? 0, requests: talkBoxWire().length, since: state.since, seen: state.seen.length });
			if (result.items === null) break;
			advance(60_000);
		}
		expect(emitted).toEqual(backlog);
		// Every poll keeps to the limits (and so its state and output stay bounded)…
		for (const poll of polls) {
			expect(poll.requests).toBeLessThanOrEqual(MAX_REQUESTS_PER_POLL);
			expect(poll.items).toBeLessThanOrEqual(MAX_RECORDS_PER_POLL);
			expect(poll.seen).toBeLessThanOrEqual(MAX_RECORDS_PER_POLL);
		}
		// …and the cursor only moves forward: where a poll stopped (plus the overlap), then the poll's start.
		// Poll 1 stops after 50 requests, having read up to 10:29:35: the next reads from there. Poll 3
		// reads to the end: its start. Poll 4 re-reads only the overlap (now 5 minutes of the burst).
		expect(polls.map((poll) => [poll.items, poll.requests, poll.since])).toEqual([
			[3551, 50, '2026-11-28T10:34:35Z'],
			[3626, 50, '2026-11-28T11:04:48Z'],
			[2823, 41, '2026-11-28T11:26:20Z'],
			[0, 7, '2026-11-28T11:27:20Z'],
		]);
	});

	test('records that show up late in a span a stopped poll read (the overlap) make the next poll read at least as far: none comes twice', async () => {
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		const start = Date.now();
		advance(10_000);
		const burst = addContacts(6000, 'burst', 20); // 10:00:10 .. 10:02:10, all within the next poll's last 5 minutes
		advance(10_000);
		const first = await poller.poll();
		const state = poller.staticData().talkBoxTrigger as { since: string; readTo: string };
		// Stopped at the limits inside its last 5 minutes: the next poll reads from its start minus 5 minutes.
		expect(first.items!.length).toBeLessThan(burst.length);
		expect(state.since).toBe(isoZ(Date.now()));
		expect(Date.parse(state.readTo)).toBeLessThan(Date.now() - 30_000);
		// 2,000 contacts stamped 10:00:20..10:00:40 become visible only now (TalkBox committed them late).
		const clock = talkBoxState().clock;
		let late = start + 20_000;
		talkBoxState().clock = () => late;
		const lateIds: number[] = [];
		for (let index = 0; index < 2000; index++, late += 10) {
			lateIds.push(triggers.talkbox.addContact(talkBoxState(), { email: `late${index}@example.com` }).id);
		}
		talkBoxState().clock = clock;
		const emitted = ids(first);
		for (let poll = 0; poll < 10; poll++) {
			advance(30_000);
			sandbox.clearRequests();
			const result = await poller.poll();
			expect(result.error?.message).toBeUndefined();
			emitted.push(...ids(result));
			if (result.items === null && talkBoxWire().length === 1) break;
		}
		expect(repeats(emitted.map(String))).toEqual([]);
		expect([...emitted].sort()).toEqual([...burst, ...lateIds].sort());
	});

	test('manual test with more than a page in the last hour: windows newest first, stops at the newest 5', async () => {
		const poller = talkBoxPoller('contactCreated');
		const added = addContacts(400, 'many', 5000); // 10:00:05 .. 10:33:20
		sandbox.clearRequests();
		const result = await poller.poll({ mode: 'manual' });
		expect(ids(result)).toEqual(added.slice(-5).reverse());
		// The first answer is full: windows from the newest end (this second included), each one page.
		const window = (after: string) => ({ created_after: `2026-11-28T${after}Z`, created_before: '2026-11-28T10:33:21Z', page: '1', per_page: '100' });
		expect(talkBoxWire().map((request) => request.query)).toEqual([
			{ created_after: '2026-11-28T09:33:20Z', page: '1', per_page: '100' },
			window('10:02:10'), // full
			window('10:17:45'), // full
			window('10:25:33'), // 94: enough, the older part is not read
		]);
		expect(poller.staticData()).toEqual({});
	});

	test('10,000 contacts behind, with less than their pages left in the hourly quota: it catches up, each once', async () => {
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		const backlog = addContacts(10_000, 'bulk', 500);
		// Only 80 requests an hour are left (the account's other API users took the rest).
		talkBoxState().rate.limit = 80;
		setClock(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 60_000);
		const emitted: number[] = [];
		const sinces: string[] = [];
		for (let hour = 0; hour < 12 && emitted.length < backlog.length; hour++) {
			sandbox.clearRequests();
			const result = await poller.poll();
			expect(result.error?.message).toBeUndefined();
			emitted.push(...ids(result));
			sinces.push(String((poller.staticData().talkBoxTrigger as IDataObject).since));
			advance(3_600_000);
		}
		expect(emitted).toEqual(backlog);
		expect([...sinces].sort()).toEqual(sinces);
		expect(new Set(sinces).size).toBe(sinces.length);
	});
});

// ------------------------------------------------------------------------------ PersonaClick

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { formatDatetime } = require('../../sandbox/vendors/personaclick/common');

const pcState = () => sandbox.vendor('personaclick').state;
const pcWire = () => sandbox.requestsFor('personaclick');

interface ZoneRun {
	/** First poll (the activation), and the last. */
	start: string;
	end: string;
	/** The zone PersonaClick writes `datetime` in, and the zone its `from`/`to` days start in. */
	zone?: string;
	dayZone?: string;
	/** The n8n instance's zone (TZ) and the workflow's time zone setting. */
	instanceZone?: string;
	/** Instants whose local hour to report, read while the instance zone is in force. */
	hoursAt?: string[];
}

/**
 * An active PersonaClick Trigger polled every 20 minutes from `start` to `end`, while a change
 * happens every 7 minutes (so some fall just before and after midnight and the DST change, in
 * UTC and in the zones). Returns the changes made and those emitted, by contact.
 */
async function pollAcross(run: ZoneRun) {
	if (run.instanceZone) setProcessTimeZone(run.instanceZone);
	try {
		setClock(run.start);
		Object.assign(pcState(), { changes: [], zone: run.zone ?? 'UTC', dayZone: run.dayZone ?? 'UTC' });
		const poller = createPoller({
			type: 'personaClickTrigger',
			parameters: { event: 'subscriptionChanged', filters: {} },
			credentials: { personaClickApi: sandbox.credentials('personaclick') },
		});
		if (run.instanceZone) poller.workflow.settings = { ...poller.workflow.settings, timezone: run.instanceZone };
		expect((await poller.poll()).items).toBeNull();
		const made: string[] = [];
		const emitted: string[] = [];
		const queries: Array<{ at: string; from: string; to: string }> = [];
		let nextChange = Date.now() + 1000;
		const end = Date.parse(run.end);
		while (Date.now() < end) {
			advance(20 * 60_000);
			for (; nextChange <= Date.now(); nextChange += 7 * 60_000) {
				const contact = `c${made.length}@example.com`;
				pcState().changes.push({
					contact_type: 'email',
					contact,
					campaign_type: 'bulk',
					event: made.length % 3 === 0 ? 'unsubscribe' : 'subscribe',
					channel: 'api',
					datetime: formatDatetime(nextChange, run.zone ?? 'UTC'),
					ip: '10.0.0.1',
				});
				made.push(contact);
			}
			sandbox.clearRequests();
			const result = await poller.poll();
			expect(result.error?.message).toBeUndefined();
			emitted.push(...(result.items ?? []).map((item) => String(item.json.contact)));
			const [request] = pcWire();
			queries.push({ at: new Date(Date.now()).toISOString(), from: String(request.query.from), to: String(request.query.to) });
		}
		return { made, emitted, queries, hours: (run.hoursAt ?? []).map((iso) => new Date(iso).getHours()) };
	} finally {
		setProcessTimeZone();
	}
}

describe('PersonaClick Trigger: time zones and DST changes', () => {
	test('an n8n instance and workflow in America/New_York across the autumn change: the days sent are UTC days, each change once', async () => {
		const { made, emitted, queries, hours } = await pollAcross({
			start: '2026-10-31T18:00:00.000Z',
			end: '2026-11-02T08:00:00.000Z',
			instanceZone: 'America/New_York',
			hoursAt: ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z'],
		});
		// The instance really ran in New York time: 05:30Z is 01:30 EDT, 06:30Z is 01:30 EST.
		expect(hours).toEqual([1, 1]);
		expect(repeats(emitted)).toEqual([]);
		expect([...emitted].sort()).toEqual([...made].sort());
		expect(made.length).toBeGreaterThan(300);
		// Every poll sends UTC days whatever the instance's zone: from = the day before the previous
		// poll's UTC day, to = the day after its own (00:00Z and 00:20Z on Nov 1 are still Oct 31 in New York).
		const utcDay = (iso: string, offset: number) => new Date(Date.parse(iso) + offset * 86_400_000).toISOString().slice(0, 10);
		queries.forEach((query, index) => {
			expect(query).toEqual({ at: query.at, from: utcDay(index === 0 ? '2026-10-31T18:00:00Z' : queries[index - 1].at, -1), to: utcDay(query.at, 1) });
		});
		expect(queries.filter((query) => query.at.startsWith('2026-11-01T00:'))).toEqual([
			{ at: '2026-11-01T00:00:00.000Z', from: '2026-10-30', to: '2026-11-02' },
			{ at: '2026-11-01T00:20:00.000Z', from: '2026-10-31', to: '2026-11-02' },
			{ at: '2026-11-01T00:40:00.000Z', from: '2026-10-31', to: '2026-11-02' },
		]);
	});

	test('an n8n instance and workflow in Europe/Berlin across the spring change: each change once', async () => {
		const { made, emitted, hours } = await pollAcross({
			start: '2026-03-28T18:00:00.000Z',
			end: '2026-03-30T06:00:00.000Z',
			instanceZone: 'Europe/Berlin',
			hoursAt: ['2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'],
		});
		// 00:30Z is 01:30 CET, 01:30Z is 03:30 CEST.
		expect(hours).toEqual([1, 3]);
		expect(repeats(emitted)).toEqual([]);
		expect([...emitted].sort()).toEqual([...made].sort());
	});

	test('a shop whose datetimes and days are both New York time, across the autumn change (the hour 01:00-02:00 twice): each change once', async () => {
		const { made, emitted } = await pollAcross({
			start: '2026-10-31T18:00:00.000Z',
			end: '2026-11-02T08:00:00.000Z',
			zone: 'America/New_York',
			dayZone: 'America/New_York',
		});
		expect(repeats(emitted)).toEqual([]);
		expect([...emitted].sort()).toEqual([...made].sort());
	});

	test.each([
		['datetimes in New York time, days in UTC (autumn change)', 'America/New_York', 'UTC', '2026-10-31T18:00:00.000Z', '2026-11-03T02:00:00.000Z'],
		['datetimes in UTC, days in Berlin time (spring change)', 'UTC', 'Europe/Berlin', '2026-03-28T18:00:00.000Z', '2026-03-31T02:00:00.000Z'],
	])('a shop with %s: a change near midnight does not come back a day later', async (_name, zone, dayZone, start, end) => {
		const { made, emitted } = await pollAcross({ start, end, zone, dayZone });
		expect(repeats(emitted)).toEqual([]);
		expect([...emitted].sort()).toEqual([...made].sort());
	});
});
