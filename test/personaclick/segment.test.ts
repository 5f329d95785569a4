/**
 * PersonaClick segments of a contact: getAll, add, remove, check (both answer shapes), through
 * n8n's engine against the stateful sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NODE_TYPES, runNode, type RunResult, useSandbox } from '../support/harness';
import { everythingVisible, json, paired } from '../support/helpers';

const sandbox = useSandbox({ vendors: ['personaclick'] });

const creds = () => sandbox.credentials('personaclick');
const state = () => sandbox.vendor('personaclick').state;
const wire = () => sandbox.requestsFor('personaclick');
const auth = () => ({ shop_id: creds().shopId, shop_secret: creds().shopSecret });
const john = 'john.doe@examplemail.com';
const jane = 'jane.roe@examplemail.com';

function run(parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}): Promise<RunResult> {
	return runNode({
		type: 'personaClick',
		parameters: { resource: 'segment', ...parameters },
		credentials: { personaClickApi: creds() },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

function expectPost(index: number, path: string, body: IDataObject) {
	const request = wire()[index];
	expect(request).toMatchObject({ method: 'POST', path, query: {} });
	expect(request.headers['content-type']).toBe('application/json');
	expect(request.body).toEqual({ ...body, ...auth() });
}

describe('getAll', () => {
	test('POST /segments/get by email: one item per segment', async () => {
		const result = await run({ operation: 'getAll', identifierType: 'email', identifier: john, returnAll: true });
		expect(result.error).toBeUndefined();
		expectPost(0, '/segments/get', { email: john });
		expect(json(result.items)).toEqual([
			{ id: 313, type: 'static' },
			{ id: 314, type: 'dynamic' },
		]);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	test('Limit, and a contact in no segment', async () => {
		let result = await run({ operation: 'getAll', identifierType: 'phone', identifier: '+1 555 010 0001', limit: 1 });
		expectPost(0, '/segments/get', { phone: '+15550100001' });
		expect(json(result.items)).toEqual([{ id: 313, type: 'static' }]);
		result = await run({ operation: 'getAll', identifierType: 'email', identifier: jane });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});
});

describe('add, check, remove', () => {
	test('add then check (bare true), remove then check (bare false)', async () => {
		let result = await run({ operation: 'add', segmentId: 315, identifierType: 'email', identifier: jane });
		expect(result.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
		expectPost(0, '/segments/add', { segment_id: 315, email: jane });

		result = await run({ operation: 'check', segmentId: 315, identifierType: 'email', identifier: jane });
		expectPost(1, '/segments/includes', { segment_id: 315, email: jane });
		expect(result.items).toEqual([{ json: { segment_id: 315, result: true }, pairedItem: { item: 0 } }]);

		// Adding again is a no-op.
		await run({ operation: 'add', segmentId: 315, identifierType: 'email', identifier: jane });
		expect(state().contacts.find((c: IDataObject) => c.email === jane).segments).toEqual([315]);

		result = await run({ operation: 'remove', segmentId: 315, identifierType: 'email', identifier: jane });
		expect(result.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
		expectPost(3, '/segments/remove', { segment_id: 315, email: jane });

		result = await run({ operation: 'check', segmentId: 315, identifierType: 'external_id', identifier: 'cust-1' });
		expectPost(4, '/segments/includes', { segment_id: 315, external_id: 'cust-1' });
		expect(json(result.items)).toEqual([{ segment_id: 315, result: false }]);

		// Removing someone who is not in: no error.
		result = await run({ operation: 'remove', segmentId: 315, identifierType: 'email', identifier: jane });
		expect(result.error).toBeUndefined();
	});

	test('check with the announced envelope answer gives the same output', async () => {
		state().segmentCheckShape = 'envelope';
		const result = await run({ operation: 'check', segmentId: 313, identifierType: 'loyalty_id', identifier: 'card-1' });
		expectPost(0, '/segments/includes', { segment_id: 313, loyalty_id: 'card-1' });
		expect(json(result.items)).toEqual([{ segment_id: 313, result: true }]);
	});

	test('a segment ID from an expression (text) is sent as an integer', async () => {
		await run(
			{ operation: 'add', segmentId: '={{ $json.segment }}', identifierType: 'phone', identifier: '={{ $json.phone }}' },
			{ items: [{ segment: '315', phone: '+447700900123' }] },
		);
		expectPost(0, '/segments/add', { segment_id: 315, phone: '+447700900123' });
	});

	test.each([
		['zero', 0, /Segment ID/],
		['not a number', '={{ "abc" }}', /Segment ID/],
	])('a segment ID that is %s: input error, nothing sent', async (_case, segmentId, problem) => {
		const result = await run({ operation: 'add', segmentId, identifierType: 'email', identifier: jane }, { continueOnFail: true });
		expect(wire()).toHaveLength(0);
		expect(String(result.items[0].json.error)).toMatch(problem);
	});

	test('add and remove identify by email or phone only; check by any identifier', () => {
		const properties = NODE_TYPES.personaClick.description.properties;
		const values = (operation: string) =>
			properties
				.find((p) => p.name === 'identifierType' && p.displayOptions?.show?.resource?.includes('segment') && p.displayOptions?.show?.operation?.includes(operation))!
				.options!.map((o) => (o as { value: string }).value);
		expect(values('add')).toEqual(['email', 'phone']);
		expect(values('remove')).toEqual(['email', 'phone']);
		expect(values('getAll')).toEqual(['email', 'phone']);
		expect(values('check')).toEqual(['email', 'external_id', 'loyalty_id', 'phone', 'telegram_id']);
		const segmentId = properties.find((p) => p.name === 'segmentId');
		expect(segmentId?.type).toBe('number');
		expect(segmentId?.description).toMatch(/cannot list segments/);
	});

	test('vendor errors: unknown segment, dynamic segment', async () => {
		let result = await run({ operation: 'add', segmentId: 999, identifierType: 'email', identifier: jane });
		expect(result.error?.message).toBe('PersonaClick error: Segment not found');
		result = await run({ operation: 'add', segmentId: 314, identifierType: 'email', identifier: jane });
		expect(result.error?.message).toBe('PersonaClick error: Only static segments can be changed');
	});

	test('retry-safe: add is retried after a 500', async () => {
		sandbox.fault('personaclick', { path: '/segments/add', status: 500, times: 1, body: { status: 'error', message: 'Oops' } });
		const result = await run({ operation: 'add', segmentId: 315, identifierType: 'email', identifier: jane, retry: { initialDelayMs: 10 } });
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(2);
	});

	test('the secret is never visible', async () => {
		const secret = creds().shopSecret;
		sandbox.fault('personaclick', { path: '/segments/includes', times: 1, status: 403, body: { status: 'error', payload: { message: `Invalid secret key ${secret}` } } });
		const failed = await run({ operation: 'check', segmentId: 313, identifierType: 'email', identifier: john });
		expect(failed.error?.message).toBe('PersonaClick error: Invalid secret key [redacted]');
		const ok = await run({ operation: 'getAll', identifierType: 'email', identifier: john, returnAll: true });
		for (const result of [failed, ok]) expect(everythingVisible(result)).not.toContain(secret);
	});
});
