/**
 * Keys chosen by outsiders (issue 22, row 3): every place where a webhook or postback sender, a
 * vendor's response, an input item or a user typing a name chooses an object key. Each test sends
 * `__proto__`, `constructor` and `prototype` (nested too: `__proto__[x]`, `constructor[prototype][x]`)
 * and checks the exact outcome (the webhook's answer and item, the request on the wire to the
 * sandbox, the item out) and that nothing reached `Object.prototype` of this process: the key is
 * a plain key of the data, or refused with a clear error naming it.
 */
import type { IDataObject, INodeParameters, ResourceMapperField, ResourceMapperValue } from 'n8n-workflow';

import { runNode, useSandbox, type RunResult } from '../support/harness';
import { json, type RecordedRequest } from '../support/helpers';
import { runWebhook } from '../support/trigger-harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const triggers = require('../../sandbox/triggers');

const sandbox = useSandbox();

/** The name every hostile key tries to plant on Object.prototype. */
const MARK = 'pwnedByOutsiderKey';
const planted = () => (({}) as Record<string, unknown>)[MARK];

/** Object.prototype's own names before each test: a test that adds one fails, and is cleaned up. */
let prototypeNames: string[] = [];
beforeEach(() => {
	prototypeNames = Object.getOwnPropertyNames(Object.prototype);
});
afterEach(() => {
	const added = Object.getOwnPropertyNames(Object.prototype).filter((name) => !prototypeNames.includes(name));
	for (const name of added) delete (Object.prototype as Record<string, unknown>)[name];
	expect(added).toEqual([]);
});

/** An object whose own keys include `__proto__` (JSON.parse keeps it a plain key, as on the wire). */
const parsed = (text: string): IDataObject => JSON.parse(text) as IDataObject;

/** Every object level of a value has no prototype (null-prototype records all the way down). */
function expectNullPrototypes(value: unknown) {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
	expect(Object.getPrototypeOf(value)).toBeNull();
	for (const entry of Object.values(value)) expectNullPrototypes(entry);
}

const wire = (vendor: string): RecordedRequest[] => sandbox.requestsFor(vendor);

async function run(
	type: string,
	credential: string,
	vendor: string,
	parameters: INodeParameters,
	extra: Partial<Parameters<typeof runNode>[0]> = {},
): Promise<RunResult> {
	return await runNode({
		type,
		parameters: { retry: { initialDelayMs: 5 }, ...parameters },
		credentials: { [credential]: sandbox.credentials(vendor) },
		...extra,
	});
}

// ------------------------------------------------------------------------------ Sailthru Trigger

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function sailthruTrigger(parameters: INodeParameters, fields: IDataObject) {
	return runWebhook(
		{ type: 'sailthruTrigger', parameters, credentials: { sailthruApi: sandbox.credentials('sailthru') } },
		{ headers: FORM, body: triggers.sailthruPostbackBody({ fields }) },
	);
}

describe('Sailthru Trigger (postback.ts postbackFields, SailthruTrigger.node.ts)', () => {
	test('a signed postback with __proto__[x], constructor[prototype][x], prototype[x] and bare prototype names: 200, every name a plain key', async () => {
		const fields = parsed(`{
			"action": "optout",
			"email": "o@example.com",
			"__proto__": { "${MARK}": "1" },
			"constructor": { "prototype": { "${MARK}": "2" } },
			"prototype": { "${MARK}": "3" },
			"vars": { "__proto__": { "${MARK}": "4" }, "toString": "5", "hasOwnProperty": "6" },
			"lists": { "constructor": "1" }
		}`);
		const body = triggers.sailthruPostbackBody({ fields });
		expect(body).toContain(`__proto__%5B${MARK}%5D=1`);
		expect(body).toContain(`constructor%5Bprototype%5D%5B${MARK}%5D=2`);
		const result = await sailthruTrigger({}, fields);
		expect(planted()).toBeUndefined();
		expect(result.status).toBe(200);
		expect(result.body).toEqual({ message: 'Workflow was started' });
		expect(result.items).toHaveLength(1);
		const item = result.items[0].json;
		expectNullPrototypes(item);
		expect(JSON.stringify(item)).toBe(
			`{"action":"optout","email":"o@example.com","__proto__":{"${MARK}":"1"},"constructor":{"prototype":{"${MARK}":"2"}},` +
				`"prototype":{"${MARK}":"3"},"vars":{"__proto__":{"${MARK}":"4"},"toString":"5","hasOwnProperty":"6"},"lists":{"constructor":"1"},"event":"optout"}`,
		);
		expect(Object.keys(item)).toEqual(['action', 'email', '__proto__', 'constructor', 'prototype', 'vars', 'lists', 'event']);
	});

	test('bare names that an object inherits (constructor, toString, __proto__) are kept, not dropped', async () => {
		const result = await sailthruTrigger({}, parsed('{"action":"update","email":"u@example.com","constructor":"c","toString":"t","__proto__":"p","valueOf":"v"}'));
		expect(planted()).toBeUndefined();
		expect(result.status).toBe(200);
		expect(JSON.stringify(result.items[0].json)).toBe(
			'{"action":"update","email":"u@example.com","constructor":"c","toString":"t","__proto__":"p","valueOf":"v","event":"update"}',
		);
	});

	test('confirm.ts: a verify postback whose send_id and email come only from __proto__[…] has no send_id → 401, no API call', async () => {
		triggers.seedSailthruSend(sandbox.vendor('sailthru'), { send_id: 'S-1', email: 'v@example.com' });
		const result = await sailthruTrigger(
			{},
			parsed('{"action":"verify","__proto__":{"send_id":"S-1","email":"v@example.com"},"constructor":{"prototype":{"send_id":"S-1"}}}'),
		);
		expect(({} as Record<string, unknown>).send_id).toBeUndefined();
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ error: 'Unauthorized' });
		expect(result.items).toEqual([]);
		expect(result.logs.join('\n')).toContain('refused a postback: a verify postback without send_id');
		expect(wire('sailthru')).toEqual([]);
	});

	test('the events filter reads only the posted action: __proto__[action] does not make an event', async () => {
		const result = await sailthruTrigger({ events: ['optout'] }, parsed('{"email":"x@example.com","__proto__":{"action":"optout"}}'));
		expect(({} as Record<string, unknown>).action).toBeUndefined();
		expect(result.status).toBe(200);
		expect(result.body).toEqual({ received: true, ignored: true });
		expect(result.items).toEqual([]);
	});
});

// ------------------------------------------------------------------------------ Talkable Trigger

function talkableTrigger(parameters: INodeParameters, request: { headers?: Record<string, string>; body: string }) {
	return runWebhook(
		{
			type: 'talkableTrigger',
			parameters,
			credentials: { talkableApi: { ...sandbox.credentials('talkable'), webhookKey: triggers.TALKABLE_WEBHOOK_KEY } },
		},
		request,
	);
}

describe('Talkable Trigger (webhook.ts parseLegacy, TalkableTrigger.node.ts)', () => {
	test('Custom App: a signed JSON body with __proto__, constructor.prototype and prototype keys → 200, the body as sent', async () => {
		const body = `{"email":"a@example.com","__proto__":{"${MARK}":1},"constructor":{"prototype":{"${MARK}":2}},"prototype":{"${MARK}":3}}`;
		const result = await talkableTrigger({ mode: 'customApp' }, triggers.talkableWebhookRequest({ payload: body }));
		expect(planted()).toBeUndefined();
		expect(result.status).toBe(200);
		expect(result.body).toEqual({ message: 'Workflow was started' });
		expect(result.items).toHaveLength(1);
		expect(JSON.stringify(result.items[0].json)).toBe(body);
		expect(Object.keys(result.items[0].json)).toEqual(['email', '__proto__', 'constructor', 'prototype']);
	});

	test('legacy form: prototype names among the fields, in payload and extras → 200, the same item as without them', async () => {
		const form = new URLSearchParams([
			['__proto__', 'p'],
			[`__proto__[${MARK}]`, '1'],
			[`constructor[prototype][${MARK}]`, '2'],
			['constructor', 'c'],
			['prototype', 'x'],
			['key', triggers.TALKABLE_WEBHOOK_KEY],
			['site', 'sandbox-site'],
			['type', 'reward_web_hook'],
			['payload', `{"__proto__":{"${MARK}":1},"constructor":{"prototype":{"${MARK}":2}}}`],
			['extras', `{"prototype":{"${MARK}":3}}`],
		]);
		const result = await talkableTrigger(
			{ mode: 'legacy' },
			{ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
		);
		expect(planted()).toBeUndefined();
		expect(result.status).toBe(200);
		expect(result.body).toEqual({ message: 'Workflow was started' });
		expect(JSON.stringify(json(result.items))).toBe(
			`[{"event":"reward","type":"reward_web_hook","site":"sandbox-site","payload":{"__proto__":{"${MARK}":1},"constructor":{"prototype":{"${MARK}":2}}},"extras":{"prototype":{"${MARK}":3}}}]`,
		);
	});

	test('legacy form: a key field only under __proto__[key] is no key → 401', async () => {
		const form = new URLSearchParams([
			['__proto__[key]', triggers.TALKABLE_WEBHOOK_KEY],
			['type', 'reward_web_hook'],
			['payload', '{}'],
		]);
		const result = await talkableTrigger(
			{ mode: 'legacy' },
			{ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() },
		);
		expect(({} as Record<string, unknown>).key).toBeUndefined();
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ error: 'Unauthorized' });
		expect(result.items).toEqual([]);
	});
});

// ------------------------------------------------------------------------------ n8n's HTTP client

/** The message of the input error for a name a JSON request cannot carry. */
const unsendable = (label: string, key: string) =>
	`${label}: "${key}" cannot be sent as a name: n8n's HTTP client leaves __proto__, constructor and prototype out of requests [item 0]`;

describe("why the JSON vendors refuse these names: n8n's HTTP client drops them", () => {
	test('a JSON body and a query with __proto__, constructor and prototype keys reach the server without them', async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { httpRequest } = require('n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions');
		const body = parsed(`{"kept":1,"__proto__":{"${MARK}":1},"constructor":"c","prototype":"x","nested":{"constructor":"c","kept":2},"list":[{"constructor":"c"}]}`);
		await httpRequest({
			method: 'POST',
			url: `${sandbox.url('talkable')}/probe`,
			qs: recordOf({ q: '1', constructor: 'c', prototype: 'x' }),
			body,
			json: true,
			ignoreHttpStatusErrors: true,
		});
		expect(planted()).toBeUndefined();
		const [request] = wire('talkable');
		expect(request.rawBody).toBe('{"kept":1,"nested":{"kept":2},"list":[{"constructor":"c"}]}');
		expect(request.query).toEqual({ q: '1' });
	});
});

/** A null-prototype record with these entries. */
function recordOf(entries: Record<string, unknown>): IDataObject {
	return Object.assign(Object.create(null), entries) as IDataObject;
}

// ------------------------------------------------------------------------------ Talkable actions

describe('Talkable custom properties (common.ts pairs)', () => {
	test.each(['__proto__', 'constructor', 'prototype'])('person upsert: a property named %s is an input error naming it; nothing is sent', async (name) => {
		const result = await run('talkable', 'talkableApi', 'talkable', {
			resource: 'person',
			operation: 'upsert',
			personSlug: 'customer@example.com',
			customProperties: { property: [{ name: 'tier', value: 'gold' }, { name, value: 'x' }] },
		}, { continueOnFail: true });
		expect(planted()).toBeUndefined();
		expect(wire('talkable')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual([unsendable('Custom Properties', name)]);
	});

	test('other names an object inherits (toString, hasOwnProperty) are sent as typed', async () => {
		const result = await run('talkable', 'talkableApi', 'talkable', {
			resource: 'person',
			operation: 'upsert',
			personSlug: 'customer@example.com',
			customProperties: { property: [{ name: 'toString', value: 't' }, { name: 'hasOwnProperty', value: 'h' }] },
		});
		expect(result.error).toBeUndefined();
		expect(wire('talkable')[0].rawBody).toBe('{"site_slug":"my-store","data":{"custom_properties":{"toString":"t","hasOwnProperty":"h"}}}');
	});
});

// ------------------------------------------------------------------------------ Sailthru actions

/** The signed `json` parameter of a Sailthru request (its keys travel inside this string). */
function sailthruJson(request: RecordedRequest): string {
	return new URLSearchParams(request.rawBody).get('json') ?? '';
}

describe('Sailthru name/value rows (helpers.ts pairsToObject, UserDescription.ts keysParameter and listsParameter)', () => {
	test('user upsert: vars, lists and a key type named __proto__, constructor or prototype are sent as typed in the signed json', async () => {
		const result = await run('sailthru', 'sailthruApi', 'sailthru', {
			resource: 'user',
			operation: 'upsert',
			id: 'ann@example.com',
			key: 'email',
			keys: { key: [{ type: 'constructor', value: 'k' }] },
			lists: { list: [{ name: 'constructor', membership: 'join' }, { name: '__proto__', membership: 'leave' }, { name: 'prototype', membership: 'join' }] },
			vars: { var: [{ name: '__proto__', value: 'p' }, { name: 'constructor', value: 'c' }, { name: 'prototype', value: 'x' }] },
		});
		expect(planted()).toBeUndefined();
		const sent = wire('sailthru');
		expect(sent.map((request) => [request.method, request.path])).toEqual([['POST', '/user']]);
		expect(sailthruJson(sent[0])).toBe(
			'{"id":"ann@example.com","key":"email","keys":{"constructor":"k"},"lists":{"constructor":1,"__proto__":0,"prototype":1},"vars":{"__proto__":"p","constructor":"c","prototype":"x"}}',
		);
		// The sandbox, like Sailthru, knows no key type "constructor": its answer, not ours.
		expect(result.error?.message).toBe('Sailthru error (code 2): Key constructor cannot be set');
	});

	test('a repeated name is still refused, naming it', async () => {
		const result = await run('sailthru', 'sailthruApi', 'sailthru', {
			resource: 'user',
			operation: 'upsert',
			id: 'ann@example.com',
			lists: { list: [{ name: 'constructor', membership: 'join' }, { name: 'constructor', membership: 'leave' }] },
			vars: { var: [{ name: '__proto__', value: 'a' }, { name: '__proto__', value: 'b' }] },
		}, { continueOnFail: true });
		expect(wire('sailthru')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual(['Lists: the list "constructor" appears twice [item 0]']);
	});
});

describe('Sailthru recipient vars (SendDescription.ts evarsParameter)', () => {
	test('rows keyed __proto__ or constructor are refused as not a recipient (not as "appears twice")', async () => {
		for (const email of ['__proto__', 'constructor']) {
			const result = await run('sailthru', 'sailthruApi', 'sailthru', {
				resource: 'send',
				operation: 'sendMulti',
				template: { __rl: true, mode: 'id', value: 'welcome' },
				emails: 'a@example.com,b@example.com',
				evars: { recipient: [{ email, vars: `{"${MARK}":1}` }] },
			}, { continueOnFail: true });
			expect(planted()).toBeUndefined();
			expect(json(result.items).map((item) => item.error)).toEqual([`Recipient Vars: ${email} is not one of the recipients [item 0]`]);
		}
		expect(wire('sailthru')).toEqual([]);
	});
});

// ------------------------------------------------------------------------------ PersonaClick actions

describe('PersonaClick named fields (common.ts namedFieldsToBody)', () => {
	test.each([
		['Custom Properties', { customProperties: { property: [{ name: '__proto__', value: 'p' }] } }, '__proto__'],
		['Custom Properties', { customProperties: { property: [{ name: 'prototype', value: 'x' }] } }, 'prototype'],
		['Custom Properties (JSON)', { customPropertiesJson: `{"constructor":{"prototype":{"${MARK}":2}}}` }, 'constructor'],
		['Custom Properties (JSON)', { customPropertiesJson: `{"__proto__":{"${MARK}":1}}` }, '__proto__'],
	])('profile upsert: %s naming %j is an input error naming it; nothing is sent', async (label, parameters, key) => {
		const result = await run('personaClick', 'personaClickApi', 'personaclick', {
			resource: 'profile',
			operation: 'upsert',
			identifierType: 'email',
			identifier: 'ann@example.com',
			...parameters,
		}, { continueOnFail: true });
		expect(planted()).toBeUndefined();
		expect(wire('personaclick')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual([unsendable(label, key)]);
	});

	test('event extra fields: a field named constructor is an input error', async () => {
		const result = await run('personaClick', 'personaClickApi', 'personaclick', {
			resource: 'event',
			operation: 'create',
			eventCode: 'signup',
			identifierType: 'email',
			identifier: 'ann@example.com',
			extraFields: { field: [{ name: 'constructor', value: 'c' }] },
		}, { continueOnFail: true });
		expect(wire('personaclick')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual([unsendable('Extra Fields', 'constructor')]);
	});
});

describe('PersonaClick order value (order/build.ts orderValue)', () => {
	test.each(['__proto__', 'constructor', 'prototype'])('More Value Fields (JSON) with a %s key: an input error naming it; nothing is sent', async (key) => {
		const result = await run('personaClick', 'personaClickApi', 'personaclick', {
			resource: 'order',
			operation: 'sync',
			orderId: 'A-1',
			orderStatus: 'paid',
			orderValue: { total: 10, more: `{"taxes":1,"${key}":{"${MARK}":1}}` },
		}, { continueOnFail: true });
		expect(planted()).toBeUndefined();
		expect(wire('personaclick')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual([unsendable('Value → More Value Fields (JSON)', key)]);
	});
});

describe('a name deep inside a JSON value (execute.ts: every request body and query is checked before it is sent)', () => {
	test.each(['__proto__', 'constructor', 'prototype'])('TalkBox offer User Data with a nested %s key: an input error with its path; nothing is sent', async (key) => {
		const result = await run('talkBox', 'talkBoxApi', 'talkbox', {
			resource: 'offer',
			operation: 'create',
			offerName: 'API offer',
			offerDescription: 'Another offer',
			additionalFields: { userData: `{"store":"Footscray","meta":{"tags":[{"${key}":{"${MARK}":1}}]}}` },
		}, { continueOnFail: true });
		expect(planted()).toBeUndefined();
		expect(wire('talkbox')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual([unsendable(`Request body → offer → user_data → meta → tags[0] → ${key}`, key)]);
	});

	test('PersonaClick More Value Fields (JSON) with constructor one level down: the path names it', async () => {
		const result = await run('personaClick', 'personaClickApi', 'personaclick', {
			resource: 'order',
			operation: 'sync',
			orderId: 'A-1',
			orderStatus: 'paid',
			orderValue: { total: 10, more: '{"taxes":{"constructor":1}}' },
		}, { continueOnFail: true });
		expect(wire('personaclick')).toEqual([]);
		expect(json(result.items)[0].error).toMatch(/^Request body → .*taxes → constructor: "constructor" cannot be sent as a name/);
	});

	test('the same nested names inside Sailthru vars travel in the signed json, as typed', async () => {
		const result = await run('sailthru', 'sailthruApi', 'sailthru', {
			resource: 'user',
			operation: 'upsert',
			id: 'ann@example.com',
			key: 'email',
			varsInputMode: 'json',
			varsJson: '{"meta":{"constructor":{"a":1},"prototype":2}}',
		});
		expect(result.error).toBeUndefined();
		expect(sailthruJson(wire('sailthru')[0])).toContain('"meta":{"constructor":{"a":1},"prototype":2}');
	});
});

// ------------------------------------------------------------------------------ TalkBox actions

const textFields = (ids: string[]): ResourceMapperField[] =>
	ids.map((id) => ({ id, displayName: `${id} (Text)`, required: false, defaultMatch: false, display: true, type: 'string', canBeUsedToMatch: false }));

const mapper = (mappingMode: ResourceMapperValue['mappingMode'], value: ResourceMapperValue['value'], schema: ResourceMapperField[]): ResourceMapperValue => ({
	mappingMode,
	value,
	matchingColumns: [],
	schema,
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

describe('TalkBox contact fields (audience/contactBody.ts contactAttributes)', () => {
	test('mapped automatically without a schema: input item keys __proto__ and constructor are input errors naming them', async () => {
		const result = await run('talkBox', 'talkBoxApi', 'talkbox', {
			resource: 'contact',
			operation: 'create',
			contactFields: mapper('autoMapInputData', null, []),
		}, { continueOnFail: true, items: [parsed(`{"email":"ann@example.com","__proto__":{"${MARK}":1}}`), { email: 'bob@example.com', constructor: 'c' }] });
		expect(planted()).toBeUndefined();
		expect(wire('talkbox')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual([
			unsendable('Contact Fields → __proto__ (__proto__)', '__proto__'),
			unsendable('Contact Fields → constructor (constructor)', 'constructor').replace('[item 0]', '[item 1]'),
		]);
	});

	test.each(['constructor', 'prototype'])('defined below: a field whose ID is %s is an input error naming it', async (id) => {
		const result = await run('talkBox', 'talkBoxApi', 'talkbox', {
			resource: 'contact',
			operation: 'create',
			contactFields: mapper('defineBelow', { email: 'ann@example.com', [id]: 'x' }, textFields(['email', id])),
		}, { continueOnFail: true });
		expect(planted()).toBeUndefined();
		expect(wire('talkbox')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual([unsendable(`Contact Fields → ${id} (${id})`, id)]);
	});
});

describe('TalkBox find first (ContactDescription.ts searchCriteria)', () => {
	test.each(['constructor', 'prototype', '__proto__'])('a search field %s is an input error naming the criterion (not "used twice")', async (field) => {
		const result = await run('talkBox', 'talkBoxApi', 'talkbox', {
			resource: 'contact',
			operation: 'findFirst',
			searchCriteria: { criterion: [{ field, value: 'c' }] },
		}, { continueOnFail: true });
		expect(planted()).toBeUndefined();
		expect(wire('talkbox')).toEqual([]);
		expect(json(result.items).map((item) => item.error)).toEqual([unsendable('Search Criteria → criterion 1', field)]);
	});
});

describe('TalkBox filter criteria (campaigns/filterCriteria.ts readFilterCriteria)', () => {
	test('an operator given by expression as "constructor" or "toString" is sent as that text (not an inherited function)', async () => {
		const result = await run('talkBox', 'talkBoxApi', 'talkbox', {
			resource: 'recipient',
			operation: 'getCounts',
			filterCriteria: {
				criterion: [
					{ logicalOperator: 'AND', fieldName: 'visits', operator: '={{ "constructor" }}', value: '30' },
					{ logicalOperator: 'OR', fieldName: 'visits', operator: '={{ "toString" }}', value: '40' },
				],
			},
		});
		expect(planted()).toBeUndefined();
		const [request] = wire('talkbox');
		expect({ method: request.method, path: request.path }).toEqual({ method: 'PUT', path: '/recipients' });
		expect(request.rawBody).toBe(
			'{"filter_criteria":[{"logical_operator":"AND","field_name":"visits","operator":"constructor","value":"30"},{"logical_operator":"OR","field_name":"visits","operator":"toString","value":"40"}]}',
		);
		// TalkBox (the sandbox) then says what is wrong with the operator the user gave.
		expect(result.error?.message).toBe('TalkBox error (code 120): filter_criteria[0][operator] "constructor" is not a valid operator');
	});
});

describe('TalkBox fields answer (lib/fields.ts fieldRecords, methods/audience.ts loadFields and contactFieldMapping)', () => {
	const FIELDS = `{"__proto__":{"name":"P","field_type":"Text","options":{"__proto__":{"${MARK}":"1"}}},"constructor":{"name":"C","field_type":"constructor","options":{}},"prototype":{"name":"X","field_type":"SingleChoice","options":{"7":"z"}}}`;
	const answerFields = () =>
		sandbox.fault('talkbox', { method: 'GET', path: '/fields', status: 200, headers: { 'Content-Type': 'application/json' }, body: FIELDS });

	test('field Get Many: GET /fields keyed __proto__, constructor and prototype gives one item each, system_name kept', async () => {
		answerFields();
		const result = await run('talkBox', 'talkBoxApi', 'talkbox', { resource: 'field', operation: 'getAll', returnAll: true });
		expect(planted()).toBeUndefined();
		expect(result.error).toBeUndefined();
		expect(JSON.stringify(json(result.items))).toBe(
			`[{"system_name":"__proto__","name":"P","field_type":"Text","options":{"__proto__":{"${MARK}":"1"}}},{"system_name":"constructor","name":"C","field_type":"constructor","options":{}},{"system_name":"prototype","name":"X","field_type":"SingleChoice","options":{"7":"z"}}]`,
		);
	});

	test('the contact mapper: a field type "constructor" is shown as written and typed string (not the Object function)', async () => {
		answerFields();
		const { TalkBox } = await import('../../nodes/TalkBox/TalkBox.node');
		const { loadContext } = await import('../talkbox/common');
		const { fields } = await new TalkBox().methods!.resourceMapping!.getContactFieldMapping.call(loadContext(sandbox));
		expect(planted()).toBeUndefined();
		expect(JSON.stringify(fields.filter((field) => ['__proto__', 'constructor', 'prototype'].includes(field.id)))).toBe(
			'[{"id":"constructor","displayName":"C (constructor)","required":false,"defaultMatch":false,"canBeUsedToMatch":false,"display":true,"type":"string"},' +
				'{"id":"__proto__","displayName":"P (Text)","required":false,"defaultMatch":false,"canBeUsedToMatch":false,"display":true,"type":"string"},' +
				'{"id":"prototype","displayName":"X (Single Choice)","required":false,"defaultMatch":false,"canBeUsedToMatch":false,"display":true,"type":"options","options":[{"name":"z","value":7}]}]',
		);
	});
});

describe('the TalkBox sandbox routes a path by its own routes only', () => {
	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('/%s is a 404 naming the path', async (name) => {
		const answer = await fetch(`${sandbox.origin}/talkbox/service/v1/${name}`, {
			headers: { authorization: `Basic ${Buffer.from('sandbox-user:sandbox-pass').toString('base64')}` },
		});
		expect(answer.status).toBe(404);
		expect(await answer.json()).toEqual({ code: 404, description: `No route for GET /${name}` });
	});
});
