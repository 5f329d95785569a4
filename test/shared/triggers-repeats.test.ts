/**
 * Repeated webhook deliveries (nodes/shared/dedupe.ts): a delivery identical to one that started a
 * run within the window is answered 200 with no run; after the window it runs again. Each case
 * runs against both n8n lines' order of answering, saving static data and starting the run
 * (trigger-harness webhookReceiver), since n8n 2.x clears the "changed" flag before it saves.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MAX_REMEMBERED, REPEAT_ANSWER, STARTED_ANSWER } from '../../nodes/shared/dedupe';
import { NODE_TYPES, useSandbox } from '../support/harness';
import { useFakeDate, webhookReceiver, type WebhookRequest, type WebhookResult } from '../support/trigger-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const triggers = require('../../sandbox/triggers');

const sandbox = useSandbox();
const { advance } = useFakeDate(sandbox, '2026-12-05T10:00:00.000Z');

const HOUR = 3_600_000;

const talkable = (parameters: INodeParameters, line: 1 | 2) =>
	webhookReceiver(
		{
			type: 'talkableTrigger',
			parameters,
			credentials: { talkableApi: { ...sandbox.credentials('talkable'), webhookKey: triggers.TALKABLE_WEBHOOK_KEY } },
		},
		line,
	);

const sailthru = (parameters: INodeParameters, line: 1 | 2) =>
	webhookReceiver({ type: 'sailthruTrigger', parameters, credentials: { sailthruApi: sandbox.credentials('sailthru') } }, line);

const TALKBOX_TOKEN = '3f9c1a7e5b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e';

const talkBoxInstant = (parameters: INodeParameters, line: 1 | 2) =>
	webhookReceiver(
		{
			type: 'talkBoxInstantTrigger',
			parameters,
			credentials: { talkBoxApi: { ...sandbox.credentials('talkbox'), webhookToken: TALKBOX_TOKEN } },
		},
		line,
	);

const contactChanged = (email: string, id = 300): WebhookRequest => ({
	headers: { 'content-type': 'application/json' },
	query: { token: TALKBOX_TOKEN },
	body: JSON.stringify({ id, email, unsubscribed_email: false }),
});

const customApp = (email: string): WebhookRequest =>
	triggers.talkableWebhookRequest({ payload: { site_id: '1', amount: '10.0', coupon_code: 'SBX-10', email } });

const optout = (email: string): WebhookRequest => ({
	headers: { 'content-type': 'application/x-www-form-urlencoded' },
	body: triggers.sailthruPostbackBody({ fields: { action: 'optout', email, optout: 'all' } }),
});

/** Started a run: 200, the answer n8n gives (the node gave it itself), the item. */
function expectStarted(result: WebhookResult, email: string) {
	expect(result.error).toBeUndefined();
	expect(result.status).toBe(200);
	expect(result.body).toEqual(STARTED_ANSWER);
	expect(result.items.map((item) => (item.json as IDataObject).email)).toEqual([email]);
}

function expectIgnored(result: WebhookResult) {
	expect(result.status).toBe(200);
	expect(result.body).toEqual(REPEAT_ANSWER);
	expect(result.items).toEqual([]);
	expect(result.result?.workflowData).toBeUndefined();
}

describe.each([1, 2] as const)('on n8n %i.x', (line) => {
	test('Talkable Custom App (default): the same signed delivery twice → one run; after 24 h it runs again', async () => {
		const receiver = talkable({}, line);
		const first = customApp('a@example.com');
		expectStarted(await receiver.deliver(first), 'a@example.com');
		expectIgnored(await receiver.deliver(first));
		expect(receiver.runs()).toBe(1);
		advance(24 * HOUR - 1000);
		expectIgnored(await receiver.deliver(first));
		advance(1000);
		expectStarted(await receiver.deliver(first), 'a@example.com');
		expect(receiver.runs()).toBe(2);
	});

	test('a record made once the workflow already has static data is saved too (n8n 2.x clears the flag before its own save)', async () => {
		const receiver = talkable({}, line);
		const [a, b] = [customApp('a@example.com'), customApp('b@example.com')];
		expectStarted(await receiver.deliver(a), 'a@example.com');
		expectStarted(await receiver.deliver(b), 'b@example.com');
		expectIgnored(await receiver.deliver(b));
		expectIgnored(await receiver.deliver(a));
		expect(receiver.runs()).toBe(2);
		// Only fingerprints are kept, never the body or the signature.
		const saved = JSON.stringify(receiver.saved());
		expect(saved).not.toContain('a@example.com');
		expect(saved).not.toContain(a.headers!['x-talkable-signature']);
	});

	test('a different body, or the option off, or a Respond mode other than Immediately: every delivery runs', async () => {
		const on = talkable({}, line);
		expectStarted(await on.deliver(customApp('a@example.com')), 'a@example.com');
		expectStarted(await on.deliver(customApp('c@example.com')), 'c@example.com');
		const off = talkable({ ignoreRepeats: false }, line);
		for (let i = 0; i < 2; i++) expect((await off.deliver(customApp('a@example.com'))).items).toHaveLength(1);
		expect(off.runs()).toBe(2);
		const lastNode = talkable({ responseMode: 'lastNode' }, line);
		for (let i = 0; i < 2; i++) {
			const result = await lastNode.deliver(customApp('a@example.com'));
			expect(result.result?.noWebhookResponse).toBeUndefined();
			expect(result.items).toHaveLength(1);
		}
		expect(lastNode.saved()).toBeNull();
	});

	test('Talkable legacy: reward, referral and unsubscribe are deduped by default; others and Check Unsubscribe are not', async () => {
		const receiver = talkable({ mode: 'legacy' }, line);
		const reward = triggers.talkableWebhookRequest({ mode: 'legacy', event: 'reward' });
		expect((await receiver.deliver(reward)).items).toHaveLength(1);
		expectIgnored(await receiver.deliver(reward));
		const share = triggers.talkableWebhookRequest({ mode: 'legacy', event: 'postShare', payload: { share: 1 } });
		for (let i = 0; i < 2; i++) expect((await receiver.deliver(share)).items).toHaveLength(1);
		const check = triggers.talkableWebhookRequest({ mode: 'legacy', event: 'checkUnsubscribe' });
		for (let i = 0; i < 2; i++) {
			const result = await receiver.deliver(check);
			expect(result.items).toHaveLength(1);
			expect(result.body).toEqual({ result: { unsubscribed: false } });
		}
		expect(receiver.runs()).toBe(5);
	});

	test('Sailthru: an opt-out postback twice → one run; a custom 1-hour window; verify is not deduped by default', async () => {
		const receiver = sailthru({ repeatWindowHours: 1 }, line);
		const postback = optout('o@example.com');
		expectStarted(await receiver.deliver(postback), 'o@example.com');
		expectIgnored(await receiver.deliver(postback));
		advance(HOUR);
		expectStarted(await receiver.deliver(postback), 'o@example.com');
		const update: WebhookRequest = {
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: triggers.sailthruPostbackBody({ fields: { action: 'update', email: 'u@example.com' } }),
		};
		for (let i = 0; i < 2; i++) expect((await receiver.deliver(update)).items).toHaveLength(1);
		expect(receiver.runs()).toBe(4);
	});

	test('TalkBox Instant: off by default (the same contact twice runs twice); on: a byte-identical repeat → one run', async () => {
		const off = talkBoxInstant({}, line);
		for (let i = 0; i < 2; i++) expect((await off.deliver(contactChanged('t@example.com'))).items).toHaveLength(1);
		expect(off.runs()).toBe(2);
		expect(off.saved()).toBeNull();
		const on = talkBoxInstant({ ignoreRepeats: true, repeatWindowHours: 2 }, line);
		expectStarted(await on.deliver(contactChanged('t@example.com')), 't@example.com');
		expectIgnored(await on.deliver(contactChanged('t@example.com')));
		expectStarted(await on.deliver(contactChanged('t@example.com', 301)), 't@example.com');
		advance(2 * HOUR);
		expectStarted(await on.deliver(contactChanged('t@example.com')), 't@example.com');
		expect(on.runs()).toBe(3);
		// The token in the URL is not part of what is kept.
		expect(JSON.stringify(on.saved())).not.toContain(TALKBOX_TOKEN);
	});
});

test(`at most ${MAX_REMEMBERED} deliveries are remembered: the oldest is forgotten first`, async () => {
	const receiver = sailthru({}, 2);
	const first = optout('first@example.com');
	expectStarted(await receiver.deliver(first), 'first@example.com');
	for (let i = 0; i < MAX_REMEMBERED; i++) {
		expect((await receiver.deliver(optout(`user${i}@example.com`))).items).toHaveLength(1);
	}
	const saved = Object.values(receiver.saved()!)[0] as IDataObject;
	expect(Object.values(saved)[0]).toHaveLength(MAX_REMEMBERED);
	expectStarted(await receiver.deliver(first), 'first@example.com');
	expectIgnored(await receiver.deliver(optout(`user${MAX_REMEMBERED - 1}@example.com`)));
});

test('the options: on by default, shown only with Respond: Immediately (Talkable), window 1–720 h', () => {
	const property = (node: string, name: string) => NODE_TYPES[node].description.properties.find((p) => p.name === name)!;
	expect(property('talkableTrigger', 'ignoreRepeats')).toMatchObject({
		default: true,
		displayOptions: { show: { mode: ['customApp'], responseMode: ['onReceived'] } },
	});
	expect(property('talkableTrigger', 'ignoreRepeatsOf')).toMatchObject({
		default: ['referral', 'reward', 'unsubscribe'],
		displayOptions: { show: { mode: ['legacy'], responseMode: ['onReceived'] } },
	});
	expect(property('talkableTrigger', 'ignoreRepeatsOf').options!.map((o) => (o as { value: string }).value)).not.toContain('checkUnsubscribe');
	expect(property('sailthruTrigger', 'ignoreRepeatsOf')).toMatchObject({ default: ['hardbounce', 'optout'] });
	expect(property('sailthruTrigger', 'repeatWindowHours')).toMatchObject({ default: 24, typeOptions: { minValue: 1, maxValue: 720 } });
	expect(property('talkBoxInstantTrigger', 'ignoreRepeats')).toMatchObject({ default: false });
	expect(property('talkBoxInstantTrigger', 'repeatWindowHours').displayOptions).toEqual({ show: { ignoreRepeats: [true] } });
	expect(property('talkableTrigger', 'repeatWindowHours').displayOptions).toEqual({ show: { responseMode: ['onReceived'] } });
});
