import { inspect } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { CREDENTIAL_TYPES, NODE_TYPES, runNode, type RunResult, testCredential, useSandbox } from '../support/harness';
import { everythingVisible, json, operationValues, paired, resourceValues, type RecordedRequest } from '../support/helpers';

const sandbox = useSandbox();

const creds = () => sandbox.credentials('personaclick');
const state = () => sandbox.vendor('personaclick').state;
const wire = () => sandbox.requestsFor('personaclick');
const bodyOf = (request: RecordedRequest) => request.body as IDataObject;
const fastRetry = { initialDelayMs: 10 };

function run(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean; credentials?: Record<string, string> } = {},
): Promise<RunResult> {
	return runNode({
		type: 'personaClick',
		parameters: { resource: 'subscription', ...parameters },
		credentials: { personaClickApi: { ...creds(), ...(options.credentials ?? {}) } },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

const auth = () => ({ shop_id: creds().shopId, shop_secret: creds().shopSecret });
const contact = (email: string) => state().contacts.find((c: IDataObject) => c.email === email);

/** The wire shape every POST must have: JSON body with the credential, nothing in the query. */
function expectPost(request: RecordedRequest, path: string, body: IDataObject) {
	expect(request.method).toBe('POST');
	expect(request.path).toBe(path);
	expect(request.query).toEqual({});
	expect(request.headers['content-type']).toBe('application/json');
	expect(request.headers.accept).toBe('application/json');
	expect(request.body).toEqual({ ...body, ...auth() });
}

/** The wire shape every GET must have: everything in the query, no body. */
function expectGet(request: RecordedRequest, path: string, query: IDataObject) {
	expect(request.method).toBe('GET');
	expect(request.path).toBe(path);
	expect(request.query).toEqual({ ...query, ...auth() });
	expect(request.rawBody).toBe('');
	expect(request.headers.accept).toBe('application/json');
}

describe('node and credential description', () => {
	test('names fixed by the contract', () => {
		const node = NODE_TYPES.personaClick.description;
		expect(node.displayName).toBe('PersonaClick');
		expect(node.usableAsTool).toBe(true);
		expect(node.credentials).toEqual([{ name: 'personaClickApi', required: true }]);
		expect(node.icon).toEqual({
			light: 'file:../../icons/personaclick.svg',
			dark: 'file:../../icons/personaclick.dark.svg',
		});
		const operationsOf = (resource: string) => operationValues(node.properties, resource).sort();
		const resources = resourceValues(node.properties);
		expect(resources).toEqual(['event', 'order', 'profile', 'segment', 'subscription']);
		expect(operationsOf('subscription')).toEqual(['check', 'confirmEmail', 'getChanges', 'manage', 'reportEvent']);
		expect(operationsOf('profile')).toEqual([
			'forceChangeEmail',
			'forceChangeExternalId',
			'forceChangePhone',
			'get',
			'purge',
			'upsert',
		]);
		expect(operationsOf('event')).toEqual(['create']);
		expect(operationsOf('segment')).toEqual(['add', 'check', 'getAll', 'remove']);
		expect(operationsOf('order')).toEqual(['sync', 'updateStatus']);
		expect(node.properties.filter((p) => p.name === 'retry')).toHaveLength(1);

		const credential = CREDENTIAL_TYPES.personaClickApi;
		const fields = Object.fromEntries(credential.properties.map((p) => [p.name, p]));
		expect(Object.keys(fields)).toEqual(['shopId', 'shopSecret', 'baseUrl']);
		expect(fields.shopSecret.typeOptions).toEqual({ password: true });
		expect(fields.baseUrl.default).toBe('https://api.personaclick.com');
		expect(typeof credential.authenticate).toBe('function');
	});
});

describe('manage', () => {
	test('sends the identifier and only the flags that were added, as booleans', async () => {
		const result = await run({
			operation: 'manage',
			identifierType: 'email',
			identifier: ' john.doe@examplemail.com ',
			channelFlags: { emailBulk: 'unsubscribe', smsChain: 'subscribe', webPushTransactional: 'unchanged' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { status: 'success' }, pairedItem: { item: 0 } }]);
		expect(wire()).toHaveLength(1);
		expectPost(wire()[0], '/subscriptions/manage', {
			email: 'john.doe@examplemail.com',
			email_bulk: false,
			sms_chain: true,
		});
		// Not added (or Don't Change): never on the wire, so never unsubscribed.
		expect(wire()[0].rawBody).not.toMatch(/email_chain|email_transactional|web_push|mobile_push|sms_bulk/);
		const john = contact('john.doe@examplemail.com');
		expect(john).toMatchObject({
			email_bulk: false,
			sms_chain: true,
			email_chain: true,
			email_transactional: true,
			sms_transactional: true,
			web_push_bulk: true,
		});
		// The change log records what manage did.
		expect(state().changes.slice(-2)).toEqual([
			expect.objectContaining({ contact_type: 'email', campaign_type: 'bulk', event: 'unsubscribe', channel: 'api' }),
			expect.objectContaining({ contact_type: 'sms', campaign_type: 'chain', event: 'subscribe', channel: 'api' }),
		]);
	});

	test.each([
		['phone', '+1 (555) 010-0001', { phone: '+15550100001' }],
		['external_id', ' cust-1 ', { external_id: 'cust-1' }],
		['loyalty_id', 'card-9', { loyalty_id: 'card-9' }],
		['telegram_id', '987654321', { telegram_id: '987654321' }],
	])('identifies the contact by %s', async (identifierType, identifier, sent) => {
		const result = await run({
			operation: 'manage',
			identifierType,
			identifier,
			channelFlags: { mobilePushChain: 'subscribe' },
		});
		expect(result.error).toBeUndefined();
		expect(json(result.items)).toEqual([{ status: 'success' }]);
		expect(wire()).toHaveLength(1);
		expectPost(wire()[0], '/subscriptions/manage', { ...sent, mobile_push_chain: true });
	});

	test('the identifier kind can come from item data (mixed identifiers)', async () => {
		const result = await run(
			{
				operation: 'manage',
				identifierType: '={{ $json.kind }}',
				identifier: '={{ $json.id }}',
				channelFlags: { smsBulk: 'unsubscribe' },
			},
			{ items: [{ kind: 'phone', id: '+44 7700 900123' }, { kind: 'external_id', id: 'cust-1' }] },
		);
		expect(result.error).toBeUndefined();
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }]);
		const bodies = wire().map(bodyOf);
		expect(bodies).toContainEqual({ phone: '+447700900123', sms_bulk: false, ...auth() });
		expect(bodies).toContainEqual({ external_id: 'cust-1', sms_bulk: false, ...auth() });
	});

	test('all twelve flags map to their documented keys', async () => {
		const names = [
			'emailBulk', 'emailChain', 'emailTransactional', 'smsBulk', 'smsChain', 'smsTransactional',
			'webPushBulk', 'webPushChain', 'webPushTransactional', 'mobilePushBulk', 'mobilePushChain',
			'mobilePushTransactional',
		];
		const result = await run({
			operation: 'manage',
			identifierType: 'email',
			identifier: 'new.person@examplemail.com',
			channelFlags: Object.fromEntries(names.map((name, i) => [name, i % 2 ? 'unsubscribe' : 'subscribe'])),
		});
		expect(result.error).toBeUndefined();
		expectPost(wire()[0], '/subscriptions/manage', {
			email: 'new.person@examplemail.com',
			email_bulk: true,
			email_chain: false,
			email_transactional: true,
			sms_bulk: false,
			sms_chain: true,
			sms_transactional: false,
			web_push_bulk: true,
			web_push_chain: false,
			web_push_transactional: true,
			mobile_push_bulk: false,
			mobile_push_chain: true,
			mobile_push_transactional: false,
		});
	});

	test('flags mapped from item data: booleans and "unchanged" per item', async () => {
		const result = await run(
			{
				operation: 'manage',
				identifierType: 'email',
				identifier: '={{ $json.email }}',
				channelFlags: { emailBulk: '={{ $json.optIn }}', smsBulk: '={{ $json.sms }}' },
			},
			{
				items: [
					{ email: 'jane.roe@examplemail.com', optIn: false, sms: 'unchanged' },
					{ email: 'john.doe@examplemail.com', optIn: true, sms: 'unsubscribe' },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }]);
		const bodies = wire().map(bodyOf);
		expect(bodies).toHaveLength(2);
		expect(bodies).toContainEqual({ email: 'jane.roe@examplemail.com', email_bulk: false, ...auth() });
		expect(bodies).toContainEqual({ email: 'john.doe@examplemail.com', email_bulk: true, sms_bulk: false, ...auth() });
		// Jane's SMS subscription was not touched.
		expect(contact('jane.roe@examplemail.com').sms_bulk).toBe(true);
	});

	test.each([
		['no flag added', {}],
		['every added flag is "Don\'t Change"', { emailBulk: 'unchanged', smsChain: 'unchanged' }],
	])('refuses to send a manage call with %s', async (_case, channelFlags) => {
		const result = await run({
			operation: 'manage',
			identifierType: 'email',
			identifier: 'john.doe@examplemail.com',
			channelFlags,
		});
		expect(result.error?.message).toBe(
			'Channel Subscriptions: add at least one channel set to Subscribe or Unsubscribe; PersonaClick refuses a change with no flags [item 0]',
		);
		expect(wire()).toHaveLength(0);
	});
});

describe('reportEvent', () => {
	test.each(['hard_bounced', 'complained', 'blacklisted', 'unsubscribed'])('sends %s', async (event) => {
		const result = await run({ operation: 'reportEvent', email: ' jane.roe@examplemail.com', event });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { status: 'success' }, pairedItem: { item: 0 } }]);
		expect(wire()).toHaveLength(1);
		expectPost(wire()[0], '/subscriptions/callback', { email: 'jane.roe@examplemail.com', event });
		expect(state().changes.at(-1)).toMatchObject({
			contact: 'jane.roe@examplemail.com',
			channel: 'api_callback',
			event: event === 'unsubscribed' ? 'unsubscribe' : event,
		});
	});

	test('hard_bounced removes the email: check then says it does not exist', async () => {
		await run({ operation: 'reportEvent', email: 'john.doe@examplemail.com', event: 'hard_bounced' });
		const result = await run({ operation: 'check', identifierType: 'email', identifier: 'john.doe@examplemail.com' });
		expect(result.items[0].json).toMatchObject({ exists: false, email_bounced: true, email_bulk: false });
	});

	test('the parameter and a notice warn that hard_bounced is permanent', () => {
		const properties = NODE_TYPES.personaClick.description.properties;
		const event = properties.find((p) => p.name === 'event')!;
		const hardBounced = (event.options as Array<{ value: string; description: string }>).find(
			(o) => o.value === 'hard_bounced',
		)!;
		expect(hardBounced.description).toMatch(/PERMANENTLY removes the email/);
		expect(event.description).toMatch(/permanently removes the email/);
		const notice = properties.find((p) => p.name === 'hardBounceNotice')!;
		expect(notice.displayOptions).toEqual({ show: { resource: ['subscription'], operation: ['reportEvent'] } });
		expect(notice.displayName).toMatch(/Hard Bounced permanently removes the email/);
	});
});

describe('check', () => {
	const JOHN_STATUS = {
		exists: true,
		email_confirmed: true,
		email_bulk: true,
		email_chain: true,
		email_transactional: true,
		email_bounced: false,
		email_suppressed: false,
		email_blacklisted: false,
		email_invalid: false,
		sms_bulk: false,
		sms_chain: false,
		sms_transactional: true,
		web_push: true,
		web_push_bulk: true,
		web_push_chain: false,
		web_push_transactional: false,
		mobile_push: false,
		mobile_push_bulk: false,
		mobile_push_chain: false,
		mobile_push_transactional: false,
		telegram_bulk: false,
		telegram_chain: false,
		telegram_transactional: false,
	};

	test('by email: GET with everything in the query, outputs the status object', async () => {
		const result = await run({ operation: 'check', identifierType: 'email', identifier: 'john.doe@examplemail.com' });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: JOHN_STATUS, pairedItem: { item: 0 } }]);
		expect(wire()).toHaveLength(1);
		expectGet(wire()[0], '/subscriptions/check', { email: 'john.doe@examplemail.com' });
	});

	test('by phone (normalized to international format)', async () => {
		const result = await run({ operation: 'check', identifierType: 'phone', identifier: '+1 555-010-0001' });
		expect(result.error).toBeUndefined();
		expect(json(result.items)).toEqual([JOHN_STATUS]);
		expectGet(wire()[0], '/subscriptions/check', { phone: '+15550100001' });
	});

	test('an unknown contact', async () => {
		const result = await run({ operation: 'check', identifierType: 'email', identifier: 'nobody@examplemail.com' });
		expect(result.items[0].json).toMatchObject({ exists: false, email_bulk: false });
	});
});

describe('getChanges', () => {
	const recent = () => state().changes.slice(5);

	test('Limit: one request with offset 0 and limit = Limit, ending mid-data', async () => {
		const result = await run({ operation: 'getChanges', returnAll: false, limit: 30 });
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(1);
		expectGet(wire()[0], '/subscriptions/changes', { offset: '0', limit: '30' });
		expect(json(result.items)).toEqual(recent().slice(0, 30));
		expect(result.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('default Limit (50) with fewer changes: one short page', async () => {
		const result = await run({ operation: 'getChanges' });
		expect(wire().map((r) => [r.query.offset, r.query.limit])).toEqual([['0', '50']]);
		expect(json(result.items)).toEqual(recent());
		expect(result.items).toHaveLength(45);
	});

	test('Return All pages through offset/limit at 20,000 per request', async () => {
		state().addChanges(20_010 - 45);
		const result = await run({ operation: 'getChanges', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(wire().map((r) => [r.query.offset, r.query.limit])).toEqual([
			['0', '20000'],
			['20000', '20000'],
		]);
		wire().forEach((r) => expectGet(r, '/subscriptions/changes', { offset: r.query.offset, limit: '20000' }));
		expect(result.items).toHaveLength(20_010);
		expect(json(result.items)).toEqual(recent());
	});

	test('a Limit that ends inside the second page asks only for the rest', async () => {
		state().addChanges(20_010 - 45);
		const result = await run({ operation: 'getChanges', returnAll: false, limit: 20_005 });
		expect(wire().map((r) => [r.query.offset, r.query.limit])).toEqual([
			['0', '20000'],
			['20000', '5'],
		]);
		expect(result.items).toHaveLength(20_005);
		expect(result.items.at(-1)!.json).toEqual(recent()[20_004]);
	});

	test('filters: dates from the pickers sent as YYYY-MM-DD, phone normalized', async () => {
		const result = await run({
			operation: 'getChanges',
			returnAll: true,
			filters: {
				from: '2021-05-04T00:00:00',
				to: '2021-05-05T18:30:00',
				event: 'unsubscribe',
				channel: 'crm',
				phone: '+1 555 010 0077',
			},
		});
		expect(result.error).toBeUndefined();
		expectGet(wire()[0], '/subscriptions/changes', {
			from: '2021-05-04',
			to: '2021-05-05',
			event: 'unsubscribe',
			channel: 'crm',
			phone: '+15550100077',
			offset: '0',
			limit: '20000',
		});
		expect(json(result.items)).toEqual([
			{
				contact_type: 'sms',
				contact: '+15550100077',
				campaign_type: 'bulk',
				event: 'unsubscribe',
				channel: 'crm',
				datetime: '2021-05-04T23:59:59.000',
				ip: '192.168.0.1',
			},
		]);
	});

	test('a period and an email filter', async () => {
		const result = await run({
			operation: 'getChanges',
			returnAll: true,
			filters: { from: '2021-05-04', to: '2021-05-05T00:00:00.000Z', email: 'old3@examplemail.com' },
		});
		expect(wire()[0].query).toMatchObject({ from: '2021-05-04', to: '2021-05-05', email: 'old3@examplemail.com' });
		expect(json(result.items).map((c) => c.contact)).toEqual(['old3@examplemail.com']);
	});

	test.each([
		['a Luxon DateTime', '={{ DateTime.fromISO("2021-05-04T23:30:00", { zone: "UTC" }) }}'],
		['a JavaScript Date', '={{ new Date("2021-05-04T10:00:00Z") }}'],
		['an ISO string with an offset', '2021-05-04T23:30:00-05:00'],
	])('From given as %s is sent as its date', async (_case, from) => {
		const result = await run({ operation: 'getChanges', returnAll: true, filters: { from, to: '2021-05-04' } });
		expect(result.error).toBeUndefined();
		expect(wire()[0].query).toMatchObject({ from: '2021-05-04', to: '2021-05-04' });
		expect(result.items).toHaveLength(3);
	});

	test('changes made by manage and reportEvent show up', async () => {
		await run({
			operation: 'manage',
			identifierType: 'email',
			identifier: 'jane.roe@examplemail.com',
			channelFlags: { emailChain: 'subscribe' },
		});
		await run({ operation: 'reportEvent', email: 'jane.roe@examplemail.com', event: 'complained' });
		sandbox.clearRequests();
		const result = await run({
			operation: 'getChanges',
			returnAll: true,
			filters: { email: 'jane.roe@examplemail.com' },
		});
		expect(json(result.items)).toEqual([
			expect.objectContaining({ event: 'subscribe', channel: 'api', campaign_type: 'chain' }),
			expect.objectContaining({ event: 'complained', channel: 'api_callback', campaign_type: 'everything' }),
		]);
	});

	test.each([
		[{ from: '2021-05-06', to: '2021-05-04' }, 'From: the period starts (2021-05-06) after it ends (2021-05-04) [item 0]'],
		[{ from: 'last tuesday' }, 'From: "last tuesday" is not a date (use the date picker, YYYY-MM-DD or an ISO date-time) [item 0]'],
		[{ to: '2021-02-30' }, 'To: "2021-02-30" is not a date (use the date picker, YYYY-MM-DD or an ISO date-time) [item 0]'],
		[{ email: 'not-an-email' }, 'Filters → Email: "not-an-email" is not a valid email address [item 0]'],
		[{ phone: '010077' }, expect.stringMatching(/^Filters → Phone: "010077" is not a phone number in international format/)],
	])('bad filter %j is refused before sending', async (filters, message) => {
		const result = await run({ operation: 'getChanges', returnAll: true, filters });
		expect(result.error?.message).toEqual(message);
		expect(wire()).toHaveLength(0);
	});
});

describe('confirmEmail', () => {
	test('sends the email; PersonaClick sends the double opt-in email', async () => {
		const result = await run({ operation: 'confirmEmail', email: 'jane.roe@examplemail.com' });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { status: 'success' }, pairedItem: { item: 0 } }]);
		expectPost(wire()[0], '/subscriptions/confirm_email', { email: 'jane.roe@examplemail.com' });
		expect(state().confirmationsSent).toEqual(['jane.roe@examplemail.com']);
	});

	test('an address already confirmed: the vendor message and HTTP 400 reach the user', async () => {
		const result = await run({ operation: 'confirmEmail', email: 'john.doe@examplemail.com' });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('PersonaClick error: The email address is already confirmed');
		expect(result.error?.httpCode).toBe('400');
		expect(wire()).toHaveLength(1);
	});
});

describe('errors', () => {
	test('{"status":"error","message"} with its HTTP status', async () => {
		sandbox.fault('personaclick', {
			path: '/subscriptions/manage',
			status: 404,
			body: { status: 'error', message: 'There are no mandatory parameters in the request' },
		});
		const result = await run({
			operation: 'manage',
			identifierType: 'loyalty_id',
			identifier: 'card-1',
			channelFlags: { smsBulk: 'subscribe' },
		});
		expect(result.error?.message).toBe('PersonaClick error: There are no mandatory parameters in the request');
		expect(result.error?.httpCode).toBe('404');
	});

	test('{"status":"error","payload":{"message"}} (wrong secret on changes): message, status, hint', async () => {
		const result = await run({ operation: 'getChanges', returnAll: true }, { credentials: { shopSecret: 'wrong-secret' } });
		expect(wire()[0].query.shop_secret).toBe('wrong-secret');
		expect(result.error?.message).toBe('PersonaClick error: Invalid shop_id or shop_secret');
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.description).toBe('Check the shop ID and shop secret in the PersonaClick credential.');
	});

	test('an error envelope on HTTP 200 is still an error', async () => {
		sandbox.fault('personaclick', {
			path: '/subscriptions/callback',
			status: 200,
			body: { status: 'error', payload: { message: 'Email is in the stop list' } },
		});
		const result = await run({ operation: 'reportEvent', email: 'jane.roe@examplemail.com', event: 'blacklisted' });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe('PersonaClick error: Email is in the stop list');
		expect(result.error?.httpCode).toBe('200');
	});

	test('a GET is retried after a 5xx (back-off from the Retry options)', async () => {
		sandbox.fault('personaclick', { path: '/subscriptions/check', status: 502, times: 2, body: 'Bad gateway' });
		const result = await run({
			operation: 'check',
			identifierType: 'email',
			identifier: 'john.doe@examplemail.com',
			retry: { ...fastRetry, maxRetries: 3 },
		});
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(3);
		expect(result.items[0].json).toMatchObject({ exists: true });
	});

	test('a POST is not retried after a 5xx', async () => {
		sandbox.fault('personaclick', { path: '/subscriptions/manage', status: 500, body: { status: 'error', message: 'Oops' } });
		const result = await run({
			operation: 'manage',
			identifierType: 'email',
			identifier: 'john.doe@examplemail.com',
			channelFlags: { smsBulk: 'subscribe' },
			retry: { ...fastRetry, maxRetries: 3 },
		});
		expect(wire()).toHaveLength(1);
		expect(result.error?.message).toBe('PersonaClick error: Oops');
		expect(result.error?.description).toMatch(/^Not retried: this PersonaClick operation is not safe to repeat, and the request may already have been applied/);
	});
});

describe('input validation: nothing is sent', () => {
	test.each<[string, INodeParameters, string | ReturnType<typeof expect.stringMatching>]>([
		[
			'manage: invalid email',
			{ operation: 'manage', identifierType: 'email', identifier: 'john.doe@', channelFlags: { smsBulk: 'subscribe' } },
			'Identifier: "john.doe@" is not a valid email address [item 0]',
		],
		[
			'manage: phone too short to hold a country code and number',
			{ operation: 'manage', identifierType: 'phone', identifier: '(0) 10-01', channelFlags: { smsBulk: 'subscribe' } },
			expect.stringMatching(/^Identifier: "\(0\) 10-01" is not a phone number in international format/),
		],
		[
			'manage: empty external id',
			{ operation: 'manage', identifierType: 'external_id', identifier: '   ', channelFlags: { smsBulk: 'subscribe' } },
			'Identifier: an external ID is required but this item has none [item 0]',
		],
		[
			'manage: a flag value that is not a choice',
			{ operation: 'manage', identifierType: 'telegram_id', identifier: '42', channelFlags: { smsBulk: '={{ "maybe" }}' } },
			'Channel Subscriptions → SMS Bulk: "maybe" is not subscribe, unsubscribe, unchanged, true or false [item 0]',
		],
		[
			'manage: an identifier kind that does not exist',
			{ operation: 'manage', identifierType: '={{ "fax" }}', identifier: '42', channelFlags: { smsBulk: 'subscribe' } },
			'Identify By: "fax" is not one of email, phone, external_id, loyalty_id, telegram_id [item 0]',
		],
		[
			'check: only email or phone can look a contact up',
			{ operation: 'check', identifierType: '={{ "external_id" }}', identifier: 'cust-1' },
			'Identify By: "external_id" is not one of email, phone [item 0]',
		],
		[
			'check: phone with letters',
			{ operation: 'check', identifierType: 'phone', identifier: '+1555CALLNOW' },
			expect.stringMatching(/^Identifier: "\+1555CALLNOW" is not a phone number in international format/),
		],
		[
			'check: empty email',
			{ operation: 'check', identifierType: 'email', identifier: '={{ $json.missing }}' },
			'Identifier: an email address is required but this item has none [item 0]',
		],
		[
			'reportEvent: invalid email',
			{ operation: 'reportEvent', email: 'jane roe@examplemail.com', event: 'hard_bounced' },
			'Email: "jane roe@examplemail.com" is not a valid email address [item 0]',
		],
		[
			'confirmEmail: no email',
			{ operation: 'confirmEmail', email: '={{ "" }}' },
			'Email: an email address is required but this item has none [item 0]',
		],
	])('%s', async (_case, parameters, message) => {
		const result = await run(parameters);
		expect(result.items).toEqual([]);
		expect(result.error?.message).toEqual(message);
		expect(result.error?.description).toMatch(/Nothing was sent for this item\.$/);
		expect(wire()).toHaveLength(0);
	});
});

describe('Continue On Fail', () => {
	test('good and bad items: one output per input, paired, only valid items sent', async () => {
		const items = [
			{ email: 'jane.roe@examplemail.com' },
			{ email: 'not an email' },
			{ email: 'john.doe@examplemail.com' }, // already confirmed: vendor 400
			{ email: 'nobody@examplemail.com' }, // unknown: vendor 400
		];
		const result = await run({ operation: 'confirmEmail', email: '={{ $json.email }}' }, { items, continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(items.length);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(result.items[0].json).toEqual({ status: 'success' });
		expect(result.items[1].json).toEqual({
			error: 'Email: "not an email" is not a valid email address [item 1]',
			description: 'Fix the "Email" parameter of item 1 and run again. Nothing was sent for this item.',
		});
		expect(result.items[2].json.error).toBe('PersonaClick error: The email address is already confirmed');
		expect(result.items[3].json.error).toBe('PersonaClick error: No email address was found');
		expect(wire().map((r) => bodyOf(r).email).sort()).toEqual([
			'jane.roe@examplemail.com',
			'john.doe@examplemail.com',
			'nobody@examplemail.com',
		]);
	});

	test('getChanges: each input item’s records are paired to it', async () => {
		const result = await run(
			{ operation: 'getChanges', returnAll: true, filters: { email: '={{ $json.email }}' } },
			{ items: [{ email: 'seed1@examplemail.com' }, { email: 'bad' }, { email: 'seed2@examplemail.com' }], continueOnFail: true },
		);
		expect(result.items.map((i) => [i.pairedItem, i.json.contact ?? i.json.error])).toEqual([
			[{ item: 0 }, 'seed1@examplemail.com'],
			[{ item: 1 }, 'Filters → Email: "bad" is not a valid email address [item 1]'],
			[{ item: 2 }, 'seed2@examplemail.com'],
		]);
	});
});

describe('credential', () => {
	test('test request passes with the right secret (GET, credential in the query)', async () => {
		const outcome = await testCredential('personaClickApi', 'personaClick', creds());
		expect(outcome).toMatchObject({ status: 'OK' });
		expect(wire()).toHaveLength(1);
		expectGet(wire()[0], '/subscriptions/check', { email: 'n8n-credential-test@example.com' });
	});

	test.each([
		['a wrong secret', { shopSecret: 'not-the-secret' }],
		['a wrong shop ID', { shopId: 'someone-else' }],
	])('test request fails with %s', async (_case, change) => {
		const outcome = await testCredential('personaClickApi', 'personaClick', { ...creds(), ...change });
		expect(outcome.status).toBe('Error');
		// The 403 is read as a body and judged by the credential's rules: no error object is made
		// (n8n would log it, vendor body included).
		expect(outcome.message).toBe('PersonaClick refused the request: check the shop ID and the shop secret');
		expect(outcome.run.error).toBeUndefined();
		expect(outcome.run.items[0].json).toEqual({ status: 'error', message: 'Invalid shop_id or shop_secret' });
		expect(wire()).toHaveLength(1);
	});

	test('a trailing slash in the Base URL is ignored', async () => {
		const result = await run(
			{ operation: 'check', identifierType: 'email', identifier: 'john.doe@examplemail.com' },
			{ credentials: { baseUrl: `${creds().baseUrl}/` } },
		);
		expect(result.error).toBeUndefined();
		expect(wire()[0].path).toBe('/subscriptions/check');
	});
});

describe('the shop secret never leaks', () => {
	const forms = (secret: string) => [
		secret,
		encodeURIComponent(secret),
		encodeURIComponent(secret).replace(/%20/g, '+'),
		new URLSearchParams({ s: secret }).toString().slice(2),
	];

	/** The project's view of everything visible, plus the full inspection of every error object. */
	const everythingSeen = (result: RunResult) =>
		[
			everythingVisible(result),
			...[result.error, ...result.items.map((item) => item.error)].map((error) => (error ? inspect(error, { depth: 8 }) : '')),
		].join('\n');

	test('outputs, errors (GET URLs included) and logs', async () => {
		const secret = creds().shopSecret;
		// The secret has characters that URL-encoding changes, so the encoded forms differ.
		expect(new Set(forms(secret)).size).toBeGreaterThanOrEqual(3);
		const seen: string[] = [];
		const check = { operation: 'check', identifierType: 'email', identifier: 'john.doe@examplemail.com' };

		// 1. A 500 on a GET, retries off: the request URL carried the secret.
		sandbox.fault('personaclick', { path: '/subscriptions/check', status: 500, times: 1, body: 'Internal error' });
		let result = await run({ ...check, retry: { maxRetries: 0 } });
		expect(result.error?.message).toBe('PersonaClick answered HTTP 500 with a body that is not valid JSON: Internal error');
		seen.push(everythingSeen(result));

		// 2. 5xx then retried (log lines with the request), then success.
		sandbox.fault('personaclick', { path: '/subscriptions/check', status: 503, times: 2, body: { status: 'error', message: 'busy' } });
		result = await run({ ...check, retry: { ...fastRetry, maxRetries: 3 } });
		expect(result.error).toBeUndefined();
		expect(result.logs.filter((line) => /retry 1 of 3/.test(line))).toHaveLength(1);
		seen.push(everythingSeen(result));

		// 3. A connection reset on a paged GET, with a retry that also fails.
		sandbox.fault('personaclick', { path: '/subscriptions/changes', reset: true });
		result = await run({ operation: 'getChanges', returnAll: true, retry: { ...fastRetry, maxRetries: 1 } });
		expect(result.error?.message).toMatch(/^PersonaClick could not be reached: /);
		expect(wire().filter((r) => r.path === '/subscriptions/changes')).toHaveLength(2);
		seen.push(everythingSeen(result));
		sandbox.clearFaults();

		// 4. A vendor that echoes the secret (raw and URL-encoded) in its error, GET and POST.
		const echo = `Invalid shop_secret ${secret} (${encodeURIComponent(secret)})`;
		sandbox.fault('personaclick', { path: '/subscriptions/changes', status: 403, body: { status: 'error', payload: { message: echo } } });
		result = await run({ operation: 'getChanges', returnAll: true });
		expect(result.error?.message).toBe('PersonaClick error: Invalid shop_secret [redacted] ([redacted])');
		seen.push(everythingSeen(result));
		sandbox.fault('personaclick', { path: '/subscriptions/manage', status: 403, body: { status: 'error', message: echo } });
		result = await run(
			{ ...check, operation: 'manage', channelFlags: { emailBulk: 'subscribe' } },
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(result.items.map((i) => i.json.error)).toEqual([
			'PersonaClick error: Invalid shop_secret [redacted] ([redacted])',
			'PersonaClick error: Invalid shop_secret [redacted] ([redacted])',
		]);
		seen.push(everythingSeen(result));
		sandbox.clearFaults();

		// 5. Successful runs of every operation.
		for (const parameters of [
			check,
			{ operation: 'getChanges', returnAll: false, limit: 5 },
			{ operation: 'manage', identifierType: 'phone', identifier: '+447700900123', channelFlags: { smsBulk: 'unsubscribe' } },
			{ operation: 'reportEvent', email: 'jane.roe@examplemail.com', event: 'unsubscribed' },
			{ operation: 'confirmEmail', email: 'jane.roe@examplemail.com' },
		]) {
			result = await run(parameters);
			expect(result.error).toBeUndefined();
			seen.push(everythingSeen(result));
		}

		// 6. A failing credential test (its GET URL carries the secret that was tried).
		const outcome = await testCredential('personaClickApi', 'personaClick', { ...creds(), shopId: 'someone-else' });
		expect(outcome.status).toBe('Error');
		seen.push(outcome.message, everythingSeen(outcome.run));

		const haystack = seen.join('\n');
		expect(haystack).toContain('[redacted]');
		// The requests really carried the secret.
		expect(wire().filter((r) => r.method === 'GET').every((r) => r.query.shop_secret === secret)).toBe(true);
		for (const form of forms(secret)) {
			expect(haystack).not.toContain(form);
		}
	});
});
