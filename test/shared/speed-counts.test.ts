/**
 * Per-item costs that n8n's engine pays for our nodes, counted (never timed): how often a
 * user's expression is evaluated, how often the credential is decrypted, and that the shared
 * runner (`customOperations`) sends exactly what n8n's RoutingNode would send (RoutingNode still
 * runs our nodes as AI Agent tools).
 */
import { Expression, type INodeParameters, type INodeType } from 'n8n-workflow';

import { customOperationsOf } from '../../nodes/shared/runner';
import { NODE_TYPES, TestCredentialsHelper, runNode, useSandbox } from '../support/harness';
import { json, paired } from '../support/helpers';

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

/** The same field read through an operator: n8n's engine evaluates it (jsonPath.ts reads only paths). */
const computed = (expression: string) => expression.replace(/ \}\}$/, ' ?? "" }}');

async function counted(run: () => ReturnType<typeof runNode>) {
	const counter = countEvaluations();
	try {
		return { result: await run(), counts: counter.counts };
	} finally {
		counter.restore();
	}
}

describe('one evaluation per parameter per item', () => {
	test.each(VENDORS)(
		"$vendor: a field read (`={{ $json.x }}`) never reaches n8n's engine; a computed expression is evaluated once for each item",
		async ({ vendor, type, parameters, item }) => {
			const [name, expression] = Object.entries(parameters).find(([, value]) => value.startsWith('='))!;
			const items = Array.from({ length: ITEMS }, () => ({ ...item }));
			const direct = await counted(() => runNode({ type, parameters, credentials: credentialsOf(vendor), items }));
			expect(direct.result.error).toBeUndefined();
			expect(direct.result.items).toHaveLength(ITEMS);
			expect(paired(direct.result.items)).toEqual(Array.from({ length: ITEMS }, (_, index) => ({ item: index })));
			expect(direct.counts.get(expression)).toBeUndefined();
			const sentDirect = sandbox.requestsFor(vendor).map((request) => [request.method, request.path, request.query]);
			expect(sentDirect).toHaveLength(ITEMS);

			sandbox.reset();
			const viaEngine = await counted(() =>
				runNode({ type, parameters: { ...parameters, [name]: computed(expression) }, credentials: credentialsOf(vendor), items }),
			);
			expect(viaEngine.result.error).toBeUndefined();
			expect(viaEngine.counts.get(computed(expression))).toBe(ITEMS);
			// The same requests and items either way.
			expect(sandbox.requestsFor(vendor).map((request) => [request.method, request.path, request.query])).toEqual(sentDirect);
			expect(json(viaEngine.result.items)).toEqual(json(direct.result.items));
		},
	);

	test('a parameter read by routing, a check and a hook is still evaluated once per item (Talkable Person Upsert)', async () => {
		const run = (email: string, name: string) =>
			runNode({
				type: 'talkable',
				parameters: { resource: 'person', operation: 'upsert', personSlug: email, personFields: { firstName: name, email } },
				credentials: credentialsOf('talkable'),
				items: [
					{ email: 'a@example.com', name: 'Ann' },
					{ email: 'b@example.com', name: 'Bob' },
				],
			});
		const expected = [
			{ site_slug: 'my-store', data: { first_name: 'Ann', email: 'a@example.com' } },
			{ site_slug: 'my-store', data: { first_name: 'Bob', email: 'b@example.com' } },
		];
		const viaEngine = await counted(() => run(computed('={{ $json.email }}'), computed('={{ $json.name }}')));
		expect(viaEngine.result.error).toBeUndefined();
		expect(sandbox.requestsFor('talkable').map((request) => request.body)).toEqual(expected);
		// personSlug and personFields.email are two parameters with the same text: 2 × 2 items.
		expect(viaEngine.counts.get(computed('={{ $json.email }}'))).toBe(4);
		expect(viaEngine.counts.get(computed('={{ $json.name }}'))).toBe(2);

		sandbox.reset();
		const direct = await counted(() => run('={{ $json.email }}', '={{ $json.name }}'));
		expect(direct.result.error).toBeUndefined();
		expect(sandbox.requestsFor('talkable').map((request) => request.body)).toEqual(expected);
		expect([...direct.counts.keys()].filter((text) => text.includes('$json'))).toEqual([]);
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
		// Field reads the runner resolves itself (jsonPath.ts), RoutingNode through n8n's engine.
		{ vendor: 'talkbox', type: 'talkBox', parameters: { resource: 'tag', operation: 'create', tagName: '={{ $json.tag["display name"] }}' } },
		{ vendor: 'talkbox', type: 'talkBox', parameters: { resource: 'contact', operation: 'get', contactId: "={{ $json.lines[1]['contact id'] }}" } },
		{
			vendor: 'talkable',
			type: 'talkable',
			parameters: {
				resource: 'person',
				operation: 'upsert',
				personSlug: '={{$json.email}}',
				personFields: { firstName: '={{ $json.tag["display name"] }}', unsubscribed: '={{ $json.vip }}' },
			},
		},
		// A field that is not a scalar, or missing: n8n's engine answers, for both.
		{ vendor: 'talkbox', type: 'talkBox', parameters: { resource: 'tag', operation: 'create', tagName: '={{ $json.missing }}x' } },
	];
	const items = [
		{
			email: 'customer@example.com',
			id: 300,
			name: 'speed-test',
			profile: 'john.doe@examplemail.com',
			vip: true,
			tag: { 'display name': 'Gold members' },
			lines: [{}, { 'contact id': 300 }],
		},
	];
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
