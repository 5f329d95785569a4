import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CREDENTIAL_TYPES, NODE_TYPES, useSandbox } from '../support/harness';
import { runWebhook, visible, type WebhookResult } from '../support/trigger-harness';
import { talkable } from '../../nodes/Talkable/profile';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const triggers = require('../../sandbox/triggers');

const sandbox = useSandbox();

const json = (result: WebhookResult) => result.items.map((item) => item.json);

/** A refused request: 401 (or the given status), a short body, no execution, nothing secret shown. */
function expectRefused(result: WebhookResult, secrets: string[], status = 401) {
	expect(result.status).toBe(status);
	expect(result.result?.noWebhookResponse).toBe(true);
	expect(result.items).toEqual([]);
	expect(result.result?.workflowData).toBeUndefined();
	const shown = visible(result);
	for (const secret of secrets) expect(shown).not.toContain(secret);
}

describe('descriptions', () => {
	test.each([
		['talkableTrigger', 'Talkable Trigger', 'talkableApi', 'TalkableTrigger'],
		['sailthruTrigger', 'Sailthru Trigger', 'sailthruApi', 'SailthruTrigger'],
		['talkBoxTrigger', 'TalkBox Trigger', 'talkBoxApi', 'TalkBoxTrigger'],
		['personaClickTrigger', 'PersonaClick Trigger', 'personaClickApi', 'PersonaClickTrigger'],
	])('%s: trigger conventions', async (name, displayName, credential, className) => {
		const node = NODE_TYPES[name];
		expect(node).toBeDefined();
		expect(node.constructor.name).toBe(className);
		const d = node.description;
		expect(d.displayName).toBe(displayName);
		expect(d.inputs).toEqual([]);
		expect(d.outputs).toEqual(['main']);
		expect(d.group).toEqual(['trigger']);
		expect(d.usableAsTool).toBeUndefined();
		expect(d.credentials).toEqual([{ name: credential, required: true }]);
		const polling = name === 'talkBoxTrigger' || name === 'personaClickTrigger';
		expect(Boolean(d.polling)).toBe(polling);
		if (polling) {
			expect(typeof node.poll).toBe('function');
			expect(d.webhooks).toBeUndefined();
		} else {
			expect(d.webhooks).toEqual([expect.objectContaining({ name: 'default', httpMethod: 'POST', path: 'webhook' })]);
			expect(typeof node.webhook).toBe('function');
			// No registration API: the lifecycle hooks do nothing and say the webhook exists.
			const methods = (node as unknown as { webhookMethods: { default: Record<string, () => Promise<boolean>> } }).webhookMethods.default;
			for (const method of ['checkExists', 'create', 'delete']) await expect(methods[method].call({})).resolves.toBe(true);
		}
		// The setup notice comes first.
		expect(d.properties[0].type).toBe('notice');
	});

	test('talkableApi has an optional webhookKey (password) that is treated as a secret', () => {
		const field = CREDENTIAL_TYPES.talkableApi.properties.find((p) => p.name === 'webhookKey')!;
		expect(field).toMatchObject({ type: 'string', typeOptions: { password: true }, default: '' });
		expect(field.required).toBeFalsy();
		expect(field.displayName).toBe('Webhook Security Key');
		expect(talkable.secretFields).toContain('webhookKey');
	});
});

// ------------------------------------------------------------------------------ Talkable

const VECTOR_KEY = 'example_webhook_key';
const VECTOR_BODY = '{"site_id":"1","email":"advocate@example.com","referral_status":"approved"}';
const VECTOR_HEADER = 'YThlODcxODVkZjliOWVmMDUzYTU2YTM4ZDk4ZDVlYjFhYzI0NWZlMjJkZDQ0OGVhNDViMTg0MWVkMjk4NDYxYQ==';
const VECTOR_RAW_DIGEST = 'qOhxhd+bnvBTpWo42Y1esawkX+It1EjqRbGEHtKYRho=';

/** `null`: the credential has no webhookKey field at all (saved before the field existed). */
const talkableCredentials = (webhookKey: string | null) => ({
	talkableApi: { ...sandbox.credentials('talkable'), ...(webhookKey === null ? {} : { webhookKey }) },
});

function talkableTrigger(
	parameters: INodeParameters,
	request: { headers?: Record<string, string>; body: string },
	webhookKey: string | null = triggers.TALKABLE_WEBHOOK_KEY,
) {
	return runWebhook({ type: 'talkableTrigger', parameters, credentials: talkableCredentials(webhookKey) }, request);
}

describe('Talkable Trigger: Custom App', () => {
	test('the contract vector (base64 of the hex digest) is accepted; the body is output unchanged', async () => {
		expect(triggers.talkableSignature(VECTOR_BODY, VECTOR_KEY)).toBe(VECTOR_HEADER);
		const result = await talkableTrigger(
			{ mode: 'customApp' },
			{ headers: { 'content-type': 'application/json', 'x-talkable-signature': VECTOR_HEADER }, body: VECTOR_BODY },
			VECTOR_KEY,
		);
		expect(result.status).toBe(200);
		expect(json(result)).toEqual([{ site_id: '1', email: 'advocate@example.com', referral_status: 'approved' }]);
		expect(result.body).toEqual({ message: 'Workflow was started' });
	});

	test('base64 of the raw digest (the common mistake) → 401, no execution', async () => {
		const result = await talkableTrigger(
			{ mode: 'customApp' },
			{ headers: { 'content-type': 'application/json', 'x-talkable-signature': VECTOR_RAW_DIGEST }, body: VECTOR_BODY },
			VECTOR_KEY,
		);
		expectRefused(result, [VECTOR_KEY, VECTOR_HEADER, VECTOR_RAW_DIGEST]);
		expect(result.body).toEqual({ error: 'Unauthorized' });
	});

	test('the signature covers the raw bytes: the same JSON re-serialised with spaces does not verify', async () => {
		const spaced = JSON.stringify(JSON.parse(VECTOR_BODY), null, 1);
		const result = await talkableTrigger(
			{},
			{ headers: { 'content-type': 'application/json', 'x-talkable-signature': VECTOR_HEADER }, body: spaced },
			VECTOR_KEY,
		);
		expectRefused(result, [VECTOR_KEY]);
	});

	test.each(['signature', 'missing', 'rawDigest', 'tamper'])('forged (%s) → 401, no execution, nothing secret shown', async (forge) => {
		const request = triggers.talkableWebhookRequest({ forge });
		const result = await talkableTrigger({ mode: 'customApp' }, request);
		expectRefused(result, [triggers.TALKABLE_WEBHOOK_KEY, request.headers['x-talkable-signature']].filter(Boolean));
		expect(result.logs.join('\n')).toMatch(/refused a request/);
	});

	test('a signature made with another key (key mismatch) → 401', async () => {
		const request = triggers.talkableWebhookRequest({ key: 'another-sites-key' });
		expectRefused(await talkableTrigger({}, request), [triggers.TALKABLE_WEBHOOK_KEY, 'another-sites-key']);
	});

	test('no Webhook Security Key in the credential → 401 with the setup message, never an open door', async () => {
		for (const key of [null, '']) {
			const request = triggers.talkableWebhookRequest({ key: 'anything' });
			const result = await talkableTrigger({ mode: 'customApp' }, request, key);
			expectRefused(result, []);
			expect(result.body).toEqual({ error: expect.stringContaining('Menu → Webhooks') });
			expect(result.logs.join('\n')).toContain('no Webhook Security Key');
		}
		expect(String(NODE_TYPES.talkableTrigger.description.properties[0].displayName)).toContain('nothing runs while it is empty');
	});

	test('a legacy form webhook at a Custom App node → 401 (even with the right key)', async () => {
		const request = triggers.talkableWebhookRequest({ mode: 'legacy' });
		expectRefused(await talkableTrigger({ mode: 'customApp' }, request), [triggers.TALKABLE_WEBHOOK_KEY]);
	});

	test('every verified Custom App request runs (no action filter), one item each', async () => {
		for (const payload of [
			{ site_id: '1', email: 'a@example.com', email_optin: 'true', phone_number: '', phone_optin: 'false' },
			{ site_id: '1', coupon_code: 'C-1', coupon_discount_amount: '5.0' },
			{ site_id: '1', type: 'Purchase', created_at: '2024-11-25 10:00:00 -0800', subtotal: '59.9', email: 'f@example.com' },
		]) {
			const result = await talkableTrigger({}, triggers.talkableWebhookRequest({ payload }));
			expect(result.status).toBe(200);
			expect(json(result)).toEqual([payload]);
		}
	});

	test('a verified body that is not JSON → 400, no execution', async () => {
		const body = 'not json';
		const result = await talkableTrigger(
			{},
			{ headers: { 'content-type': 'text/plain', 'x-talkable-signature': triggers.talkableSignature(body, triggers.TALKABLE_WEBHOOK_KEY) }, body },
		);
		expectRefused(result, [triggers.TALKABLE_WEBHOOK_KEY], 400);
	});
});

const LEGACY_TYPES: Record<string, string> = {
	reward: 'reward_web_hook',
	referral: 'referral_web_hook',
	event: 'event_web_hook',
	postShare: 'post_share_web_hook',
	offerSignup: 'offer_signup_web_hook',
	claimSignup: 'claim_signup_web_hook',
	unsubscribe: 'unsubscribe_web_hook',
	checkUnsubscribe: 'check_unsubscribe_web_hook',
	createCoupon: 'create_coupon_web_hook',
};

describe('Talkable Trigger: legacy webhooks', () => {
	test.each(Object.entries(LEGACY_TYPES))('%s (%s) is parsed into one item', async (event, type) => {
		const payload = { person: { email: `${event}@example.com` }, n: 1 };
		const request = triggers.talkableWebhookRequest({ mode: 'legacy', event, payload, site: 'my-store', extras: { a: 1 } });
		expect(request.body).toContain(`type=${type}`);
		const result = await talkableTrigger({ mode: 'legacy', events: [] }, request);
		expect(result.status).toBe(200);
		expect(json(result)).toEqual([{ event, type, site: 'my-store', payload, extras: { a: 1 } }]);
		if (event === 'checkUnsubscribe') expect(result.body).toEqual({ result: { unsubscribed: false } });
		else expect(result.body).toEqual({ message: 'Workflow was started' });
		expect(visible(result)).not.toContain(triggers.TALKABLE_WEBHOOK_KEY);
	});

	test('a wrong or missing key → 401, no execution', async () => {
		for (const forge of ['key', 'missing']) {
			const result = await talkableTrigger({ mode: 'legacy' }, triggers.talkableWebhookRequest({ mode: 'legacy', forge }));
			expectRefused(result, [triggers.TALKABLE_WEBHOOK_KEY, `${triggers.TALKABLE_WEBHOOK_KEY}-forged`]);
		}
	});

	test('a signed Custom App request at a legacy node → 401', async () => {
		expectRefused(await talkableTrigger({ mode: 'legacy' }, triggers.talkableWebhookRequest()), [triggers.TALKABLE_WEBHOOK_KEY]);
	});

	test('no Webhook Security Key → 401 even when the posted key is empty too', async () => {
		const request = triggers.talkableWebhookRequest({ mode: 'legacy', key: '' });
		const result = await talkableTrigger({ mode: 'legacy' }, request, '');
		expectRefused(result, []);
		expect(result.body).toEqual({ error: expect.stringContaining('Webhook Security Key') });
	});

	test('an unselected event → 200 and no execution; a selected one runs', async () => {
		const parameters = { mode: 'legacy', events: ['reward', 'unsubscribe'] };
		const ignored = await talkableTrigger(parameters, triggers.talkableWebhookRequest({ mode: 'legacy', event: 'postShare' }));
		expect(ignored.status).toBe(200);
		expect(ignored.items).toEqual([]);
		expect(ignored.result?.workflowData).toBeUndefined();
		const check = await talkableTrigger(parameters, triggers.talkableWebhookRequest({ mode: 'legacy', event: 'checkUnsubscribe' }));
		expect(check.status).toBe(200);
		expect(check.items).toEqual([]);
		expect(check.body).toEqual({ result: { unsubscribed: false } });
		const run = await talkableTrigger(parameters, triggers.talkableWebhookRequest({ mode: 'legacy', event: 'reward' }));
		expect(json(run)).toEqual([expect.objectContaining({ event: 'reward', type: 'reward_web_hook' })]);
	});

	test('payload and extras that are not JSON stay strings', async () => {
		const body = new URLSearchParams({
			key: triggers.TALKABLE_WEBHOOK_KEY,
			site: 's',
			type: 'event_web_hook',
			extras: '',
			payload: 'plain',
		}).toString();
		const result = await talkableTrigger({ mode: 'legacy' }, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
		expect(json(result)).toEqual([{ event: 'event', type: 'event_web_hook', site: 's', payload: 'plain', extras: '' }]);
	});
});

describe('Talkable Trigger: response mode', () => {
	test.each(['onReceived', 'lastNode', 'responseNode'])('the webhook answers per the Respond parameter (%s)', async (responseMode) => {
		const { Workflow } = await import('n8n-workflow');
		const node = {
			id: 'n',
			name: 'T',
			type: 'n8n-nodes-engagement.talkableTrigger',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: { responseMode },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: { getByName: () => NODE_TYPES.talkableTrigger, getByNameAndVersion: () => NODE_TYPES.talkableTrigger, getKnownTypes: () => ({}) },
		});
		const expression = NODE_TYPES.talkableTrigger.description.webhooks![0].responseMode as string;
		expect(workflow.expression.getSimpleParameterValue(workflow.getNode('T')!, expression, 'webhook', {})).toBe(responseMode);
		// The node still hands the item over; n8n answers from the workflow in the other modes
		// (lastNode: the last node's first item).
		const result = await talkableTrigger({ responseMode }, triggers.talkableWebhookRequest());
		expect(result.items).toHaveLength(1);
		if (responseMode === 'onReceived') expect(result.body).toEqual({ message: 'Workflow was started' });
		else expect(result.body).toEqual({ answeredBy: responseMode, responseData: responseMode === 'lastNode' ? 'firstEntryJson' : '' });
	});
});

// ------------------------------------------------------------------------------ Sailthru

const UPDATE_RAW =
	'action=update&api_key=abc123key&email=ann%40example.com&sid=5f1e2d3c4b5a69788796a5b4&page=preferences&optout_email=none&lists%5BNewsletter%5D=1&lists%5BDaily+Deals%5D=0&vars%5Bfirst_name%5D=Ann&vars%5Bcity%5D=Z%C3%BCrich';
const UPDATE_SIG = 'fcd56d59c4de9e9e28835ef9a49ca497';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function sailthruTrigger(parameters: INodeParameters, body: string, credentials: IDataObject = sandbox.credentials('sailthru')) {
	return runWebhook(
		{ type: 'sailthruTrigger', parameters, credentials: { sailthruApi: credentials as Record<string, string> } },
		{ headers: FORM, body },
	);
}

const postback = (fields: IDataObject, forge?: string) => triggers.sailthruPostbackBody({ fields, forge });

describe('Sailthru Trigger: verification', () => {
	const vectorCredentials = { apiKey: 'abc123key', apiSecret: 'shhh-secret', baseUrl: 'http://127.0.0.1:9' };

	test('the contract update vector is accepted; brackets are nested; sig and api_key are dropped', async () => {
		const result = await sailthruTrigger({}, `${UPDATE_RAW}&sig=${UPDATE_SIG}`, vectorCredentials);
		expect(result.status).toBe(200);
		expect(result.body).toEqual({ message: 'Workflow was started' });
		expect(json(result)).toEqual([
			{
				action: 'update',
				email: 'ann@example.com',
				sid: '5f1e2d3c4b5a69788796a5b4',
				page: 'preferences',
				optout_email: 'none',
				lists: { Newsletter: '1', 'Daily Deals': '0' },
				vars: { first_name: 'Ann', city: 'Zürich' },
				event: 'update',
			},
		]);
	});

	test('the update vector with one value changed, or checked with another secret → 401', async () => {
		expectRefused(await sailthruTrigger({}, `${UPDATE_RAW.replace('Ann', 'Anne')}&sig=${UPDATE_SIG}`, vectorCredentials), ['shhh-secret']);
		expectRefused(
			await sailthruTrigger({}, `${UPDATE_RAW}&sig=${UPDATE_SIG}`, { ...vectorCredentials, apiSecret: 'other-secret' }),
			['shhh-secret', 'other-secret'],
		);
	});

	test('the optout vector of sailthru-api.md is accepted', async () => {
		const body = 'email=user@example.com&mode=all&optout=1&action=optout&api_key=example_api_key&sig=9a154eaf4e37f9353b86cf228fe495e7';
		const result = await sailthruTrigger({}, body, { apiKey: 'example_api_key', apiSecret: 'example_secret', baseUrl: 'http://127.0.0.1:9' });
		expect(result.status).toBe(200);
		expect(json(result)).toEqual([{ email: 'user@example.com', mode: 'all', optout: '1', action: 'optout', event: 'optout' }]);
	});

	test.each(['signature', 'apiKey', 'missing', 'tamper'])('forged postback (%s) → 401, no execution', async (forge) => {
		const result = await sailthruTrigger({}, postback({ action: 'optout', email: 'x@example.com', optout: 1 }, forge));
		const { apiKey, apiSecret } = sandbox.credentials('sailthru');
		expectRefused(result, [apiSecret, apiKey]);
		expect(result.logs.join('\n')).toMatch(/refused a postback/);
	});

	test('a postback with the right values but sent as JSON → 401', async () => {
		const result = await runWebhook(
			{ type: 'sailthruTrigger', parameters: {}, credentials: { sailthruApi: sandbox.credentials('sailthru') } },
			{ headers: { 'content-type': 'application/json' }, body: '{"action":"optout"}' },
		);
		expectRefused(result, []);
	});

	test('a credential without API key or secret → 401 with the setup message', async () => {
		for (const missing of [{ apiSecret: '' }, { apiKey: '' }]) {
			const result = await sailthruTrigger({}, postback({ action: 'optout', email: 'x@example.com' }), { ...sandbox.credentials('sailthru'), ...missing });
			expectRefused(result, [sandbox.credentials('sailthru').apiSecret]);
			expect(result.body).toEqual({ error: expect.stringContaining('Settings → API & Integrations') });
		}
	});
});

describe('Sailthru Trigger: events', () => {
	test('optout, update and job postbacks are parsed (no API confirmation needed)', async () => {
		const cases: Array<[IDataObject, IDataObject]> = [
			[{ action: 'optout', email: 'o@example.com', optout: 1, mode: 'all' }, { event: 'optout', email: 'o@example.com', optout: '1' }],
			[{ action: 'update', email: 'u@example.com', lists: { Daily: 0 } }, { event: 'update', lists: { Daily: '0' } }],
			[{ job_id: 'job-77', name: 'export', status: 'completed', export_url: 'https://x/y.csv' }, { event: 'job', job_id: 'job-77', status: 'completed' }],
		];
		for (const [fields, expected] of cases) {
			const result = await sailthruTrigger({}, postback(fields));
			expect(result.status).toBe(200);
			expect(json(result)).toEqual([expect.objectContaining(expected)]);
		}
		expect(sandbox.requestsFor('sailthru')).toEqual([]);
	});

	test('verify: confirmed by a signed GET /send that returns the posted email', async () => {
		triggers.seedSailthruSend(sandbox.vendor('sailthru'), { send_id: 'S-1', email: 'v@example.com', template: 'welcome' });
		const result = await sailthruTrigger({}, postback({ action: 'verify', email: 'v@example.com', send_id: 'S-1' }));
		expect(result.status).toBe(200);
		expect(json(result)).toEqual([{ action: 'verify', email: 'v@example.com', send_id: 'S-1', event: 'verify' }]);
		const [request] = sandbox.requestsFor('sailthru');
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/send');
		expect(JSON.parse(request.query.json as string)).toEqual({ send_id: 'S-1' });
		expect(request.query.api_key).toBe(sandbox.credentials('sailthru').apiKey);
		expect(request.query.sig).toMatch(/^[0-9a-f]{32}$/);
	});

	test('verify: another email, an unknown send or no send_id → 401', async () => {
		triggers.seedSailthruSend(sandbox.vendor('sailthru'), { send_id: 'S-1', email: 'v@example.com' });
		expectRefused(await sailthruTrigger({}, postback({ action: 'verify', email: 'attacker@example.com', send_id: 'S-1' })), []);
		expectRefused(await sailthruTrigger({}, postback({ action: 'verify', email: 'v@example.com', send_id: 'S-404' })), []);
		expectRefused(await sailthruTrigger({}, postback({ action: 'verify', email: 'v@example.com' })), []);
	});

	test('verify: the API failing (500) → 500, no execution; Confirm With API off → no call', async () => {
		triggers.seedSailthruSend(sandbox.vendor('sailthru'), { send_id: 'S-1', email: 'v@example.com' });
		sandbox.fault('sailthru', { path: '/send', status: 500, body: { error: 9, errormsg: 'Internal error' } });
		const failed = await sailthruTrigger({}, postback({ action: 'verify', email: 'v@example.com', send_id: 'S-1' }));
		expectRefused(failed, [sandbox.credentials('sailthru').apiSecret], 500);
		sandbox.clearFaults();
		sandbox.clearRequests();
		const unconfirmed = await sailthruTrigger({ confirmWithApi: false }, postback({ action: 'verify', email: 'x@example.com', send_id: 'S-9' }));
		expect(unconfirmed.status).toBe(200);
		expect(unconfirmed.items).toHaveLength(1);
		expect(sandbox.requestsFor('sailthru')).toEqual([]);
	});

	test('hardbounce: confirmed by GET /send (send_id) or GET /blast (blast_id)', async () => {
		triggers.seedSailthruSend(sandbox.vendor('sailthru'), { send_id: 'S-2', email: 'b@example.com' });
		triggers.seedSailthruSend(sandbox.vendor('sailthru'), { blast_id: '9001', name: 'November' });
		const bySend = await sailthruTrigger({}, postback({ action: 'hardbounce', email: 'b@example.com', send_id: 'S-2' }));
		expect(json(bySend)).toEqual([{ action: 'hardbounce', email: 'b@example.com', send_id: 'S-2', event: 'hardbounce' }]);
		const byBlast = await sailthruTrigger({}, postback({ action: 'hardbounce', email: 'c@example.com', blast_id: '9001' }));
		expect(json(byBlast)).toEqual([expect.objectContaining({ event: 'hardbounce', blast_id: '9001' })]);
		expect(sandbox.requestsFor('sailthru').map((r) => r.path)).toEqual(['/send', '/blast']);
		expectRefused(await sailthruTrigger({}, postback({ action: 'hardbounce', email: 'c@example.com', blast_id: '404' })), []);
		expectRefused(await sailthruTrigger({}, postback({ action: 'hardbounce', email: 'c@example.com' })), []);
	});

	test('an unselected event → 200 and no execution (and no API call)', async () => {
		const result = await sailthruTrigger({ events: ['optout'] }, postback({ action: 'verify', email: 'v@example.com', send_id: 'S-1' }));
		expect(result.status).toBe(200);
		expect(result.items).toEqual([]);
		expect(result.result?.workflowData).toBeUndefined();
		expect(sandbox.requestsFor('sailthru')).toEqual([]);
		const selected = await sailthruTrigger({ events: ['optout'] }, postback({ action: 'optout', email: 'o@example.com' }));
		expect(selected.items).toHaveLength(1);
	});
});
