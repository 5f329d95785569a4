/**
 * Per-item costs that n8n's engine pays for our nodes, counted (never timed): how often a
 * user's expression is evaluated, how often the credential is decrypted, and that the shared
 * runner (`customOperations`) sends exactly what n8n's RoutingNode would send (RoutingNode still
 * runs our nodes as AI Agent tools).
 */
import { Expression, type INodeParameters, type INodeType } from 'n8n-workflow';

import { customOperationsOf } from '../nodes/shared/runner';
import { NODE_TYPES, TestCredentialsHelper, runNode, useSandbox } from './harness';
import { json, paired } from './helpers';

const sandbox = useSandbox();
const ITEMS = 200;

/** Count the evaluations of each `={{ … }}` text by n8n's expression engine, until `restore`. */
function countEvaluations() {
	const counts = new Map<string, number>();
	const original = Expression.prototype.resolveSimpleParameterValue;
	Expression.prototype.resolveSimpleParameterValue = function (this: Expression, ...args: Parameters<typeof original>) {
		if (typeof args[0] === 'string') counts.set(args[0], (counts.get(args[0]) ?? 0) + 1);
		return original.apply(this, args);
	};
	return {
		counts,
		restore: () => {
			Expression.prototype.resolveSimpleParameterValue = original;
		},
	};
}

const VENDORS = [
	{
		vendor: 'talkable',
		type: 'talkable',
		parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' },
		item: { email: 'customer@example.com' },
	},
	{
		vendor: 'talkbox',
		type: 'talkBox',
		parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' },
		item: { id: 300 },
	},
	{
		vendor: 'sailthru',
		type: 'sailthru',
		parameters: { resource: 'user', operation: 'get', id: '={{ $json.email }}' },
		item: { email: 'old@example.com' },
	},
	{
		vendor: 'personaclick',
		type: 'personaClick',
		parameters: { resource: 'profile', operation: 'get', identifierType: 'email', identifier: '={{ $json.email }}' },
		item: { email: 'john.doe@examplemail.com' },
	},
] as const;

const credentialsOf = (vendor: string) => {
	const types: Record<string, string> = { talkable: 'talkableApi', talkbox: 'talkBoxApi', sailthru: 'sailthruApi', personaclick: 'personaClickApi' };
	return { [types[vendor]]: sandbox.credentials(vendor) };
};

describe('one evaluation per parameter per item', () => {
	test.each(VENDORS)('$vendor: the user\'s expression is evaluated once for each item', async ({ vendor, type, parameters, item }) => {
		const expression = Object.values(parameters).find((value) => value.startsWith('='))!;
		const counter = countEvaluations();
		let result;
		try {
			result = await runNode({ type, parameters, credentials: credentialsOf(vendor), items: Array.from({ length: ITEMS }, () => ({ ...item })) });
		} finally {
			counter.restore();
		}
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ITEMS);
		expect(paired(result.items)).toEqual(Array.from({ length: ITEMS }, (_, index) => ({ item: index })));
		expect(sandbox.requestsFor(vendor)).toHaveLength(ITEMS);
		expect(counter.counts.get(expression)).toBe(ITEMS);
	});

	test('a parameter read by routing, a check and a hook is still evaluated once per item (Talkable Person Upsert)', async () => {
		const counter = countEvaluations();
		let result;
		try {
			result = await runNode({
				type: 'talkable',
				parameters: {
					resource: 'person',
					operation: 'upsert',
					personSlug: '={{ $json.email }}',
					personFields: { firstName: '={{ $json.name }}', email: '={{ $json.email }}' },
				},
				credentials: credentialsOf('talkable'),
				items: [
					{ email: 'a@example.com', name: 'Ann' },
					{ email: 'b@example.com', name: 'Bob' },
				],
			});
		} finally {
			counter.restore();
		}
		expect(result.error).toBeUndefined();
		expect(sandbox.requestsFor('talkable').map((request) => request.body)).toEqual([
			{ site_slug: 'my-store', data: { first_name: 'Ann', email: 'a@example.com' } },
			{ site_slug: 'my-store', data: { first_name: 'Bob', email: 'b@example.com' } },
		]);
		// personSlug and personFields.email are two parameters with the same text: 2 × 2 items.
		expect(counter.counts.get('={{ $json.email }}')).toBe(4);
		expect(counter.counts.get('={{ $json.name }}')).toBe(2);
	});
});

describe('one credential decryption per node run', () => {
	test('1,000 items: the credential is decrypted once', async () => {
		const decrypt = jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted');
		try {
			const result = await runNode({
				type: 'talkable',
				parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' },
				credentials: credentialsOf('talkable'),
				items: Array.from({ length: 1000 }, () => ({ email: 'customer@example.com' })),
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1000);
			expect(sandbox.requestsFor('talkable')).toHaveLength(1000);
			expect(decrypt).toHaveBeenCalledTimes(1);
		} finally {
			decrypt.mockRestore();
		}
	});

	test('each request still carries the credential, also when the vendor signs it (Sailthru)', async () => {
		const result = await runNode({
			type: 'sailthru',
			parameters: { resource: 'user', operation: 'get', id: '={{ $json.email }}' },
			credentials: credentialsOf('sailthru'),
			items: [{ email: 'old@example.com' }, { email: 'old@example.com' }],
		});
		expect(result.error).toBeUndefined();
		const signed = sandbox.requestsFor('sailthru').map((request) => (request.query as Record<string, string>).api_key);
		expect(signed).toEqual([sandbox.credentials('sailthru').apiKey, sandbox.credentials('sailthru').apiKey]);
	});
});

/** The same node type without its runner: n8n's RoutingNode runs it (as it does for a tool). */
function routingOnly(type: INodeType): INodeType {
	return Object.create(type, { customOperations: { value: undefined } }) as INodeType;
}

describe('the runner sends what RoutingNode sends', () => {
	const CASES = [
		{ vendor: 'talkable', type: 'talkable', parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' } },
		{
			vendor: 'talkable',
			type: 'talkable',
			parameters: { resource: 'person', operation: 'upsert', personSlug: '={{ $json.email }}', personFields: { firstName: 'Ann', unsubscribed: true } },
		},
		{ vendor: 'talkable', type: 'talkable', parameters: { resource: 'asset', operation: 'getAll', returnAll: false, limit: 5, filters: { contentType: 'image' } } },
		{ vendor: 'talkbox', type: 'talkBox', parameters: { resource: 'tag', operation: 'create', tagName: '={{ $json.name }}' } },
		{ vendor: 'talkbox', type: 'talkBox', parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' } },
		{ vendor: 'sailthru', type: 'sailthru', parameters: { resource: 'user', operation: 'get', id: 'old@example.com' } },
		{ vendor: 'personaclick', type: 'personaClick', parameters: { resource: 'subscription', operation: 'reportEvent', email: ' ann@example.com ', event: 'unsubscribed' } },
		{ vendor: 'personaclick', type: 'personaClick', parameters: { resource: 'profile', operation: 'get', identifierType: 'email', identifier: '={{ $json.profile }}' } },
	];
	const items = [{ email: 'customer@example.com', id: 300, name: 'speed-test', profile: 'john.doe@examplemail.com' }];
	const wire = () =>
		sandbox.requests.map(({ method, path, query, rawBody, headers }) => ({ method, path, query, rawBody, contentType: headers['content-type'] }));

	test.each(CASES)('$type $parameters.resource $parameters.operation', async ({ vendor, type, parameters }) => {
		const credentials = credentialsOf(vendor);
		sandbox.reset();
		const runner = await runNode({ type, parameters, credentials, items });
		const sentByRunner = wire();
		sandbox.reset();
		const routing = await runNode({ type, parameters, credentials, items, nodeTypes: { [type]: routingOnly(NODE_TYPES[type]) } });
		const sentByRouting = wire();
		expect(runner.error).toBeUndefined();
		expect(routing.error).toBeUndefined();
		expect(sentByRunner.length).toBeGreaterThan(0);
		// Sailthru signs every request with a timestamp: compare it without the signature.
		const unsigned = (requests: ReturnType<typeof wire>) =>
			requests.map((request) => ({ ...request, query: { ...request.query, sig: undefined }, rawBody: request.rawBody.replace(/sig=[0-9a-f]+/, '') }));
		expect(unsigned(sentByRunner)).toEqual(unsigned(sentByRouting));
		expect(json(runner.items)).toEqual(json(routing.items));
	});
});

describe('every operation runs through the runner', () => {
	test('the four nodes hand all their operations to customOperations', () => {
		let total = 0;
		for (const type of ['talkable', 'talkBox', 'sailthru', 'personaClick']) {
			const node = NODE_TYPES[type];
			const declared = node.description.properties
				.filter((property) => property.name === 'operation')
				.flatMap((property) =>
					((property.displayOptions?.show?.resource ?? []) as string[]).flatMap((resource) =>
						(property.options as Array<{ value: string }>).map((option) => `${resource}:${option.value}`),
					),
				);
			const custom = Object.entries(node.customOperations ?? {}).flatMap(([resource, operations]) =>
				Object.keys(operations).map((operation) => `${resource}:${operation}`),
			);
			expect(custom.sort()).toEqual(declared.sort());
			total += custom.length;
		}
		expect(total).toBe(154);
	});

	test('a description with routing the runner does not do is left to RoutingNode', () => {
		const { description } = NODE_TYPES.personaClick;
		const withValue = {
			...description,
			properties: [
				...description.properties,
				{ displayName: 'Extra', name: 'extra', type: 'string' as const, default: '', routing: { send: { type: 'body' as const, property: 'x', value: '={{ $value.trim() }}' } } },
			],
		};
		expect(Object.keys(customOperationsOf(description))).not.toHaveLength(0);
		expect(customOperationsOf(withValue)).toEqual({});
		expect(customOperationsOf({ ...description, requestDefaults: { baseURL: '={{ $credentials.baseUrl }}' } })).toEqual({});
	});
});

describe("n8n's Options of a declarative node", () => {
	const run = (requestOptions: INodeParameters) =>
		runNode({
			type: 'talkable',
			parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}', requestOptions },
			credentials: credentialsOf('talkable'),
			items: [{ email: 'customer@example.com' }, { email: 'customer@example.com' }, { email: 'customer@example.com' }],
		});

	test('a proxy without a port is refused before anything is sent', async () => {
		const result = await run({ proxy: 'http://proxy.example.com' });
		expect(result.error?.message).toBe('The proxy is not valid');
		expect(result.error?.description).toBe('The proxy URL does not contain a valid value for "port"');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('batching: every item still runs once, paired', async () => {
		const result = await run({ batching: { batch: { batchSize: 2, batchInterval: 10 } } });
		expect(result.error).toBeUndefined();
		expect(paired(result.items)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sandbox.requests).toHaveLength(3);
	});
});
