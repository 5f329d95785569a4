import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { OVERLAP_MS } from '../../nodes/TalkBox/trigger/poll';
import { changeFingerprint, sortableDatetime } from '../../nodes/PersonaClick/trigger/poll';
import { useSandbox } from '../support/harness';
import type { RecordedRequest } from '../support/helpers';
import { createPoller, useFakeDate, visible, type PollResult } from '../support/trigger-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const triggers = require('../../sandbox/triggers');

const sandbox = useSandbox();

const { setClock, advance } = useFakeDate(sandbox, '2026-11-28T10:00:00.000Z');

const ids = (result: PollResult) => (result.items ?? []).map((item) => item.json.id);
const isoZ = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

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

function addContacts(count: number, prefix = 'new') {
	return Array.from({ length: count }, (_, index) =>
		triggers.talkbox.addContact(talkBoxState(), { email: `${prefix}${index}-${Date.now()}@example.com`, first_name: `N${index}` }),
	);
}

describe('TalkBox Trigger', () => {
	test('activation records a baseline and emits nothing; then each new contact comes once', async () => {
		const poller = talkBoxPoller('contactCreated');
		const first = await poller.poll({ activation: 'activate' });
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(poller.staticData().talkBoxTrigger).toEqual({ event: 'contactCreated', since: isoZ(Date.now()), readTo: isoZ(Date.now()), seen: [] });
		const [request] = talkBoxWire();
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/contact');
		expect(request.query).toEqual({ created_after: isoZ(Date.now() - OVERLAP_MS), page: '1', per_page: '100' });
		expect(request.headers.authorization).toMatch(/^Basic /);

		advance(60_000);
		const added = addContacts(3);
		advance(60_000);
		sandbox.clearRequests();
		const second = await poller.poll();
		expect(ids(second)).toEqual(added.map((c: IDataObject) => c.id));
		expect(second.items![0].json).toEqual(expect.objectContaining({ email: added[0].email, created_at: added[0].created_at }));
		expect(talkBoxWire()[0].query.created_after).toBe(isoZ(Date.now() - 60_000 - 60_000 - OVERLAP_MS));

		advance(60_000);
		expect((await poller.poll()).items).toBeNull();
	});

	test('more than a page: time windows that each fit on one page, pages only for one crowded second; several polls give every record once', async () => {
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		advance(30_000);
		const bulk = addContacts(205, 'bulk'); // all stamped 10:00:30
		advance(30_000);
		sandbox.clearRequests();
		const paged = await poller.poll();
		const window = (after: string, before: string, page = '1') => ({
			created_after: `2026-11-28T${after}Z`,
			created_before: `2026-11-28T${before}Z`,
			page,
			per_page: '100',
		});
		expect(talkBoxWire().map((r) => r.query)).toEqual([
			{ created_after: '2026-11-28T09:55:00Z', page: '1', per_page: '100' }, // full: read by windows up to its Date, 10:01:00
			window('09:55:00', '10:00:30'), // ends before the page's 75th stamp (10:00:30): empty
			window('10:00:29', '10:01:00'), // the rest: full, all in 10:00:30
			window('10:00:29', '10:00:31'), // that one second, by pages
			window('10:00:29', '10:00:31', '2'),
			window('10:00:29', '10:00:31', '3'),
			window('10:00:30', '10:01:00'), // the rest
		]);
		expect(ids(paged)).toEqual(bulk.map((c: IDataObject) => c.id));
		expect((poller.staticData().talkBoxTrigger as IDataObject).since).toBe('2026-11-28T10:01:00Z');

		const emitted = [...ids(paged)];
		const all = bulk.map((c: IDataObject) => c.id);
		for (let round = 0; round < 4; round++) {
			advance(45_000);
			all.push(...addContacts(round + 1, `r${round}`).map((c: IDataObject) => c.id));
			advance(45_000);
			const result = await poller.poll();
			expect(result.error).toBeUndefined();
			emitted.push(...ids(result));
		}
		expect(emitted).toEqual(all);
		expect(new Set(emitted).size).toBe(emitted.length);
	});

	test('a failed poll (429) throws and leaves the state; the next poll finds what it missed', async () => {
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		advance(60_000);
		const missed = addContacts(2, 'missed');
		const before = JSON.stringify(poller.staticData());
		sandbox.fault('talkbox', { path: '/contact', status: 429, body: { code: 429, description: 'Rate limit exceeded' }, times: 1 });
		const failed = await poller.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toContain('Rate limit exceeded');
		expect(failed.error?.httpCode).toBe('429');
		expect(JSON.stringify(poller.staticData())).toBe(before);
		expect(visible(failed)).not.toContain(sandbox.credentials('talkbox').password);

		advance(60_000);
		expect(ids(await poller.poll())).toEqual(missed.map((c: IDataObject) => c.id));
	});

	test('a failure on a later request of the poll leaves the state untouched too (it is written only after the last one)', async () => {
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		advance(60_000);
		const added = addContacts(150, 'p');
		const instance = sandbox.vendor('talkbox');
		const original = instance.handle;
		let count = 0;
		instance.handle = (req: object) =>
			++count === 2 ? { status: 500, body: { code: 500, description: 'Request 2 broke' } } : original(req);
		const before = JSON.stringify(poller.staticData());
		const failed = await poller.poll();
		instance.handle = original;
		expect(talkBoxWire().map((r: RecordedRequest) => Object.keys(r.query).sort().join(','))).toEqual([
			'created_after,page,per_page',
			'created_after,page,per_page',
			'created_after,created_before,page,per_page',
		]);
		expect(failed.error?.message).toContain('Request 2 broke');
		expect(JSON.stringify(poller.staticData())).toBe(before);
		advance(60_000);
		expect(ids(await poller.poll())).toEqual(added.map((c: IDataObject) => c.id));
	});

	test('since is the Date header of the first answer when the server says (skewed clock)', async () => {
		talkBoxState().clock = () => Date.now() - 3 * 60_000;
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		expect((poller.staticData().talkBoxTrigger as IDataObject).since).toBe(isoZ(Date.now() - 3 * 60_000));
		// A contact stamped by the server's (late) clock a minute after its "now" is still found.
		advance(60_000);
		const [late] = addContacts(1, 'late');
		expect(ids(await poller.poll())).toEqual([late.id]);
	});

	test('manual test: the newest 5, newest first, without reading or writing state', async () => {
		const poller = talkBoxPoller('contactCreated');
		const added: IDataObject[] = [];
		for (let index = 0; index < 7; index++) {
			advance(60_000);
			added.push(...addContacts(1, `m${index}`));
		}
		const result = await poller.poll({ mode: 'manual' });
		expect(ids(result)).toEqual(added.slice(2).reverse().map((c) => c.id));
		expect(poller.staticData()).toEqual({});
		expect(talkBoxWire()[0].query.created_after).toBe(isoZ(Date.now() - 3_600_000));
	});

	test('manual test with nothing in the last 7 days looks back 1 h, 24 h, 7 days and then fails', async () => {
		const poller = talkBoxPoller('contactCreated');
		const result = await poller.poll({ mode: 'manual' });
		expect(result.error?.message).toBe('No data with the current filter could be found');
		expect(talkBoxWire().map((r) => r.query.created_after)).toEqual([
			isoZ(Date.now() - 3_600_000),
			isoZ(Date.now() - 86_400_000),
			isoZ(Date.now() - 7 * 86_400_000),
		]);
		expect(poller.staticData()).toEqual({});
	});

	test('contactUpdated: new contacts count, each update of a contact comes once', async () => {
		const poller = talkBoxPoller('contactUpdated');
		await poller.poll();
		advance(60_000);
		const [contact] = addContacts(1, 'u');
		triggers.talkbox.updateContact(talkBoxState(), { id: 303, first_name: 'Renamed' });
		advance(60_000);
		const first = await poller.poll();
		expect(ids(first).sort()).toEqual([303, contact.id].sort());
		expect(talkBoxWire().at(-1)!.query).toEqual(expect.objectContaining({ updated_after: expect.any(String) }));
		advance(60_000);
		expect((await poller.poll()).items).toBeNull();
		advance(60_000);
		triggers.talkbox.updateContact(talkBoxState(), { id: 303, first_name: 'Again' });
		advance(1000);
		const again = await poller.poll();
		expect(again.items!.map((i) => [i.json.id, i.json.first_name])).toEqual([[303, 'Again']]);
	});

	test('subscriptionCreated and unsubscriptionCreated split GET /subscriptions by subscribed', async () => {
		const subscribed = talkBoxPoller('subscriptionCreated');
		const unsubscribed = talkBoxPoller('unsubscriptionCreated');
		await subscribed.poll();
		await unsubscribed.poll();
		advance(60_000);
		const on = triggers.talkbox.addSubscription(talkBoxState(), { contact_id: 304, subscribed: true });
		const off = triggers.talkbox.addSubscription(talkBoxState(), { contact_id: 305, subscribed: false });
		advance(60_000);
		sandbox.clearRequests();
		expect((await subscribed.poll()).items!.map((i) => i.json)).toEqual([on]);
		expect((await unsubscribed.poll()).items!.map((i) => i.json)).toEqual([off]);
		expect(talkBoxWire().map((r) => [r.path, Object.keys(r.query).sort().join(',')])).toEqual([
			['/subscriptions', 'created_after,page,per_page'],
			['/subscriptions', 'created_after,page,per_page'],
		]);
	});

	test('voucherIssued (issued_after, key url) and voucherRedeemed (redeemed_after, key url + redeemed_at)', async () => {
		const issued = talkBoxPoller('voucherIssued');
		const redeemed = talkBoxPoller('voucherRedeemed');
		await issued.poll();
		await redeemed.poll();
		advance(60_000);
		const voucher = triggers.talkbox.issueVoucher(talkBoxState(), { contact_id: 301 });
		triggers.talkbox.redeemVoucher(talkBoxState(), { id: 1 });
		advance(60_000);
		sandbox.clearRequests();
		const issuedItems = (await issued.poll()).items!;
		expect(issuedItems.map((i) => i.json.url)).toEqual([voucher.url]);
		const redeemedItems = (await redeemed.poll()).items!;
		expect(redeemedItems.map((i) => i.json.id)).toEqual([1]);
		expect(redeemedItems[0].json.redeemed_at).toBe(isoZ(Date.now() - 60_000));
		expect(talkBoxWire()[0].query).toEqual(expect.objectContaining({ issued_after: expect.any(String) }));
		expect(talkBoxWire()[1].query).toEqual(expect.objectContaining({ redeemed_after: expect.any(String) }));
		advance(60_000);
		expect((await issued.poll()).items).toBeNull();
		expect((await redeemed.poll()).items).toBeNull();
	});

	test('surveyResponseCreated reads GET /surveys with from (the endpoint is not paged)', async () => {
		const poller = talkBoxPoller('surveyResponseCreated');
		await poller.poll();
		advance(60_000);
		const survey = triggers.talkbox.addSurveyResponse(talkBoxState(), { contact_id: 302, score: 10 });
		advance(60_000);
		sandbox.clearRequests();
		expect((await poller.poll()).items!.map((i) => i.json)).toEqual([survey]);
		expect(talkBoxWire()).toHaveLength(1);
		expect(talkBoxWire()[0].query).toEqual({ from: isoZ(Date.now() - 120_000 - OVERLAP_MS) });
	});

	test('changing the event starts over from a baseline (no flood of the other list)', async () => {
		const poller = talkBoxPoller('contactCreated');
		await poller.poll();
		advance(60_000);
		addContacts(2);
		(poller.workflow.getNode('Trigger Under Test')!.parameters as IDataObject).event = 'contactUpdated';
		expect((await poller.poll()).items).toBeNull();
		expect((poller.staticData().talkBoxTrigger as IDataObject).event).toBe('contactUpdated');
	});
});

// ------------------------------------------------------------------------------ PersonaClick

const pcState = () => sandbox.vendor('personaclick').state;
const pcWire = () => sandbox.requestsFor('personaclick');

function personaClickPoller(filters: INodeParameters = {}, credentials: IDataObject = {}) {
	return createPoller({
		type: 'personaClickTrigger',
		parameters: { event: 'subscriptionChanged', filters },
		credentials: { personaClickApi: { ...sandbox.credentials('personaclick'), ...credentials } as Record<string, string> },
	});
}

const contacts = (result: PollResult) => (result.items ?? []).map((item) => item.json.contact);

describe('PersonaClick Trigger', () => {
	test('activation reads yesterday..tomorrow into seen and emits nothing; an unsubscribe then comes once', async () => {
		const poller = personaClickPoller();
		const first = await poller.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		const [request] = pcWire();
		const { shopId, shopSecret } = sandbox.credentials('personaclick');
		expect(request.path).toBe('/subscriptions/changes');
		expect(request.query).toEqual({
			from: '2026-11-27',
			to: '2026-11-29',
			offset: '0',
			limit: '20000',
			shop_id: shopId,
			shop_secret: shopSecret,
		});
		const state = poller.staticData().personaClickTrigger as { fromDay: string; seen: Record<string, string> };
		expect(state.fromDay).toBe('2026-11-27');
		// The seed's 45 changes of the last 15 hours (its 2021 ones are outside the window).
		expect(Object.keys(state.seen)).toHaveLength(45);

		advance(60_000);
		const change = triggers.personaclick.unsubscribe(pcState(), { email: 'gone@example.com' });
		advance(60_000);
		const second = await poller.poll();
		expect(second.items!.map((i) => i.json)).toEqual([change]);
		expect(change).toEqual(expect.objectContaining({ event: 'unsubscribe', channel: 'unsubscribe_page', contact_type: 'email' }));
		advance(60_000);
		expect((await poller.poll()).items).toBeNull();
	});

	test('across the day boundary: nothing missed, nothing repeated, fingerprints kept while a query can return them', async () => {
		setClock('2026-11-28T23:58:00.000Z');
		pcState().changes = [];
		const poller = personaClickPoller();
		await poller.poll();
		advance(60_000); // 23:59
		triggers.personaclick.addChange(pcState(), { contact: 'late@example.com', event: 'unsubscribe' });
		advance(2 * 60_000); // 00:01 next day
		triggers.personaclick.addChange(pcState(), { contact: 'early@example.com', event: 'unsubscribe' });
		sandbox.clearRequests();
		const crossing = await poller.poll();
		expect(contacts(crossing)).toEqual(['late@example.com', 'early@example.com']);
		expect(pcWire()[0].query).toEqual(expect.objectContaining({ from: '2026-11-27', to: '2026-11-30' }));
		const state = poller.staticData().personaClickTrigger as { fromDay: string; seen: Record<string, string> };
		expect(state.fromDay).toBe('2026-11-28');
		expect(Object.values(state.seen).sort()).toEqual(['2026-11-28', '2026-11-29']);

		advance(60_000);
		sandbox.clearRequests();
		expect((await poller.poll()).items).toBeNull();
		expect(pcWire()[0].query.from).toBe('2026-11-28');

		setClock('2026-11-30T00:05:00.000Z');
		triggers.personaclick.addChange(pcState(), { contact: 'day-after@example.com' });
		sandbox.clearRequests();
		const later = await poller.poll();
		expect(contacts(later)).toEqual(['day-after@example.com']);
		// seen is what this poll read (from 2026-11-28): the next poll reads from 2026-11-29, a part of it.
		expect(pcWire()[0].query.from).toBe('2026-11-28');
		const kept = poller.staticData().personaClickTrigger as { fromDay: string; seen: Record<string, string> };
		expect(kept.fromDay).toBe('2026-11-29');
		expect(Object.values(kept.seen).sort()).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);

		advance(60_000);
		sandbox.clearRequests();
		expect((await poller.poll()).items).toBeNull();
		expect(pcWire()[0].query.from).toBe('2026-11-29');
		const pruned = poller.staticData().personaClickTrigger as { fromDay: string; seen: Record<string, string> };
		expect(Object.values(pruned.seen).sort()).toEqual(['2026-11-29', '2026-11-30']);
	});

	test('pages of 20,000 are followed; identical records count once; oldest first', async () => {
		const poller = personaClickPoller();
		await poller.poll();
		advance(1000);
		pcState().addChanges(20_003, (i: number) => ({ contact: `bulk${i}@example.com` }));
		const duplicate = triggers.personaclick.addChange(pcState(), { contact: 'twice@example.com' });
		pcState().changes.push({ ...duplicate });
		sandbox.clearRequests();
		const result = await poller.poll();
		expect(pcWire().map((r) => [r.query.offset, r.query.limit])).toEqual([
			['0', '20000'],
			['20000', '20000'],
		]);
		expect(result.items).toHaveLength(20_004);
		expect(contacts(result).filter((c) => c === 'twice@example.com')).toHaveLength(1);
		expect(new Set(contacts(result)).size).toBe(20_004);
		advance(1000);
		expect((await poller.poll()).items).toBeNull();
	});

	test('both datetime formats are accepted and ordered together', async () => {
		expect(sortableDatetime('2026-11-28 9:05:01')).toBe('2026-11-28T09:05:01.000');
		expect(sortableDatetime('2026-11-28T09:05:00.120')).toBe('2026-11-28T09:05:00.120');
		const poller = personaClickPoller();
		await poller.poll();
		pcState().changes.push(
			{ contact_type: 'email', contact: 'b@example.com', campaign_type: 'bulk', event: 'subscribe', channel: 'api', datetime: '2026-11-28 09:59:30', ip: '1.1.1.1' },
			{ contact_type: 'email', contact: 'a@example.com', campaign_type: 'bulk', event: 'subscribe', channel: 'api', datetime: '2026-11-28T09:59:10.000', ip: '1.1.1.1' },
		);
		expect(contacts(await poller.poll())).toEqual(['a@example.com', 'b@example.com']);
	});

	test('filters: one event or channel goes to the API, several are applied locally, contact type locally', async () => {
		const single = personaClickPoller({ events: ['unsubscribe'], channels: ['unsubscribe_page'] });
		await single.poll();
		expect(pcWire()[0].query).toEqual(expect.objectContaining({ event: 'unsubscribe', channel: 'unsubscribe_page' }));
		sandbox.clearRequests();
		const several = personaClickPoller({ events: ['unsubscribe', 'hard_bounced'], contactTypes: ['sms'] });
		await several.poll();
		expect(pcWire()[0].query.event).toBeUndefined();
		advance(1000);
		triggers.personaclick.addChange(pcState(), { contact: 'mail@example.com', event: 'unsubscribe', channel: 'unsubscribe_page' });
		triggers.personaclick.addChange(pcState(), { contact: 'api@example.com', event: 'unsubscribe', channel: 'api' });
		triggers.personaclick.addChange(pcState(), { contact_type: 'sms', contact: '+15550001111', event: 'hard_bounced' });
		triggers.personaclick.addChange(pcState(), { contact_type: 'sms', contact: '+15550002222', event: 'subscribe' });
		expect(contacts(await several.poll())).toEqual(['+15550001111']);
		expect(contacts(await single.poll())).toEqual(['mail@example.com']);
	});

	test('a failed poll (429) throws and leaves the state; the next poll finds the change', async () => {
		const poller = personaClickPoller();
		await poller.poll();
		advance(60_000);
		triggers.personaclick.unsubscribe(pcState(), { email: 'retry@example.com' });
		const before = JSON.stringify(poller.staticData());
		sandbox.fault('personaclick', { path: '/subscriptions/changes', status: 429, body: { status: 'error', payload: { message: 'Too many requests' } }, times: 1 });
		const failed = await poller.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toContain('Too many requests');
		expect(JSON.stringify(poller.staticData())).toBe(before);
		expect(visible(failed)).not.toContain(sandbox.credentials('personaclick').shopSecret);
		expect(visible(failed)).not.toContain(encodeURIComponent(sandbox.credentials('personaclick').shopSecret));
		advance(60_000);
		expect(contacts(await poller.poll())).toEqual(['retry@example.com']);
	});

	test('manual test: newest 5 from yesterday..tomorrow, else the last 7 days, else the no-data error', async () => {
		const poller = personaClickPoller();
		const recent = await poller.poll({ mode: 'manual' });
		const seeded = pcState().changes.slice(-5).reverse().map((c: IDataObject) => c.contact);
		expect(contacts(recent)).toEqual(seeded);
		expect(poller.staticData()).toEqual({});

		pcState().changes = [
			{ contact_type: 'email', contact: 'old@example.com', campaign_type: 'bulk', event: 'unsubscribe', channel: 'crm', datetime: '2026-11-24T08:00:00.000', ip: '1.1.1.1' },
		];
		sandbox.clearRequests();
		expect(contacts(await poller.poll({ mode: 'manual' }))).toEqual(['old@example.com']);
		expect(pcWire().map((r) => r.query.from)).toEqual(['2026-11-27', '2026-11-21']);

		pcState().changes = [];
		const none = await poller.poll({ mode: 'manual' });
		expect(none.error?.message).toBe('No data with the current filter could be found');
		expect(poller.staticData()).toEqual({});
	});

	test('an empty Shop Secret is a clear setup error and nothing is sent', async () => {
		const poller = personaClickPoller({}, { shopSecret: '' });
		const result = await poller.poll();
		expect(result.error?.message).toBe('The credential has no Shop Secret');
		expect(result.error?.description).toContain('Store Settings');
		expect(pcWire()).toEqual([]);
	});

	test('the fingerprint covers the identifying fields as raw strings', () => {
		const base = { contact_type: 'email', contact: 'a@x.io', campaign_type: 'bulk', event: 'subscribe', channel: 'api', datetime: '2026-11-28T10:00:00.000', ip: '1.2.3.4' };
		expect(changeFingerprint(base)).toBe(changeFingerprint({ ...base }));
		for (const field of Object.keys(base)) {
			expect(changeFingerprint({ ...base, [field]: `${(base as IDataObject)[field]}x` })).not.toBe(changeFingerprint(base));
		}
	});
});
