/**
 * PersonaClick custom events (POST /push/custom): exact wire, typed fields, input checks, and
 * that an event is never resent (no dedupe key at the vendor).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { NODE_TYPES, runNode, type RunResult, useSandbox } from '../support/harness';
import { everythingVisible, paired } from '../support/helpers';

const sandbox = useSandbox({ vendors: ['personaclick'] });

const creds = () => sandbox.credentials('personaclick');
const state = () => sandbox.vendor('personaclick').state;
const wire = () => sandbox.requestsFor('personaclick');
const auth = () => ({ shop_id: creds().shopId, shop_secret: creds().shopSecret });

function run(parameters: INodeParameters, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}): Promise<RunResult> {
	return runNode({
		type: 'personaClick',
		parameters: { resource: 'event', operation: 'create', ...parameters },
		credentials: { personaClickApi: creds() },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

describe('create', () => {
	test('event, identifier, category, label, integer value, time in Unix seconds, extra fields', async () => {
		const result = await run({
			eventCode: 'request_demo',
			identifierType: 'email',
			identifier: 'jane@example.com',
			additionalFields: { category: 'request_demo', label: 'home_page', value: 1, time: '2022-05-15T21:00:00.000Z' },
			extraFields: { field: [{ name: 'selected_plan', value: 'pro' }] },
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([{ json: { success: true }, pairedItem: { item: 0 } }]);
		expect(wire()).toHaveLength(1);
		const [request] = wire();
		expect(request).toMatchObject({ method: 'POST', path: '/push/custom', query: {} });
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.body).toEqual({
			event: 'request_demo',
			email: 'jane@example.com',
			category: 'request_demo',
			label: 'home_page',
			value: 1,
			time: 1652648400,
			selected_plan: 'pro',
			...auth(),
		});
		expect(state().events).toEqual([
			{
				event: 'request_demo',
				identifier: { email: 'jane@example.com' },
				category: 'request_demo',
				label: 'home_page',
				value: 1,
				time: 1652648400,
				extra: { selected_plan: 'pro' },
			},
		]);
	});

	test('a picker time without a zone is in the workflow time zone; only the event and identifier when nothing else is set', async () => {
		await run({ eventCode: 'registration', identifierType: 'loyalty_id', identifier: 'card-1' });
		await run({
			eventCode: 'registration',
			identifierType: 'telegram_id',
			identifier: '987654321',
			additionalFields: { time: '2022-05-15T21:00:00' },
		});
		expect(wire().map((r) => r.body)).toEqual([
			{ event: 'registration', loyalty_id: 'card-1', ...auth() },
			// n8n's default workflow time zone is America/New_York (UTC-4 in May).
			{ event: 'registration', telegram_id: '987654321', time: 1652662800, ...auth() },
		]);
	});

	test('the node never sends did', async () => {
		const identify = NODE_TYPES.personaClick.description.properties.find(
			(p) => p.name === 'identifierType' && p.displayOptions?.show?.resource?.includes('event'),
		);
		expect((identify?.options ?? []).map((o) => (o as { value: string }).value).sort()).toEqual([
			'email',
			'external_id',
			'loyalty_id',
			'phone',
			'telegram_id',
		]);
	});

	test.each([
		['no event code', { eventCode: ' ' }, /Event Code/],
		['a fractional value', { additionalFields: { value: 1.5 } }, /Value.*not a whole number/],
		['a time in milliseconds', { additionalFields: { time: 1652648400000 } }, /looks like milliseconds/],
		['an extra field name with capitals', { extraFields: { field: [{ name: 'Plan', value: 'x' }] } }, /"Plan" is not a valid name/],
		['an extra field that repeats a field', { extraFields: { field: [{ name: 'email', value: 'x' }] } }, /already set by another field/],
		['an invalid email', { identifier: 'not-an-email' }, /not a valid email/],
	])('input error, nothing sent: %s', async (_case, extra, problem) => {
		const result = await run(
			{ eventCode: 'my_event', identifierType: 'email', identifier: 'jane@example.com', ...extra } as INodeParameters,
			{ continueOnFail: true },
		);
		expect(wire()).toHaveLength(0);
		expect(String(result.items[0].json.error)).toMatch(problem);
	});

	test('an unknown event code: the vendor message', async () => {
		const result = await run({ eventCode: 'never_created', identifierType: 'email', identifier: 'jane@example.com' });
		expect(result.error?.message).toBe('PersonaClick error: Unknown event code never_created');
	});

	test('Continue On Fail: each input item its own output, bad ones not sent', async () => {
		const result = await run(
			{ eventCode: 'my_event', identifierType: 'phone', identifier: '={{ $json.phone }}' },
			{ items: [{ phone: '+15550100001' }, { phone: 'nope' }, { phone: '+447700900123' }], continueOnFail: true },
		);
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toEqual({ success: true });
		expect(String(result.items[1].json.error)).toMatch(/international format/);
		expect(result.items[2].json).toEqual({ success: true });
		expect(wire()).toHaveLength(2);
	});

	test.each([
		['a 500', { status: 500, body: { status: 'error', message: 'Oops' } }],
		['a connection reset', { reset: true }],
	])('never resent after %s (a repeat would fire triggers again)', async (_case, fault) => {
		sandbox.fault('personaclick', { path: '/push/custom', times: 1, ...fault });
		const result = await run({
			eventCode: 'my_event',
			identifierType: 'email',
			identifier: 'jane@example.com',
			retry: { initialDelayMs: 10, maxRetries: 3 },
		});
		expect(wire()).toHaveLength(1);
		expect(result.error?.description).toMatch(/may already have been applied/);
		expect(state().events).toHaveLength(0);
	});

	test('a 429 is retried (refused before any effect)', async () => {
		sandbox.fault('personaclick', { path: '/push/custom', times: 1, status: 429, headers: { 'Retry-After': '0' }, body: { status: 'error', message: 'Too many requests' } });
		const result = await run({ eventCode: 'my_event', identifierType: 'email', identifier: 'jane@example.com', retry: { initialDelayMs: 10 } });
		expect(result.error).toBeUndefined();
		expect(wire()).toHaveLength(2);
		expect(state().events).toHaveLength(1);
	});

	test('the secret is never visible', async () => {
		const secret = creds().shopSecret;
		sandbox.fault('personaclick', { path: '/push/custom', times: 1, status: 500, body: { status: 'error', message: `boom ${secret}` } });
		const failed = await run({ eventCode: 'my_event', identifierType: 'email', identifier: 'jane@example.com' });
		const ok = await run({ eventCode: 'my_event', identifierType: 'email', identifier: 'jane@example.com' });
		expect(failed.error?.message).toBe('PersonaClick error: boom [redacted]');
		expect(ok.error).toBeUndefined();
		for (const result of [failed, ok]) {
			expect(everythingVisible(result)).not.toContain(secret);
			expect(everythingVisible(result)).not.toContain(encodeURIComponent(secret));
		}
	});
});
