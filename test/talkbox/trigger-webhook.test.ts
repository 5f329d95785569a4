/**
 * TalkBox Instant Trigger (issue 25 part 4): TalkBox posts the whole contact as JSON on every
 * contact create/change, unsigned; the URL carries `?token=…`, which must equal the credential's
 * Webhook Token. Every request runs through n8n-core's real WebhookContext (test/support/trigger-harness.ts).
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { MAX_JSON_DEPTH, TOO_DEEP } from '../../nodes/shared/record';
import { MIN_TOKEN_LENGTH, MISSING_TOKEN, SHORT_TOKEN } from '../../nodes/TalkBox/trigger/instant';
import { CREDENTIAL_TYPES, NODE_TYPES, useSandbox } from '../support/harness';
import { runWebhook, visible, type WebhookResult } from '../support/trigger-harness';

const sandbox = useSandbox({ vendors: ['talkbox'] });

/** 64 hex characters, as `openssl rand -hex 32` prints. */
const TOKEN = '3f9c1a7e5b2d4c6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e';

/** The documented sample (talkbox-notes.md §1), values as there. */
const CONTACT = {
	id: 300,
	first_name: 'Barry',
	last_name: 'Hall',
	email: 'barry@example.com',
	mobile_number: null,
	gender: null,
	age: 23,
	date_of_birth: '2000-01-01T00:00:00+11:00',
	anniversary: null,
	favourite_colour: [9, 10],
	created_at: '2023-07-06 02:06:19',
	unreachable_email: false,
	unreachable_mobile: false,
	unsubscribed_email: false,
	unsubscribed_mobile: false,
};

const JSON_HEADERS = { 'content-type': 'application/json' };

/** `null`: the credential has no webhookToken field at all (saved before the field existed). */
function deliver(
	request: { query?: Record<string, string | string[]>; headers?: Record<string, string>; body?: string },
	webhookToken: string | null = TOKEN,
) {
	const credentials = { ...sandbox.credentials('talkbox'), ...(webhookToken === null ? {} : { webhookToken }) };
	return runWebhook(
		{ type: 'talkBoxInstantTrigger', parameters: {}, credentials: { talkBoxApi: credentials } },
		{ headers: request.headers ?? JSON_HEADERS, body: request.body ?? JSON.stringify(CONTACT), query: request.query },
	);
}

/** A refused request: the status, the body, no execution, and no form of a secret anywhere. */
function expectRefused(result: WebhookResult, status: number, body: unknown, secrets: string[] = [TOKEN]) {
	expect(result.status).toBe(status);
	expect(result.body).toEqual(body);
	expect(result.result?.noWebhookResponse).toBe(true);
	expect(result.result?.workflowData).toBeUndefined();
	expect(result.items).toEqual([]);
	const shown = visible(result);
	for (const secret of secrets) {
		expect(shown).not.toContain(secret);
		expect(shown).not.toContain(Buffer.from(secret).toString('base64'));
	}
	// The refusal is logged (a warning naming the node and the reason).
	expect(result.logs.filter((line) => line.startsWith('warn: TalkBox Instant Trigger "Trigger Under Test" refused a request'))).toHaveLength(1);
}

describe('TalkBox Instant Trigger: description and credential', () => {
	const node = NODE_TYPES.talkBoxInstantTrigger;

	test('a webhook trigger node registered in package.json, answering onReceived with n8n\'s default message', async () => {
		expect(node).toBeDefined();
		expect(node.constructor.name).toBe('TalkBoxInstantTrigger');
		const d = node.description;
		expect(d).toMatchObject({ displayName: 'TalkBox Instant Trigger', name: 'talkBoxInstantTrigger', group: ['trigger'], version: 1, inputs: [], outputs: ['main'] });
		expect(d.icon).toEqual(NODE_TYPES.talkBoxTrigger.description.icon);
		expect(d.credentials).toEqual([{ name: 'talkBoxApi', required: true }]);
		expect(d.usableAsTool).toBeUndefined();
		expect(d.polling).toBeUndefined();
		expect(d.webhooks).toEqual([{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' }]);
		const methods = (node as unknown as { webhookMethods: { default: Record<string, () => Promise<boolean>> } }).webhookMethods.default;
		for (const method of ['checkExists', 'create', 'delete']) await expect(methods[method].call({})).resolves.toBe(true);
	});

	test('the setup notice comes first: where in TalkBox, the token, HTTPS, untick API (loop), whole contact', () => {
		const [notice, ...rest] = NODE_TYPES.talkBoxInstantTrigger.description.properties;
		expect(notice.type).toBe('notice');
		// Then the opt-in repeat option (test/shared/triggers-repeats.test.ts): nothing else.
		expect(rest.map((property) => property.name)).toEqual(['ignoreRepeats', 'repeatWindowHours']);
		for (const part of ['Tools → Developers → Webhooks', 'Production URL', '?token=', 'Webhook Token', 'HTTPS', 'Untick API', 'loop', 'whole contact']) {
			expect([part, notice.displayName.includes(part)]).toEqual([part, true]);
		}
		// The polling trigger points to this one for contacts.
		expect(NODE_TYPES.talkBoxTrigger.description.description).toContain('TalkBox Instant Trigger');
	});

	test('talkBoxApi: an optional password field webhookToken, unused by authentication and the credential test', async () => {
		const credential = CREDENTIAL_TYPES.talkBoxApi;
		const field = credential.properties.find((p) => p.name === 'webhookToken')!;
		expect(field).toMatchObject({ displayName: 'Webhook Token', type: 'string', typeOptions: { password: true }, default: '' });
		expect(field.required).toBeFalsy();
		expect(field.description).toContain('openssl rand -hex 32');
		expect(field.description).toContain('?token=');
		expect(JSON.stringify(credential.test)).not.toContain('webhookToken');
		const authenticate = credential.authenticate as (c: IDataObject, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
		const data: IDataObject = { ...sandbox.credentials('talkbox'), webhookToken: TOKEN };
		const signed = await authenticate(data, { url: '/account' });
		expect(signed).toEqual({ url: '/account', auth: { username: data.username, password: data.password } });
	});
});

describe('TalkBox Instant Trigger: deliveries', () => {
	test('the right token → 200 {"message":"Workflow was started"}, one item: the contact as posted', async () => {
		const result = await deliver({ query: { token: TOKEN } });
		expect(result.status).toBe(200);
		expect(result.body).toEqual({ message: 'Workflow was started' });
		expect(result.items.map((item) => item.json)).toEqual([CONTACT]);
		expect(result.logs.filter((line) => line.startsWith('warn'))).toEqual([]);
	});

	test('a charset parameter and unknown keys are fine (parse tolerantly): still the whole body, one item', async () => {
		const contact = { ...CONTACT, tags: ['VIP'], updated_at: '2023-07-07 10:00:00', nested: { a: { b: 1 } } };
		const result = await deliver({ query: { token: TOKEN }, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(contact) });
		expect(result.status).toBe(200);
		expect(result.items.map((item) => item.json)).toEqual([contact]);
	});

	test('a repeated token parameter: the first one counts', async () => {
		expect((await deliver({ query: { token: [TOKEN, 'wrong'] } })).status).toBe(200);
		expectRefused(await deliver({ query: { token: ['wrong', TOKEN] } }), 401, { error: 'Unauthorized' });
	});

	test('surrounding whitespace of the credential\'s token (a paste) is ignored', async () => {
		expect((await deliver({ query: { token: TOKEN } }, `  ${TOKEN}\n`)).status).toBe(200);
	});

	test.each([
		['no token', {}],
		['an empty token', { token: '' }],
		['a wrong token of the same length', { token: `${TOKEN.slice(0, -1)}0` }],
		['the token without its last character', { token: TOKEN.slice(0, -1) }],
		['the token and more', { token: `${TOKEN}0` }],
		['the token in another case', { token: TOKEN.toUpperCase() }],
		['the token under another name', { key: TOKEN }],
		['a token that is not text', { token: { value: TOKEN } as unknown as string }],
	])('%s → 401 {"error":"Unauthorized"}, no execution, the token shown nowhere', async (_, query) => {
		expectRefused(await deliver({ query }), 401, { error: 'Unauthorized' });
	});

	test.each([
		['empty', ''],
		['only spaces', '   '],
		['absent (saved before the field existed)', null],
	])('the credential\'s token %s → 401 with the setup message, even for a request without a token', async (_, webhookToken) => {
		for (const query of [undefined, { token: '' }, { token: 'anything' }]) {
			const result = await deliver({ query }, webhookToken);
			expectRefused(result, 401, { error: MISSING_TOKEN });
			expect(result.logs.join('\n')).toContain('the credential has no Webhook Token');
		}
		expect(MISSING_TOKEN).toContain('openssl rand -hex 32');
	});

	test(`the credential's token shorter than ${MIN_TOKEN_LENGTH} characters → 401 "too short", even when the request carries it`, async () => {
		const short = 'a1b2c3d4e5f6a7b8c9d0e1f'; // 23 characters
		expect(short).toHaveLength(MIN_TOKEN_LENGTH - 1);
		const result = await deliver({ query: { token: short } }, short);
		expectRefused(result, 401, { error: SHORT_TOKEN }, [short]);
		expect(SHORT_TOKEN).toContain('too short');
		// 24 characters are enough.
		const enough = `${short}0`;
		expect((await deliver({ query: { token: enough } }, enough)).status).toBe(200);
	});

	test.each([
		['text/plain', JSON.stringify(CONTACT)],
		['application/x-www-form-urlencoded', 'id=300&email=barry%40example.com'],
		['', JSON.stringify(CONTACT)],
	])('Content-Type "%s" with the right token → 415, no execution', async (contentType, body) => {
		const result = await deliver({ query: { token: TOKEN }, headers: contentType ? { 'content-type': contentType } : {}, body });
		expectRefused(result, 415, { error: 'The body must be JSON (Content-Type: application/json)' });
	});

	test('the token is checked first: a wrong token with a form body → 401, not 415', async () => {
		const result = await deliver({ query: { token: 'wrong' }, headers: { 'content-type': 'text/plain' }, body: 'x' });
		expectRefused(result, 401, { error: 'Unauthorized' });
	});

	test.each([
		['an array', JSON.stringify([CONTACT])],
		['null', 'null'],
		['a string', '"barry@example.com"'],
		['a number', '300'],
	])('a JSON body that is %s, not an object → 400, no execution', async (_, body) => {
		const result = await deliver({ query: { token: TOKEN }, body });
		expectRefused(result, 400, { error: 'The body must be a JSON object (a TalkBox contact)' });
	});

	test('__proto__, constructor and prototype keys stay plain data; the item is a null-prototype record', async () => {
		const body = '{"id":301,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":"x","nested":{"__proto__":{"polluted":true}}}';
		const result = await deliver({ query: { token: TOKEN }, body });
		expect(result.status).toBe(200);
		const [{ json }] = result.items;
		expect(Object.getPrototypeOf(json)).toBeNull();
		expect(Object.keys(json)).toEqual(['id', '__proto__', 'constructor', 'prototype', 'nested']);
		expect(Object.getOwnPropertyDescriptor(json, '__proto__')!.value).toEqual({ polluted: true });
		expect(Object.getOwnPropertyDescriptor(json, 'constructor')!.value).toEqual({ prototype: { polluted: true } });
		const nested = json.nested as IDataObject;
		expect(Object.getOwnPropertyDescriptor(nested, '__proto__')!.value).toEqual({ polluted: true });
		expect(({} as IDataObject).polluted).toBeUndefined();
		expect((Object.prototype as IDataObject).polluted).toBeUndefined();
	});

	test(`nesting is bounded: deeper than ${MAX_JSON_DEPTH} levels is cut`, async () => {
		const levels = 5_000;
		const body = `{"id":302,"deep":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`;
		const result = await deliver({ query: { token: TOKEN }, body });
		expect(result.status).toBe(200);
		// The item is level 1, `deep` level 2; the first level past the bound holds the marker.
		let level = 2;
		let current: unknown = result.items[0].json.deep;
		while (current !== null && typeof current === 'object') {
			current = (current as IDataObject).a;
			level += 1;
		}
		expect(current).toBe(TOO_DEEP);
		expect(level).toBe(MAX_JSON_DEPTH + 1);
	});
});
