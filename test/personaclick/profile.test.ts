/**
 * PersonaClick profiles (CDP): get, upsert, purge and the three force-change operations, run
 * through n8n's engine against the stateful sandbox: exact wire, outputs, input checks, retry
 * safety and secret redaction.
 */
import { inspect } from 'node:util';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NODE_TYPES, runNode, type RunResult, useSandbox } from '../support/harness';
import { everythingVisible, json, paired, type RecordedRequest } from '../support/helpers';

const sandbox = useSandbox({ vendors: ['personaclick'] });

const creds = () => sandbox.credentials('personaclick');
const state = () => sandbox.vendor('personaclick').state;
const wire = () => sandbox.requestsFor('personaclick');
const auth = () => ({ shop_id: creds().shopId, shop_secret: creds().shopSecret });
const fastRetry = { initialDelayMs: 10 };

function run(
	parameters: INodeParameters,
	options: { items?: IDataObject[]; continueOnFail?: boolean } = {},
): Promise<RunResult> {
	return runNode({
		type: 'personaClick',
		parameters: { resource: 'profile', ...parameters },
		credentials: { personaClickApi: creds() },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

function expectJson(request: RecordedRequest, method: string, path: string, body: IDataObject) {
	expect(request.method).toBe(method);
	expect(request.path).toBe(path);
	expect(request.query).toEqual({});
	expect(request.headers['content-type']).toBe('application/json');
	expect(request.body).toEqual({ ...body, ...auth() });
}

const byEmail = (email: string) => state().contacts.find((c: IDataObject) => c.email === email);
const john = 'john.doe@examplemail.com';

describe('get', () => {
	test('GET /profile with the secret and one identifier in the query; the full profile', async () => {
		const result = await run({ operation: 'get', identifierType: 'email', identifier: ` ${john} ` });
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(1);
		expect(wire()[0]).toMatchObject({ method: 'GET', path: '/profile', rawBody: '' });
		expect(wire()[0].query).toEqual({ email: john, ...auth() });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items[0].json).toMatchObject({
			email: john,
			first_name: 'John',
			last_name: 'Doe',
			phone: '+15550100001',
			tags: ['vip'],
			custom_properties: { vip_tier: 'gold' },
			orders: [{ id: 'A-100', status: 'created', value: 120.5 }],
		});
	});

	test('by phone (separators removed) and by external ID', async () => {
		await run({ operation: 'get', identifierType: 'phone', identifier: '+1 (555) 010-0001' });
		await run({ operation: 'get', identifierType: 'external_id', identifier: 'cust-1' });
		expect(wire().map((r) => r.query)).toEqual([
			{ phone: '+15550100001', ...auth() },
			{ external_id: 'cust-1', ...auth() },
		]);
	});

	test('Output: Simplified and Selected Fields', async () => {
		let result = await run({ operation: 'get', identifierType: 'email', identifier: john, outputMode: 'simplified' });
		expect(Object.keys(result.items[0].json)).toEqual([
			'email',
			'phone',
			'first_name',
			'last_name',
			'gender',
			'birthday',
			'location',
			'loyalty_id',
			'telegram_id',
			'tags',
			'custom_properties',
		]);
		result = await run({
			operation: 'get',
			identifierType: 'email',
			identifier: john,
			outputMode: 'selected',
			outputFields: 'email, orders',
		});
		expect(json(result.items)).toEqual([{ email: john, orders: [expect.objectContaining({ id: 'A-100' })] }]);
	});

	test('an unknown profile: 404 "Profile not found"', async () => {
		const result = await run({ operation: 'get', identifierType: 'email', identifier: 'nobody@example.com' });
		expect(result.error?.message).toBe('PersonaClick error: Profile not found');
		expect(result.error?.httpCode).toBe('404');
	});
});

describe('upsert', () => {
	test('sends only the fields that were set, typed; the profile reads back', async () => {
		const result = await run({
			operation: 'upsert',
			identifierType: 'email',
			identifier: 'ann.new@example.com',
			additionalFields: {
				firstName: 'Ann',
				lastName: ' Lee ',
				gender: 'f',
				birthday: '1990-03-11T00:00:00',
				age: 34,
				externalId: 'u-1001',
				phone: '+44 7700 900999',
				location: 'NY',
				kids: { kid: [{ gender: 'm', birthday: '2017-06-04' }, { birthday: '2019-01-02T00:00:00' }] },
				auto: { car: [{ brand: 'Nissan', model: 'Qashqai', vds: 'TM7N243E4G0BJG978' }] },
			},
			customProperties: { property: [{ name: 'vip_tier', value: 'gold' }] },
			customPropertiesJson: '{"favourite_sizes":["M","L"],"score":12}',
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
		expect(wire()).toHaveLength(1);
		expectJson(wire()[0], 'POST', '/profile/set', {
			email: 'ann.new@example.com',
			external_id: 'u-1001',
			phone: '+447700900999',
			first_name: 'Ann',
			last_name: 'Lee',
			location: 'NY',
			gender: 'f',
			birthday: '1990-03-11',
			age: 34,
			kids: [{ gender: 'm', birthday: '2017-06-04' }, { birthday: '2019-01-02' }],
			auto: [{ brand: 'Nissan', model: 'Qashqai', vds: 'TM7N243E4G0BJG978' }],
			vip_tier: 'gold',
			favourite_sizes: ['M', 'L'],
			score: 12,
		});

		const got = await run({ operation: 'get', identifierType: 'external_id', identifier: 'u-1001' });
		expect(got.items[0].json).toMatchObject({
			email: 'ann.new@example.com',
			phone: '+447700900999',
			first_name: 'Ann',
			birthday: '1990-03-11',
			gender: 'f',
			custom_properties: { vip_tier: 'gold', favourite_sizes: ['M', 'L'], score: 12 },
		});
	});

	test('an existing profile: only the given fields change', async () => {
		const result = await run({
			operation: 'upsert',
			identifierType: 'phone',
			identifier: '+15550100001',
			additionalFields: { lastName: 'Doe-Smith' },
		});
		expect(result.error).toBeUndefined();
		expectJson(wire()[0], 'POST', '/profile/set', { phone: '+15550100001', last_name: 'Doe-Smith' });
		expect(byEmail(john)).toMatchObject({ first_name: 'John', last_name: 'Doe-Smith', custom_properties: { vip_tier: 'gold' } });
	});

	test.each([
		['a custom property name that is not [a-z0-9_]+', { customProperties: { property: [{ name: 'VIP Tier', value: 'x' }] } }, 'Custom Properties', /"VIP Tier" is not a valid name/],
		['a custom property that repeats a field', { additionalFields: { firstName: 'A' }, customPropertiesJson: '{"first_name":"B"}' }, 'Custom Properties (JSON)', /already set by another field/],
		['a reserved name', { customPropertiesJson: { shop_id: 'x' } }, 'Custom Properties (JSON)', /reserved/],
		['JSON that is not an object', { customPropertiesJson: '[1,2]' }, 'Custom Properties (JSON)', /must be a JSON object/],
		['a bad birthday', { additionalFields: { birthday: 'yesterday' } }, 'Additional Fields → Birthday', /is not a date/],
		['a phone that is no number', { additionalFields: { phone: '12-ab' } }, 'Additional Fields → Phone', /international format/],
		['a second email that differs', { additionalFields: { email: 'other@example.com' } }, 'Additional Fields → Email', /already gives email/],
	])('input error, nothing sent: %s', async (_case, extra, label, problem) => {
		const result = await run(
			{ operation: 'upsert', identifierType: 'email', identifier: 'ann.new@example.com', ...extra } as INodeParameters,
			{ continueOnFail: true },
		);
		expect(wire()).toHaveLength(0);
		expect(result.items).toHaveLength(1);
		expect(String(result.items[0].json.error)).toContain(label);
		expect(String(result.items[0].json.error)).toMatch(problem);
	});

	test('retry-safe: retried after a 500 and after a reset', async () => {
		sandbox.fault('personaclick', { path: '/profile/set', status: 500, times: 1, body: { status: 'error', message: 'Oops' } });
		sandbox.fault('personaclick', { path: '/profile/set', reset: true, times: 1 });
		const result = await run({
			operation: 'upsert',
			identifierType: 'email',
			identifier: john,
			additionalFields: { firstName: 'Johnny' },
			retry: fastRetry,
		});
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(3);
		expect(byEmail(john).first_name).toBe('Johnny');
	});
});

describe('purge', () => {
	test('DELETE with a JSON body (credential included, nothing in the query); a repeat is 404', async () => {
		const result = await run({ operation: 'purge', identifierType: 'email', identifier: john });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
		expectJson(wire()[0], 'DELETE', '/profile/purge', { email: john });
		const purged = state().contacts[0];
		expect(purged).toMatchObject({ email: null, phone: null, first_name: null, external_id: null, loyalty_id: null, custom_properties: {} });

		const again = await run({ operation: 'purge', identifierType: 'email', identifier: john });
		expect(again.error?.message).toBe('PersonaClick error: Profile not found');
		expect(again.error?.httpCode).toBe('404');
		expect(wire()).toHaveLength(2);
	});

	test('the description and a notice say it is irreversible', () => {
		const properties = NODE_TYPES.personaClick.description.properties;
		const notice = properties.find((p) => p.name === 'purgeNotice');
		expect(notice?.type).toBe('notice');
		expect(notice?.displayName).toMatch(/irreversible/);
		const purge = properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => p.options ?? [])
			.find((o) => (o as { value: string }).value === 'purge') as { description: string };
		expect(purge.description).toMatch(/Cannot be undone/);
	});
});

describe('force change', () => {
	test.each([
		['forceChangeEmail', { oldEmail: john, newEmail: 'jane.roe@examplemail.com' }, '/profile/force_change_email', { old_email: john, new_email: 'jane.roe@examplemail.com' }, 'email'],
		['forceChangePhone', { oldPhone: '+1 555 010 0001', newPhone: '+447700900123' }, '/profile/force_change_phone', { old_phone: '+15550100001', new_phone: '+447700900123' }, 'phone'],
		['forceChangeExternalId', { oldExternalId: 'cust-1', newExternalId: 'cust-2' }, '/profile/force_change_id', { old_external_id: 'cust-1', new_external_id: 'cust-2' }, 'external_id'],
	])('%s: the flag is sent when confirmed; the identifier moves', async (operation, parameters, path, body, key) => {
		if (key === 'external_id') state().contacts[1].external_id = 'cust-2';
		const [first, second] = state().contacts;
		const result = await run({ operation, ...parameters, confirmForceChange: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
		expect(wire()).toHaveLength(1);
		expectJson(wire()[0], 'POST', path, { ...body, i_understand_what_i_am_doing: true });
		const newValue = Object.values(body)[1];
		expect(first[key]).toBe(newValue);
		// The other profile that had it lost it.
		expect(second[key]).toBeNull();
	});

	test('without the confirmation: an input error, nothing sent', async () => {
		const result = await run(
			{ operation: 'forceChangeEmail', oldEmail: john, newEmail: 'new@example.com', confirmForceChange: false },
			{ continueOnFail: true },
		);
		expect(wire()).toHaveLength(0);
		expect(String(result.items[0].json.error)).toMatch(/I Understand the Consequences/);
	});

	test('bad values: input errors per item under Continue On Fail', async () => {
		const result = await run(
			{ operation: 'forceChangePhone', oldPhone: '={{ $json.old }}', newPhone: '={{ $json.new }}', confirmForceChange: true },
			{
				items: [
					{ old: '+15550100001', new: '+15550100999' },
					{ old: 'call me', new: '+15550100998' },
					{ old: '+15550100999', new: '+15550100999' },
				],
				continueOnFail: true,
			},
		);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toEqual({ success: true });
		expect(String(result.items[1].json.error)).toMatch(/Old Phone/);
		expect(String(result.items[2].json.error)).toMatch(/same as the old phone/);
		expect(wire()).toHaveLength(1);
	});

	test('an unknown old email: the vendor 404 message', async () => {
		const result = await run({ operation: 'forceChangeEmail', oldEmail: 'nobody@example.com', newEmail: 'x@example.com', confirmForceChange: true });
		expect(result.error?.message).toBe('PersonaClick error: Profile with `old_email` not found');
	});

	test.each([
		['a 500', { status: 500, body: { status: 'error', message: 'Oops' } }],
		['a connection reset', { reset: true }],
	])('never resent after %s', async (_case, fault) => {
		sandbox.fault('personaclick', { path: '/profile/force_change_email', times: 1, ...fault });
		const result = await run({
			operation: 'forceChangeEmail',
			oldEmail: john,
			newEmail: 'moved@example.com',
			confirmForceChange: true,
			retry: { ...fastRetry, maxRetries: 3 },
		});
		expect(wire()).toHaveLength(1);
		expect(result.error).toBeDefined();
		expect(result.error?.description).toMatch(/may already have been applied/);
	});

	test('a notice warns on every force change', () => {
		const notice = NODE_TYPES.personaClick.description.properties.find((p) => p.name === 'forceChangeNotice');
		expect(notice?.displayOptions?.show?.operation).toEqual(['forceChangeEmail', 'forceChangeExternalId', 'forceChangePhone']);
		expect(notice?.displayName).toMatch(/loses it/);
	});
});

describe('the shop secret never leaks', () => {
	test('outputs, errors (a DELETE body and a GET URL) and logs', async () => {
		const secret = creds().shopSecret;
		const echo = `Invalid secret ${secret} (${encodeURIComponent(secret)})`;
		const seen: string[] = [];
		const collect = (result: RunResult) =>
			seen.push(
				everythingVisible(result),
				...[result.error, ...result.items.map((item) => item.error)].map((error) => (error ? inspect(error, { depth: 8 }) : '')),
			);
		sandbox.fault('personaclick', { path: '/profile/purge', status: 403, times: 1, body: { status: 'error', payload: { message: echo } } });
		let result = await run({ operation: 'purge', identifierType: 'email', identifier: john });
		expect(result.error?.message).toBe('PersonaClick error: Invalid secret [redacted] ([redacted])');
		collect(result);
		sandbox.fault('personaclick', { path: '/profile', status: 502, times: 2, body: 'Bad gateway' });
		result = await run({ operation: 'get', identifierType: 'email', identifier: john, retry: { ...fastRetry, maxRetries: 1 } });
		expect(result.error).toBeDefined();
		collect(result);
		sandbox.clearFaults();
		for (const parameters of [
			{ operation: 'get', identifierType: 'email', identifier: john },
			{ operation: 'upsert', identifierType: 'email', identifier: john, additionalFields: { firstName: 'J' } },
			{ operation: 'forceChangeEmail', oldEmail: john, newEmail: 'j@example.com', confirmForceChange: true },
			{ operation: 'purge', identifierType: 'email', identifier: 'j@example.com' },
		]) {
			result = await run(parameters);
			expect(result.error).toBeUndefined();
			collect(result);
		}
		const haystack = seen.join('\n');
		expect(wire().every((r) => (r.method === 'GET' ? r.query : (r.body as IDataObject)).shop_secret === secret)).toBe(true);
		for (const form of [secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, '+')]) {
			expect(haystack).not.toContain(form);
		}
	});
});
