import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { customAppVerified } from '../../nodes/Talkable/trigger/webhook';
import { verifyPostback } from '../../nodes/Sailthru/trigger/postback';
import { formPairs } from '../../nodes/shared/trigger';
import { startSandbox, type Sandbox } from '../support/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const triggers = require('../../sandbox/triggers');

/** A receiver standing in for n8n: records what the sandbox sends and answers 200. */
let receiver: Server;
let received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
let receiverUrl: string;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"ok":true}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
	await sandbox.close();
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
	sandbox.reset();
	received = [];
});

async function admin(route: string, body?: object) {
	const response = await fetch(`${sandbox.origin}${route}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as any };
}

describe('sandbox trigger admin routes (/_sandbox/…)', () => {
	test('GET /_sandbox lists the routes; an unknown one is a 404', async () => {
		const list = await admin('/_sandbox');
		expect(list.status).toBe(200);
		expect(Object.keys(list.body)).toEqual(expect.arrayContaining(['POST /_sandbox/talkable/webhook', 'POST /_sandbox/personaclick/unsubscribe']));
		expect((await admin('/_sandbox/nope', {})).status).toBe(404);
	});

	test('POST /_sandbox/talkable/webhook sends a correctly signed Custom App request (and a forged one on request)', async () => {
		const payload = { site_id: '1', email: 'a@example.com' };
		const answer = await admin('/_sandbox/talkable/webhook', { url: receiverUrl, payload });
		expect(answer).toEqual({ status: 200, body: expect.objectContaining({ status: 200, body: { ok: true } }) });
		expect(received[0].body).toBe(JSON.stringify(payload));
		const signature = String(received[0].headers['x-talkable-signature']);
		expect(customAppVerified(Buffer.from(received[0].body), signature, triggers.TALKABLE_WEBHOOK_KEY)).toBe(true);
		await admin('/_sandbox/talkable/webhook', { url: receiverUrl, payload, forge: 'signature' });
		expect(customAppVerified(Buffer.from(received[1].body), String(received[1].headers['x-talkable-signature']), triggers.TALKABLE_WEBHOOK_KEY)).toBe(false);
		await admin('/_sandbox/talkable/webhook', { url: receiverUrl, mode: 'legacy', event: 'postShare' });
		const form = new URLSearchParams(received[2].body);
		expect([form.get('key'), form.get('type')]).toEqual([triggers.TALKABLE_WEBHOOK_KEY, 'post_share_web_hook']);
	});

	test('POST /_sandbox/sailthru/postback sends a postback the node verifies (a forged one it does not)', async () => {
		const { apiKey, apiSecret } = sandbox.credentials('sailthru');
		await admin('/_sandbox/sailthru/postback', { url: receiverUrl, fields: { action: 'optout', email: 'o@example.com', optout: 1 } });
		expect(received[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(verifyPostback(formPairs(Buffer.from(received[0].body)), apiKey, apiSecret)).toEqual({ ok: true });
		await admin('/_sandbox/sailthru/postback', { url: receiverUrl, fields: { action: 'optout', email: 'o@example.com' }, forge: 'signature' });
		expect(verifyPostback(formPairs(Buffer.from(received[1].body)), apiKey, apiSecret).ok).toBe(false);
	});

	test('TalkBox and PersonaClick state change on request', async () => {
		const contact = await admin('/_sandbox/talkbox/contacts', { email: 'new@example.com', first_name: 'New' });
		expect(contact.status).toBe(200);
		const state = sandbox.vendor('talkbox').state;
		expect(state.contacts.get(contact.body.id)).toEqual(expect.objectContaining({ email: 'new@example.com' }));
		const updated = await admin('/_sandbox/talkbox/contacts/update', { id: contact.body.id, first_name: 'Renamed' });
		expect(updated.body.first_name).toBe('Renamed');
		expect((await admin('/_sandbox/talkbox/subscriptions', { contact_id: 300, subscribed: false })).body.subscribed).toBe(false);
		const voucher = await admin('/_sandbox/talkbox/vouchers', { contact_id: 300 });
		expect((await admin('/_sandbox/talkbox/vouchers/redeem', { id: voucher.body.id })).body.redeemed_at).toEqual(expect.any(String));
		expect((await admin('/_sandbox/talkbox/surveys', { score: 3 })).body.score).toBe(3);
		expect((await admin('/_sandbox/talkbox/contacts/update', { id: 1 })).status).toBe(400);

		const before = sandbox.vendor('personaclick').state.changes.length;
		const change = await admin('/_sandbox/personaclick/unsubscribe', { email: 'john.doe@examplemail.com' });
		expect(change.body).toEqual(expect.objectContaining({ contact: 'john.doe@examplemail.com', event: 'unsubscribe', contact_type: 'email' }));
		expect(sandbox.vendor('personaclick').state.changes).toHaveLength(before + 1);
		expect((await admin('/_sandbox/personaclick/unsubscribe', {})).status).toBe(400);
	});
});

describe('TalkBox sandbox: the contact webhook (Tools → Developers → Webhooks)', () => {
	/** A request to the TalkBox sandbox's API, as the TalkBox node makes it (Basic auth, JSON). */
	async function talkBoxApi(method: string, path: string, body?: object) {
		const { username, password } = sandbox.credentials('talkbox');
		const response = await fetch(`${sandbox.url('talkbox')}${path}`, {
			method,
			headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: (await response.json()) as any };
	}
	const webhook = () => sandbox.vendor('talkbox').state.webhook as { deliveries: Array<{ done: Promise<unknown>; status?: number }> };
	const settledDeliveries = async () => Promise.all(webhook().deliveries.map((delivery) => delivery.done));

	test('API is among the methods: a contact created, then changed, through the API is posted whole as JSON, each time', async () => {
		const configured = await admin('/_sandbox/talkbox/webhook', { url: `${receiverUrl}?token=t0k3n`, methods: ['API', 'Form'] });
		expect(configured).toEqual({ status: 200, body: { url: `${receiverUrl}?token=t0k3n`, methods: ['API', 'Form'] } });

		const created = await talkBoxApi('POST', '/contact', { email: 'hook@example.com', first_name: 'Hook' });
		expect(created.status).toBe(200);
		const changed = await talkBoxApi('PUT', `/contact/${created.body.id}`, { last_name: 'Changed' });
		expect(changed.status).toBe(200);
		await settledDeliveries();

		expect(received).toHaveLength(2);
		for (const request of received) expect(request.headers['content-type']).toBe('application/json');
		const [first, second] = received.map((request) => JSON.parse(request.body));
		expect(first).toEqual(created.body);
		// The whole contact as stored, not a diff: GET /contact/:id answers the same.
		expect(second).toEqual((await talkBoxApi('GET', `/contact/${created.body.id}`)).body);
		expect(second).toEqual(expect.objectContaining({ id: created.body.id, email: 'hook@example.com', first_name: 'Hook', last_name: 'Changed' }));

		const report = await admin('/_sandbox/talkbox/webhook');
		expect(report.body.webhook).toEqual({ url: `${receiverUrl}?token=t0k3n`, methods: ['API', 'Form'] });
		expect(report.body.deliveries.map((d: any) => [d.contact_id, d.method, d.status, d.body])).toEqual([
			[created.body.id, 'API', 200, { ok: true }],
			[created.body.id, 'API', 200, { ok: true }],
		]);
	});

	test('API is not among the methods: API changes are not posted; a change in the app (User) is', async () => {
		await admin('/_sandbox/talkbox/webhook', { url: receiverUrl, methods: ['User'] });
		const created = await talkBoxApi('POST', '/contact', { email: 'quiet@example.com' });
		expect(created.status).toBe(200);
		await talkBoxApi('POST', '/contact/create_or_update', { email: 'quiet@example.com', first_name: 'Still quiet' });
		// Deliveries are recorded while the API request is answered: none for these two.
		expect(webhook().deliveries).toEqual([]);
		const inApp = await admin('/_sandbox/talkbox/contacts/update', { id: created.body.id, first_name: 'Edited in the app' });
		await settledDeliveries();
		expect(received.map((request) => JSON.parse(request.body))).toEqual([inApp.body]);
		expect(inApp.body).toEqual(expect.objectContaining({ email: 'quiet@example.com', first_name: 'Edited in the app' }));
	});

	test('nothing is posted without a webhook, for a refused write, or after the webhook is removed', async () => {
		await talkBoxApi('POST', '/contact', { email: 'none@example.com' });
		await admin('/_sandbox/talkbox/webhook', { url: receiverUrl, methods: ['API'] });
		expect((await talkBoxApi('POST', '/contact', { first_name: 'No email or mobile' })).status).toBe(422);
		expect((await admin('/_sandbox/talkbox/webhook', { url: null })).body).toEqual({ url: null, methods: [] });
		await talkBoxApi('POST', '/contact', { email: 'after@example.com' });
		expect(webhook().deliveries).toEqual([]);
		expect(received).toEqual([]);
		expect((await admin('/_sandbox/talkbox/webhook', { url: receiverUrl, methods: ['Email'] })).status).toBe(400);
		expect((await admin('/_sandbox/talkbox/webhook', { url: 'ftp://example.com' })).status).toBe(400);
	});

	test('sendTalkBoxWebhook posts a contact as TalkBox does (JSON, no signature)', async () => {
		const answer = await triggers.sendTalkBoxWebhook(receiverUrl, { id: 300, email: 'barry@example.com' });
		expect(answer).toEqual(expect.objectContaining({ status: 200, body: { ok: true } }));
		expect(received).toEqual([{ headers: expect.objectContaining({ 'content-type': 'application/json' }), body: '{"id":300,"email":"barry@example.com"}' }]);
	});
});
