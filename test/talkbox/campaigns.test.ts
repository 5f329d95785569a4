/**
 * TalkBox campaign resources (promotion, communication, emailSenderDetail, recipient, template,
 * voucher, offer, section) through n8n's real engine against the stateful sandbox: exact wire
 * (method, path, query, JSON body, Basic auth), output items, input rules checked before sending,
 * paging, retries and error shapes.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NODE_TYPES, runNode, type RunResult, useSandbox } from '../support/harness';
import type { RecordedRequest } from '../support/helpers';

const sandbox = useSandbox({ vendors: ['talkbox'] });

const FAST_RETRY = { initialDelayMs: 10, maxRetries: 2 };

async function run(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<RunResult> {
	return await runNode({
		type: 'talkBox',
		parameters: { retry: FAST_RETRY, ...parameters },
		credentials: { talkBoxApi: sandbox.credentials('talkbox') },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

const requests = (): RecordedRequest[] => sandbox.requestsFor('talkbox');
const state = () => sandbox.vendor('talkbox').state;
const out = (result: RunResult) => result.items.map((item) => item.json);
const rl = (value: string, mode = 'list') => ({ __rl: true, mode, value });

function basicAuth(): string {
	const { username, password } = sandbox.credentials('talkbox');
	return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** The only request of the run, checked exactly (method, path, query, JSON body, auth). */
function expectOneRequest(expected: { method: string; path: string; query?: object; body?: unknown }) {
	const all = requests();
	expect(all.map((r) => `${r.method} ${r.path}`)).toEqual([`${expected.method} ${expected.path}`]);
	expectWire(all[0], expected);
	return all[0];
}

function expectWire(request: RecordedRequest, expected: { method: string; path: string; query?: object; body?: unknown }) {
	expect(request.method).toBe(expected.method);
	expect(request.path).toBe(expected.path);
	expect(request.query).toEqual(expected.query ?? {});
	expect(request.headers.authorization).toBe(basicAuth());
	if (expected.body === undefined) {
		expect(request.rawBody).toBe('');
	} else {
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(JSON.parse(request.rawBody)).toEqual(expected.body);
	}
}

function expectNoError(result: RunResult) {
	expect(result.error?.message).toBeUndefined();
}

// ---------------------------------------------------------------------------------------------
describe('promotion', () => {
	test('create: email to addresses at a send time', async () => {
		const result = await run({
			resource: 'promotion',
			operation: 'create',
			name: "What's on this week",
			emailSubject: 'This week at the pub',
			content: 'rawHtml',
			rawHtml: '<!DOCTYPE html><html><body><h1>A heading</h1></body></html>',
			recipientSelection: 'recipientDetails',
			recipientDetails: 'julia.gillard.1@example.com, barry.hall.0@example.com',
			schedule: 'sendTime',
			sendTime: '2026-12-11T12:34:00',
		});
		expectNoError(result);
		expectOneRequest({
			method: 'POST',
			path: '/promotions',
			body: {
				name: "What's on this week",
				email_subject: 'This week at the pub',
				raw_html: '<!DOCTYPE html><html><body><h1>A heading</h1></body></html>',
				recipient_details: 'julia.gillard.1@example.com,barry.hall.0@example.com',
				send_time: '2026-12-11 12:34',
			},
		});
		const [promotion] = out(result);
		expect(result.items).toHaveLength(1);
		expect(promotion).toMatchObject({
			name: "What's on this week",
			send_time: '2026-12-11T12:34:00Z',
			date_trigger: null,
			email_recipients: 1, // julia (301) has unsubscribed from email
		});
		expect(state().promotions.get(promotion.id)).toBeDefined();
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('create: SMS with an offer to filter criteria, sender detail and options', async () => {
		const result = await run({
			resource: 'promotion',
			operation: 'create',
			smsBody: 'Pie day! Show [VOUCHER] at the bar',
			recipientSelection: 'filterCriteria',
			filterCriteria: {
				criterion: [
					{ logicalOperator: 'AND', fieldName: 'visits', operator: 'lessThan', value: '10' },
					{ logicalOperator: 'OR', fieldName: 'vip', value: 'true' },
				],
			},
			sender: 'detail',
			emailSenderDetailId: rl('456'),
			offerId: rl('2', 'id'),
			promotionOptions: { preferredChannel: 'sms', test: true, marketing: false, smsSenderName: 'PUB' },
		});
		expectNoError(result);
		expectOneRequest({
			method: 'POST',
			path: '/promotions',
			body: {
				sms_body: 'Pie day! Show [VOUCHER] at the bar',
				email_sender_detail_id: 456,
				offer_id: 2,
				filter_criteria: [
					{ logical_operator: 'AND', field_name: 'visits', operator: '<', value: '10' },
					{ logical_operator: 'OR', field_name: 'vip', operator: '=', value: 'true' },
				],
				sms_sender_name: 'PUB',
				preferred_channel: 'sms',
				test: true,
				marketing: false,
			},
		});
		// Contacts 300–309 and the VIPs (300, 305, …, 320); those with a mobile: 300, 303, 306, 309, 315.
		expect(out(result)[0]).toMatchObject({ name: 'Pie day! Show [VOUCHER] at the bar', sms_recipients: 5 });
		// Sent immediately: a communication report exists, marked as a test.
		expect(state().communications[0]).toMatchObject({ name: 'Pie day! Show [VOUCHER] at the bar', test: true });
	});

	test('create: date trigger without recipients, and a manually triggered one by tags', async () => {
		const birthday = await run({
			resource: 'promotion',
			operation: 'create',
			name: 'Happy 21st',
			emailSubject: 'Happy birthday',
			content: 'structure',
			structure: '{"version":1,"document":{}}',
			sender: 'nameAddress',
			emailSenderName: 'Birthday Club',
			emailSenderAddress: 'club@example.com',
			recipientSelection: 'none',
			schedule: 'dateTrigger',
			dateTriggerField: 'date_of_birth',
			offsetValue: 2,
			offsetPeriod: 'weeks',
			offsetTense: 'away',
			hour: 10,
			minute: 0,
			anniversary: 'nth',
			nthAnniversary: 21,
		});
		expectNoError(birthday);
		expectOneRequest({
			method: 'POST',
			path: '/promotions',
			body: {
				name: 'Happy 21st',
				email_subject: 'Happy birthday',
				structure: '{"version":1,"document":{}}',
				email_sender_name: 'Birthday Club',
				email_sender_address: 'club@example.com',
				date_trigger: {
					field: 'date_of_birth',
					offset_value: 2,
					offset_period: 'weeks',
					offset_tense: 'away',
					hour: 10,
					minute: 0,
					only_nth_anniversary: 21,
				},
			},
		});
		expect(out(birthday)[0]).toMatchObject({ name: 'Happy 21st', date_trigger: { field: 'date_of_birth' } });
		// The sender was found-or-created from name and address.
		expect([...state().emailSenderDetails.values()].map((s: IDataObject) => s.address)).toContain('club@example.com');

		sandbox.clearRequests();
		const manual = await run({
			resource: 'promotion',
			operation: 'create',
			smsBody: 'Your table is ready',
			recipientSelection: 'tags',
			tags: 'VIP, Gaming',
			schedule: 'manualTrigger',
		});
		expectNoError(manual);
		expectOneRequest({
			method: 'POST',
			path: '/promotions',
			body: { sms_body: 'Your table is ready', tags: 'VIP,Gaming', manual_trigger: true },
		});
	});

	test('update: PUT /promotions/:id with only what changes', async () => {
		const result = await run({
			resource: 'promotion',
			operation: 'update',
			promotionId: '10023789',
			smsBody: 'Rescheduling this promotion',
			schedule: 'sendTime',
			sendTime: '2026-10-21T07:28:00',
			recipientSelection: 'contactIds',
			contactIds: '300, 303',
		});
		expectNoError(result);
		expectOneRequest({
			method: 'PUT',
			path: '/promotions/10023789',
			body: { sms_body: 'Rescheduling this promotion', contact_ids: '300,303', send_time: '2026-10-21 07:28' },
		});
		expect(out(result)).toEqual([
			{
				id: 10023789,
				name: 'Friday Night Funk',
				recipient_count: 2,
				email_recipients: 2,
				sms_recipients: 2,
				send_time: '2026-10-21T07:28:00Z',
				date_trigger: null,
			},
		]);
	});

	test('send time: a zoned time is converted to the workflow time zone (America/New_York here)', async () => {
		const parameters = { resource: 'promotion', operation: 'update', promotionId: '10023789', schedule: 'sendTime' };
		await run({ ...parameters, sendTime: '2026-12-11T01:34:00Z' });
		await run({ ...parameters, sendTime: '={{ DateTime.fromISO("2026-07-01T12:00:00Z") }}' });
		expect(requests().map((r) => r.body)).toEqual([{ send_time: '2026-12-10 20:34' }, { send_time: '2026-07-01 08:00' }]);
	});

	test('delete: returns what TalkBox returns', async () => {
		const result = await run({ resource: 'promotion', operation: 'delete', promotionId: '10024725' });
		expectNoError(result);
		expectOneRequest({ method: 'DELETE', path: '/promotions/10024725' });
		expect(out(result)).toEqual([
			{
				id: 10024725,
				name: 'Saturday Night Soul',
				recipient_count: 0,
				email_recipients: 0,
				sms_recipients: 0,
				send_time: null,
				date_trigger: null,
			},
		]);
		expect(state().promotions.has(10024725)).toBe(false);
	});

	test('input rules are enforced per item before anything is sent', async () => {
		const base = { resource: 'promotion', operation: 'create' };
		const cases: Array<[INodeParameters, RegExp]> = [
			[{ recipientSelection: 'tags', tags: 'VIP' }, /Name \/ Email Subject \/ SMS Body: at least one of them is required/],
			[{ emailSubject: 'Hi', recipientSelection: 'tags', tags: 'VIP' }, /Content: a promotion with an email subject needs email content/],
			[{ smsBody: 'Show [VOUCHER]', recipientSelection: 'tags', tags: 'VIP' }, /Offer: the SMS body contains \[VOUCHER\]/],
			[{ smsBody: 'No placeholder', offerId: rl('2'), recipientSelection: 'tags', tags: 'VIP' }, /SMS Body: must contain the \[VOUCHER\] placeholder/],
			[{ name: 'x', recipientSelection: 'recipientDetails', recipientDetails: 'a@example.com,61498123456' }, /not both/],
			[{ name: 'x', recipientSelection: 'recipientDetails', recipientDetails: '+61498123456' }, /without "\+"/],
			[{ name: 'x', recipientSelection: 'contactIds', contactIds: '12,abc' }, /Contact IDs: "abc" is not a numeric ID/],
			[{ name: 'x', recipientSelection: 'none' }, /Recipients: choose who receives the promotion/],
			[{ name: 'x', recipientSelection: 'tags', tags: ' , ' }, /Tags: enter at least one tag/],
			[{ name: 'x', recipientSelection: 'filterCriteria', filterCriteria: { criterion: [{ fieldName: '', operator: 'equal' }] } }, /Filter Criteria: criterion 1 has no field/],
			[{ name: 'x', recipientSelection: 'tags', tags: 'VIP', schedule: 'sendTime', sendTime: 'next tuesday' }, /Send Time: "next tuesday" is not a date and time/],
			[{ name: 'x', recipientSelection: 'none', schedule: 'dateTrigger', dateTriggerField: 'date_of_birth', hour: 24 }, /Hour: must be a whole number from 0 to 23/],
			[{ name: 'x', content: 'rawHtml', rawHtml: '<p>hi</p>', recipientSelection: 'tags', tags: 'VIP' }, /Raw HTML: .*<html><\/html>/],
			[{ name: 'x', content: 'structure', structure: '{oops', recipientSelection: 'tags', tags: 'VIP' }, /Structure: the value is not valid JSON/],
			[{ name: 'x', sender: 'nameAddress', emailSenderName: 'Pub', emailSenderAddress: 'nope', recipientSelection: 'tags', tags: 'VIP' }, /Email Sender Address: "nope" is not a valid email address/],
		];
		for (const [parameters, message] of cases) {
			const result = await run({ ...base, ...parameters });
			expect(result.error?.message).toMatch(message);
			expect(result.error?.description).toMatch(/Nothing was sent for this item/);
		}
		const update = await run({ resource: 'promotion', operation: 'update', promotionId: '10023789' });
		expect(update.error?.message).toMatch(/Promotion: nothing to update/);
		expect(requests()).toHaveLength(0);
	});

	test('TalkBox 422 {code, description} shows both, with the HTTP status', async () => {
		const result = await run({
			resource: 'promotion',
			operation: 'create',
			smsBody: 'Show [VOUCHER]',
			offerId: rl('999', 'id'),
			recipientSelection: 'tags',
			tags: 'VIP',
		});
		expect(requests()).toHaveLength(1);
		expect(result.error?.message).toBe('TalkBox error (code 120): Offer 999 does not exist');
		expect(result.error?.httpCode).toBe('422');
	});

	test('400 code 110 for an unknown filter field', async () => {
		const result = await run({
			resource: 'promotion',
			operation: 'create',
			name: 'x',
			recipientSelection: 'filterCriteria',
			filterCriteria: { criterion: [{ logicalOperator: 'AND', fieldName: 'shoe_size', operator: 'greaterThan', value: '9' }] },
		});
		expect(result.error?.message).toBe('TalkBox error (code 110): Unknown Field/Attribute: shoe_size');
		expect(result.error?.httpCode).toBe('400');
	});

	test('a create (POST) is not sent again after a 500', async () => {
		sandbox.fault('talkbox', { method: 'POST', path: '/promotions', status: 500, body: { error: 'boom' }, times: 1 });
		const result = await run({ resource: 'promotion', operation: 'create', name: 'Once only', recipientSelection: 'tags', tags: 'VIP' });
		expect(requests()).toHaveLength(1);
		expect(result.error?.httpCode).toBe('500');
		expect(result.error?.description).toMatch(/Not retried: this TalkBox operation is not safe to repeat/);
	});
});

// ---------------------------------------------------------------------------------------------
describe('communication', () => {
	test('getAll with Return All pages through every page (10 a page)', async () => {
		const result = await run({ resource: 'communication', operation: 'getAll', returnAll: true });
		expectNoError(result);
		const all = requests();
		expect(all.map((r) => r.query)).toEqual([
			{ page: '1', per_page: '10' },
			{ page: '2', per_page: '10' },
			{ page: '3', per_page: '10' },
		]);
		all.forEach((request) => expectWire(request, { method: 'GET', path: '/communications', query: request.query }));
		expect(result.items).toHaveLength(23);
		expect(out(result)[0]).toMatchObject({ id: 10567022, name: 'Friday Night Funk', promotion_id: 10023789 });
		expect(out(result).map((c) => c.id)).toEqual(state().communications.map((c: IDataObject) => c.id));
	});

	test('getAll with a Limit ends mid-page', async () => {
		const result = await run({ resource: 'communication', operation: 'getAll', returnAll: false, limit: 15 });
		expectNoError(result);
		expect(requests().map((r) => r.query)).toEqual([
			{ page: '1', per_page: '10' },
			{ page: '2', per_page: '10' },
		]);
		expect(out(result).map((c) => c.id)).toEqual(state().communications.slice(0, 15).map((c: IDataObject) => c.id));
	});

	test('getAllForPromotion: /promotions/:id/communications, all pages', async () => {
		const result = await run({
			resource: 'communication',
			operation: 'getAllForPromotion',
			promotionId: '10023789',
			returnAll: true,
		});
		expectNoError(result);
		expect(requests().map((r) => `${r.method} ${r.path} ${r.query.page}`)).toEqual([
			'GET /promotions/10023789/communications 1',
			'GET /promotions/10023789/communications 2',
		]);
		expect(result.items).toHaveLength(16);
		expect(new Set(out(result).map((c) => c.promotion_id))).toEqual(new Set([10023789]));
	});

	test('trigger by system name with contact IDs', async () => {
		const result = await run({
			resource: 'communication',
			operation: 'trigger',
			promotionIdentifier: 'welcome_offer',
			triggerRecipients: 'contactIds',
			contactIds: '300, 301',
		});
		expectNoError(result);
		expectOneRequest({
			method: 'POST',
			path: '/promotions/welcome_offer/communications',
			body: { contact_ids: '300,301' },
		});
		expect(out(result)[0]).toMatchObject({ name: 'API-Triggered', promotion_id: 10123456, email_recipients: 0, test: false });
		expect(state().communications[0].recipients).toEqual([300, 301]);
	});

	test('trigger by ID as a test to email addresses, and by external identifiers', async () => {
		const test = await run({
			resource: 'communication',
			operation: 'trigger',
			promotionIdentifier: '10123456',
			triggerRecipients: 'recipientDetails',
			recipientDetails: 'barry.hall.0@example.com',
			test: true,
		});
		expectNoError(test);
		expectOneRequest({
			method: 'POST',
			path: '/promotions/10123456/communications',
			body: { recipient_details: 'barry.hall.0@example.com', test: true },
		});
		expect(out(test)[0]).toMatchObject({ promotion_id: 10123456, test: true });

		sandbox.clearRequests();
		const external = await run({
			resource: 'communication',
			operation: 'trigger',
			promotionIdentifier: 'welcome offer/2',
			triggerRecipients: 'externalIdentifiers',
			externalIdentifiers: 'ext-300,ext-303',
		});
		// The identifier is URL-encoded; TalkBox has no such promotion.
		expectOneRequest({
			method: 'POST',
			path: '/promotions/welcome%20offer%2F2/communications',
			body: { external_identifiers: 'ext-300,ext-303' },
		});
		expect(external.error?.httpCode).toBe('404');
		expect(external.error?.message).toBe('TalkBox error (code 404): Promotion welcome offer/2 not found');
		expect(external.error?.description).toMatch(/Check the ID/);
	});

	test('trigger input rules: test needs email addresses; addresses must be valid', async () => {
		const result = await run(
			{
				resource: 'communication',
				operation: 'trigger',
				promotionIdentifier: '={{ $json.promotion }}',
				triggerRecipients: '={{ $json.kind }}',
				contactIds: '={{ $json.to }}',
				recipientDetails: '={{ $json.to }}',
				externalIdentifiers: '={{ $json.to }}',
				test: '={{ $json.test }}',
			},
			{
				continueOnFail: true,
				items: [
					{ promotion: 'welcome_offer', kind: 'contactIds', to: '300', test: true },
					{ promotion: 'welcome_offer', kind: 'recipientDetails', to: 'not-an-email', test: false },
					{ promotion: 'welcome_offer', kind: 'contactIds', to: '302', test: false },
					{ promotion: 'old_welcome', kind: 'contactIds', to: '302', test: false },
				],
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(out(result)[0].error).toMatch(/Test: a test send goes to email addresses/);
		expect(out(result)[1].error).toMatch(/Email Addresses: "not-an-email" is not a valid email address/);
		expect(out(result)[2]).toMatchObject({ promotion_id: 10123456 });
		expect(out(result)[3].error).toBe('TalkBox error (code 120): Promotion old_welcome is disabled');
		// Only the two valid items were sent.
		expect(requests().map((r) => r.body)).toEqual([{ contact_ids: '302' }, { contact_ids: '302' }]);
	});
});

// ---------------------------------------------------------------------------------------------
describe('emailSenderDetail', () => {
	test('getAll, create, update (PUT /email_sender_details/:id), delete', async () => {
		const list = await run({ resource: 'emailSenderDetail', operation: 'getAll', returnAll: true });
		expectOneRequest({ method: 'GET', path: '/email_sender_details' });
		expect(out(list)).toEqual([
			{ id: 123, name: 'The Pub On The Corner', address: 'pub@example.com' },
			{ id: 456, name: 'Bands At The Pub On The Corner', address: 'bands@example.com' },
		]);

		sandbox.clearRequests();
		const limited = await run({ resource: 'emailSenderDetail', operation: 'getAll', returnAll: false, limit: 1 });
		expect(out(limited)).toEqual([{ id: 123, name: 'The Pub On The Corner', address: 'pub@example.com' }]);

		sandbox.clearRequests();
		const created = await run({
			resource: 'emailSenderDetail',
			operation: 'create',
			senderName: 'The Restaurant',
			senderAddress: 'restaurant@example.com',
		});
		expectOneRequest({
			method: 'POST',
			path: '/email_sender_details',
			body: { name: 'The Restaurant', address: 'restaurant@example.com' },
		});
		const id = out(created)[0].id as number;
		expect(out(created)).toEqual([{ id, name: 'The Restaurant', address: 'restaurant@example.com' }]);

		sandbox.clearRequests();
		const updated = await run({
			resource: 'emailSenderDetail',
			operation: 'update',
			emailSenderDetailId: rl(String(id)),
			senderName: 'The Bistro',
			senderAddress: 'bistro@example.com',
		});
		expectOneRequest({
			method: 'PUT',
			path: `/email_sender_details/${id}`,
			body: { name: 'The Bistro', address: 'bistro@example.com' },
		});
		expect(out(updated)).toEqual([{ id, name: 'The Bistro', address: 'bistro@example.com' }]);

		sandbox.clearRequests();
		const deleted = await run({
			resource: 'emailSenderDetail',
			operation: 'delete',
			emailSenderDetailId: rl(String(id), 'id'),
		});
		expectOneRequest({ method: 'DELETE', path: `/email_sender_details/${id}` });
		expect(out(deleted)).toEqual([{ id, name: 'The Bistro', address: 'bistro@example.com' }]);
		expect(state().emailSenderDetails.has(id)).toBe(false);
	});

	test('an invalid address is an input error; nothing is sent', async () => {
		const result = await run({
			resource: 'emailSenderDetail',
			operation: 'create',
			senderName: 'Pub',
			senderAddress: 'pub-at-example',
		});
		expect(result.error?.message).toMatch(/Address: "pub-at-example" is not a valid email address/);
		expect(requests()).toHaveLength(0);
	});
});

// ---------------------------------------------------------------------------------------------
describe('recipient', () => {
	function useContacts() {
		const contacts: Map<number, IDataObject> = state().contacts;
		contacts.clear();
		const add = (contact: IDataObject) => contacts.set(contact.id as number, contact);
		add({ id: 1, email: 'a@example.com', mobile_number: '61400000001', age: 25 });
		add({ id: 2, email: 'b@example.com', age: 29 });
		add({ id: 3, mobile_number: '61400000003', age: 22 });
		add({ id: 4, email: 'd@example.com', mobile_number: '61400000004', age: 40 });
		add({ id: 5, email: 'e@example.com', age: 18, email_subscribed: false });
		state().fields.set('age', { id: 9, system_name: 'age', name: 'Age', field_type: 'Number', options: {} });
	}

	test('getCounts: PUT /recipients with criteria, SMS body and preferred channel', async () => {
		useContacts();
		const result = await run({
			resource: 'recipient',
			operation: 'getCounts',
			filterCriteria: { criterion: [{ logicalOperator: 'AND', fieldName: 'age', operator: '={{ "<" }}', value: '30' }] },
			countOptions: { smsBody: 'Hello [first name]!', preferredChannel: 'sms' },
		});
		expectNoError(result);
		expectOneRequest({
			method: 'PUT',
			path: '/recipients',
			body: {
				sms_body: 'Hello [first name]!',
				filter_criteria: [{ logical_operator: 'AND', field_name: 'age', operator: '<', value: '30' }],
				preferred_channel: 'sms',
			},
		});
		// Under 30: 1 (both), 2 (email), 3 (SMS), 5 (unsubscribed): email 2 - 1 preferring SMS.
		expect(out(result)).toEqual([{ total: 3, email: 1, sms: 2, both: 1, sms_cost: '0.08', sms_parts: 1 }]);
	});

	test('getCounts without criteria counts everyone (n8n sends no body for an empty one)', async () => {
		useContacts();
		const result = await run({ resource: 'recipient', operation: 'getCounts' });
		expectOneRequest({ method: 'PUT', path: '/recipients' });
		expect(out(result)).toEqual([{ total: 4, email: 3, sms: 3, both: 2, sms_cost: '0.12', sms_parts: 1 }]);
	});
});

// ---------------------------------------------------------------------------------------------
describe('template', () => {
	test('getAll, get, create, update, delete with nested template[...]', async () => {
		const list = await run({ resource: 'template', operation: 'getAll', returnAll: true });
		expectOneRequest({ method: 'GET', path: '/templates' });
		expect(out(list).map((t) => t.id)).toEqual([1067046281, 1067046282]);

		sandbox.clearRequests();
		const one = await run({ resource: 'template', operation: 'get', templateId: rl('1067046282') });
		expectOneRequest({ method: 'GET', path: '/templates/1067046282' });
		expect(out(one)).toEqual([{ id: 1067046282, name: 'Custom template', structure: '{"version":1}', enabled: false }]);

		sandbox.clearRequests();
		const created = await run({
			resource: 'template',
			operation: 'create',
			templateName: 'New Template',
			structure: '{"version":1,"regions":{}}',
			enabled: true,
		});
		expectOneRequest({
			method: 'POST',
			path: '/templates',
			body: { template: { name: 'New Template', structure: '{"version":1,"regions":{}}', enabled: true } },
		});
		const id = out(created)[0].id as number;
		expect(out(created)).toEqual([{ id, name: 'New Template', structure: '{"version":1,"regions":{}}', enabled: true }]);

		sandbox.clearRequests();
		const updated = await run({
			resource: 'template',
			operation: 'update',
			templateId: rl('={{ $json.id }}', 'id'),
			templateName: 'Updated Template',
			structure: '{"version":2}',
			enabled: false,
		}, { items: [{ id }] });
		expectOneRequest({
			method: 'PUT',
			path: `/templates/${id}`,
			body: { template: { name: 'Updated Template', structure: '{"version":2}', enabled: false } },
		});
		expect(out(updated)).toEqual([{ id, name: 'Updated Template', structure: '{"version":2}', enabled: false }]);

		sandbox.clearRequests();
		const deleted = await run({ resource: 'template', operation: 'delete', templateId: rl(String(id)) });
		expectOneRequest({ method: 'DELETE', path: `/templates/${id}` });
		expect(out(deleted)).toEqual([{ id, name: 'Updated Template', structure: '{"version":2}', enabled: false }]);
		expect(state().templates.has(id)).toBe(false);
	});

	test('Continue On Fail: mixed items keep count and pairing', async () => {
		const result = await run(
			{ resource: 'template', operation: 'get', templateId: rl('={{ $json.id }}', 'id') },
			{ continueOnFail: true, items: [{ id: 1067046281 }, { id: 999 }, { id: '' }, { id: 1067046282 }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		const [first, missing, empty, last] = out(result);
		expect(first).toMatchObject({ id: 1067046281 });
		expect(missing.error).toBe('TalkBox error (code 404): Template 999 not found');
		expect(missing.description).toMatch(/Check the ID/);
		expect(missing.httpCode).toBe(404);
		expect(empty.error).toMatch(/Template: a value is required but this item has none \[item 2\]/);
		expect(last).toMatchObject({ id: 1067046282 });
		expect(requests().map((r) => r.path)).toEqual(['/templates/1067046281', '/templates/999', '/templates/1067046282']);
	});

	test('structure must be JSON; nothing is sent otherwise', async () => {
		const result = await run({ resource: 'template', operation: 'create', templateName: 'x', structure: '{nope', enabled: true });
		expect(result.error?.message).toMatch(/Structure: the value is not valid JSON/);
		expect(requests()).toHaveLength(0);
	});
});

// ---------------------------------------------------------------------------------------------
describe('voucher', () => {
	/** 100 more vouchers for contact 310 (ids 101..200), so Return All spans three pages of 50. */
	function manyVouchers() {
		const vouchers: IDataObject[] = state().vouchers;
		for (let index = 0; index < 100; index++) {
			vouchers.push({
				...vouchers[0],
				id: 101 + index,
				string_id: null,
				contact_id: 310,
				created_at: new Date(Date.UTC(2025, 0, 1) + index * 3_600_000).toISOString(),
				redeemed_at: null,
				valid_from: null,
				expires_at: null,
			});
		}
	}

	test('getAll with Return All across pages, and a Limit ending mid-page', async () => {
		manyVouchers();
		const all = await run({ resource: 'voucher', operation: 'getAll', returnAll: true });
		expectNoError(all);
		expect(requests().map((r) => r.query)).toEqual([
			{ page: '1', per_page: '50' },
			{ page: '2', per_page: '50' },
			{ page: '3', per_page: '50' },
		]);
		requests().forEach((request) => expectWire(request, { method: 'GET', path: '/vouchers', query: request.query }));
		expect(all.items).toHaveLength(123);
		expect(out(all)[0]).toMatchObject({ id: 1, name: 'Free Pie', status: 'redeemable', contact_id: 300 });

		sandbox.clearRequests();
		const limited = await run({ resource: 'voucher', operation: 'getAll', returnAll: false, limit: 60 });
		expect(requests().map((r) => r.query)).toEqual([
			{ page: '1', per_page: '50' },
			{ page: '2', per_page: '50' },
		]);
		expect(out(limited).map((v) => v.id)).toEqual(out(all).slice(0, 60).map((v) => v.id));
	});

	test('getAll filters: contact, status and ISO-8601 issued/redeemed dates', async () => {
		const result = await run({
			resource: 'voucher',
			operation: 'getAll',
			returnAll: true,
			filters: {
				email: 'julia.gillard.1@example.com',
				status: 'redeemed',
				issuedAfter: '2024-02-01T00:00:00',
				issuedBefore: '2024-03-01T00:00:00.000Z',
				redeemedAfter: '={{ DateTime.fromISO("2024-02-01T00:00:00Z", { zone: "utc" }) }}',
				redeemedBefore: '2024-07-01T12:00:00',
			},
		});
		expectNoError(result);
		expectOneRequest({
			method: 'GET',
			path: '/vouchers',
			query: {
				email: 'julia.gillard.1@example.com',
				status: 'redeemed',
				// A picked date/time has no zone: it is meant in the workflow's time zone (n8n's default,
				// America/New_York, in this harness), winter and summer offsets alike.
				issued_after: '2024-02-01T00:00:00-05:00',
				issued_before: '2024-03-01T00:00:00.000Z',
				redeemed_after: '2024-02-01T00:00:00.000Z',
				redeemed_before: '2024-07-01T12:00:00-04:00',
				page: '1',
				per_page: '50',
			},
		});
		// Contact 301 (julia) holds vouchers 2, 7, 12, 17, 22; only voucher 2 is redeemed.
		expect(out(result).map((v) => v.id)).toEqual([2]);
		expect(out(result).every((v) => v.status === 'redeemed' && v.contact_id === 301)).toBe(true);

		sandbox.clearRequests();
		const bad = await run({ resource: 'voucher', operation: 'getAll', filters: { issuedAfter: 'yesterday-ish' } });
		expect(bad.error?.message).toMatch(/Issued After: "yesterday-ish" is not a date and time/);
		expect(requests()).toHaveLength(0);
	});

	test('get by numeric ID and by string ID (URL-encoded)', async () => {
		state().vouchers[0].string_id = 'dMsECeXFa3zNrF4DUVq6Tw==';
		const byString = await run({ resource: 'voucher', operation: 'get', voucherId: 'dMsECeXFa3zNrF4DUVq6Tw==' });
		expectNoError(byString);
		expectOneRequest({ method: 'GET', path: '/vouchers/dMsECeXFa3zNrF4DUVq6Tw%3D%3D' });
		expect(out(byString)).toEqual([expect.objectContaining({ id: 1, string_id: 'dMsECeXFa3zNrF4DUVq6Tw==', status: 'redeemable' })]);

		sandbox.clearRequests();
		const byId = await run({ resource: 'voucher', operation: 'get', voucherId: '4' });
		expectOneRequest({ method: 'GET', path: '/vouchers/4' });
		expect(out(byId)[0]).toMatchObject({ id: 4, string_id: 'Y8VS03MZ' });
	});

	test('redeem: PUT {redeemed: true}; a second redeem fails with the vendor message', async () => {
		const first = await run({ resource: 'voucher', operation: 'redeem', voucherId: 'Y8VS03MZ', recipientId: 'dMsECeXFa3zNrF4DUVq6Tw==' });
		expectNoError(first);
		expectOneRequest({
			method: 'PUT',
			path: '/vouchers/Y8VS03MZ',
			body: { redeemed: true, recipient_id: 'dMsECeXFa3zNrF4DUVq6Tw==' },
		});
		expect(out(first)[0]).toMatchObject({ id: 4, status: 'redeemed' });
		expect(out(first)[0].redeemed_at).toEqual(expect.any(String));

		sandbox.clearRequests();
		const again = await run({ resource: 'voucher', operation: 'redeem', voucherId: '4' });
		expectOneRequest({ method: 'PUT', path: '/vouchers/4', body: { redeemed: true } });
		expect(again.error?.message).toBe('TalkBox error (code 120): Voucher has already been redeemed');
		expect(again.error?.httpCode).toBe('422');
	});

	test('getAllForContact: /contacts/:id/vouchers with status', async () => {
		const result = await run({ resource: 'voucher', operation: 'getAllForContact', contactId: '300', status: 'redeemed', returnAll: true });
		expectNoError(result);
		expectOneRequest({ method: 'GET', path: '/contacts/300/vouchers', query: { status: 'redeemed' } });
		// Contact 300 holds vouchers 1, 6, 11, 16, 21; vouchers 6 and 11 are redeemed.
		expect(out(result).map((v) => v.id)).toEqual([6, 11]);

		sandbox.clearRequests();
		const limited = await run({ resource: 'voucher', operation: 'getAllForContact', contactId: '300', returnAll: false, limit: 2 });
		expectOneRequest({ method: 'GET', path: '/contacts/300/vouchers' });
		expect(out(limited).map((v) => v.id)).toEqual([1, 6]);
	});

	test('a GET after a 503 is retried', async () => {
		sandbox.fault('talkbox', { method: 'GET', path: '/vouchers/1', status: 503, times: 1 });
		const result = await run({ resource: 'voucher', operation: 'get', voucherId: '1' });
		expectNoError(result);
		expect(requests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /vouchers/1', 'GET /vouchers/1']);
		expect(out(result)[0]).toMatchObject({ id: 1 });
		expect(result.logs.some((line) => /HTTP 503; retry 1 of 2/.test(line))).toBe(true);
	});
});

// ---------------------------------------------------------------------------------------------
describe('offer', () => {
	test('getAll, get with statistics', async () => {
		const list = await run({ resource: 'offer', operation: 'getAll', returnAll: true });
		expectOneRequest({ method: 'GET', path: '/offers' });
		expect(out(list).map((o) => o.name)).toEqual(['My custom voucher', 'Free Pie']);

		sandbox.clearRequests();
		const one = await run({ resource: 'offer', operation: 'get', offerId: rl('2') });
		expectOneRequest({ method: 'GET', path: '/offers/2' });
		expect(out(one)[0]).toMatchObject({
			id: 2,
			name: 'Free Pie',
			restrict_days: ['Monday', 'Tuesday'],
			stats: { total: 12, redeemable: 6, redeemed: 2, unused: 4 },
		});
	});

	test('create with nested offer[...] fields and restrict_days', async () => {
		const result = await run({
			resource: 'offer',
			operation: 'create',
			offerName: 'API offer',
			offerDescription: 'Another offer',
			additionalFields: {
				duration: 10,
				validFromDatetime: '2022-09-13T10:42:03+10:00',
				validToDatetime: '2023-09-13T10:42:03+10:00',
				restrictDays: ['Saturday', 'Thursday', 'Friday'],
				restrictFromTime: '12:05 AM',
				restrictToTime: '04:30 AM',
				userData: '{"store":"Footscray"}',
				reminderMessageIds: '101, 102',
				expiryMessageId: '103',
			},
		});
		expectNoError(result);
		expectOneRequest({
			method: 'POST',
			path: '/offers',
			body: {
				offer: {
					name: 'API offer',
					description: 'Another offer',
					duration: 10,
					valid_from_datetime: '2022-09-13T10:42:03+10:00',
					valid_to_datetime: '2023-09-13T10:42:03+10:00',
					user_data: { store: 'Footscray' },
					reminder_message_ids: [101, 102],
					expiry_message_id: 103,
					restrict_days: ['Thursday', 'Friday', 'Saturday'],
					restrict_from_time: '12:05 AM',
					restrict_to_time: '04:30 AM',
				},
			},
		});
		expect(out(result)[0]).toMatchObject({
			name: 'API offer',
			restrict_days: ['Thursday', 'Friday', 'Saturday'],
			restrict_from_time: '12:05 AM',
			offer_type: 'Promo Code',
		});
	});

	test('update sends only what changes; delete returns the offer', async () => {
		const updated = await run({
			resource: 'offer',
			operation: 'update',
			offerId: rl('1', 'id'),
			updateFields: { name: 'updated offer', archived: true, validTo: '2026-05-04T00:00:00' },
		});
		expectNoError(updated);
		expectOneRequest({
			method: 'PUT',
			path: '/offers/1',
			body: { offer: { name: 'updated offer', archived: true, valid_to: '2026-05-04' } },
		});
		expect(out(updated)[0]).toMatchObject({ id: 1, name: 'updated offer', archived: true, valid_to: '04/05/2026' });

		sandbox.clearRequests();
		const deleted = await run({ resource: 'offer', operation: 'delete', offerId: rl('1') });
		expectOneRequest({ method: 'DELETE', path: '/offers/1' });
		expect(out(deleted)[0]).toMatchObject({ id: 1, name: 'updated offer', archived: true });
		expect(state().offers.has(1)).toBe(false);
	});

	test('offer input rules: description length and line breaks, time window, empty update', async () => {
		const cases: Array<[INodeParameters, RegExp]> = [
			[{ operation: 'create', offerName: 'x', offerDescription: 'y'.repeat(151) }, /Description: at most 150 characters/],
			[{ operation: 'create', offerName: 'x', offerDescription: 'one\ntwo' }, /Description: line breaks are not allowed/],
			[{ operation: 'create', offerName: 'x', offerDescription: 'y', additionalFields: { restrictFromTime: '09:00 AM' } }, /set both times/],
			[{ operation: 'create', offerName: 'x', offerDescription: 'y', additionalFields: { restrictFromTime: '9am', restrictToTime: '5pm' } }, /"9am" is not a time of day/],
			[{ operation: 'update', offerId: rl('1'), updateFields: {} }, /Update Fields: add at least one field/],
		];
		for (const [parameters, message] of cases) {
			const result = await run({ resource: 'offer', ...parameters });
			expect(result.error?.message).toMatch(message);
		}
		expect(requests()).toHaveLength(0);
	});
});

// ---------------------------------------------------------------------------------------------
describe('section', () => {
	test('getAll, get, create, update, delete', async () => {
		const list = await run({ resource: 'section', operation: 'getAll', returnAll: true });
		expectOneRequest({ method: 'GET', path: '/sections' });
		expect(out(list)).toEqual([
			{ id: 1, system_name: 'promo_header', created_at: '2020-10-29T21:55:32Z', updated_at: '2020-10-29T21:56:02Z' },
			{ id: 2, system_name: 'promo_footer', created_at: '2020-10-29T21:56:27Z', updated_at: '2020-10-29T21:56:56Z' },
		]);

		sandbox.clearRequests();
		const one = await run({ resource: 'section', operation: 'get', sectionId: rl('1') });
		expectOneRequest({ method: 'GET', path: '/sections/1' });
		expect(out(one)[0]).toMatchObject({ id: 1, system_name: 'promo_header', structure: '{"version":1,"regions":{}}' });

		sandbox.clearRequests();
		const created = await run({
			resource: 'section',
			operation: 'create',
			systemName: 'survey_section',
			structure: '{"version":1}',
		});
		expectOneRequest({
			method: 'POST',
			path: '/sections',
			body: { system_name: 'survey_section', structure: '{"version":1}' },
		});
		const id = out(created)[0].id as number;
		expect(out(created)[0]).toMatchObject({ id, system_name: 'survey_section' });

		sandbox.clearRequests();
		const updated = await run({
			resource: 'section',
			operation: 'update',
			sectionId: rl(String(id), 'id'),
			updateFields: { systemName: 'nps_section' },
		});
		expectOneRequest({ method: 'PUT', path: `/sections/${id}`, body: { system_name: 'nps_section' } });
		expect(out(updated)[0]).toMatchObject({ id, system_name: 'nps_section' });

		sandbox.clearRequests();
		const deleted = await run({ resource: 'section', operation: 'delete', sectionId: rl(String(id)) });
		expectOneRequest({ method: 'DELETE', path: `/sections/${id}` });
		expect(out(deleted)[0]).toMatchObject({ id, system_name: 'nps_section' });
		expect(state().sections.has(id)).toBe(false);
	});

	test('a taken system name: 422 with code and description', async () => {
		const result = await run({ resource: 'section', operation: 'create', systemName: 'promo_header', structure: '{}' });
		expect(result.error?.message).toBe('TalkBox error (code 120): system_name promo_header has already been taken');
		expect(result.error?.httpCode).toBe('422');
	});
});

// ---------------------------------------------------------------------------------------------
describe('pickers', () => {
	/** A load-options context whose requests go to the sandbox with the credential's Basic auth. */
	function loadOptionsContext() {
		const credentials = sandbox.credentials('talkbox');
		return {
			getNode: () => ({ name: 'TalkBox', type: 'talkBox', typeVersion: 1, parameters: {} }),
			getCredentials: async () => credentials,
			helpers: {
				async httpRequestWithAuthentication(_type: string, options: IDataObject) {
					const url = new URL(`${options.baseURL as string}${options.url as string}`);
					for (const [key, value] of Object.entries((options.qs as IDataObject) ?? {})) url.searchParams.set(key, String(value));
					const response = await fetch(url, { method: options.method as string, headers: { authorization: basicAuth() } });
					const text = await response.text();
					return { statusCode: response.status, headers: {}, body: text ? JSON.parse(text) : undefined };
				},
			},
		};
	}
	const methods = () => NODE_TYPES.talkBox.methods!;

	test('offers, sections, templates and email sender details are listed by name, filtered by the typed text', async () => {
		const context = loadOptionsContext() as any;
		const search = methods().listSearch!;
		expect(await search.searchOffers.call(context)).toEqual({
			results: [
				{ name: 'Free Pie', value: '2' },
				{ name: 'My custom voucher', value: '1' },
			],
			paginationToken: undefined,
		});
		expect((await search.searchSections.call(context, 'foot')).results).toEqual([{ name: 'promo_footer', value: '2' }]);
		expect((await search.searchTemplates.call(context, 'custom')).results).toEqual([
			{ name: 'Custom template', value: '1067046282' },
		]);
		expect((await search.searchEmailSenderDetails.call(context)).results.map((r) => r.value)).toEqual(['456', '123']);
		expect(requests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /offers',
			'GET /sections',
			'GET /templates',
			'GET /email_sender_details',
		]);
		requests().forEach((request) => expect(request.headers.authorization).toBe(basicAuth()));
	});

	test('filter and date-trigger fields come from GET /fields', async () => {
		const context = loadOptionsContext() as any;
		const load = methods().loadOptions!;
		const dateFields = await load.getCampaignDateFields.call(context);
		expect(dateFields.map((o) => o.value)).toEqual(
			[...state().fields.values()].filter((f: IDataObject) => f.field_type === 'Date').map((f: IDataObject) => f.system_name),
		);
		const all = await load.getCampaignFilterFields.call(context);
		expect(all.length).toBe(state().fields.size);
		expect(all.find((o) => o.value === 'visits')).toMatchObject({ name: 'Visits (visits)', description: 'Number field' });
	});
});
