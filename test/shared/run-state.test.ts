/**
 * The run state (credential, secrets, governor) and batches at the seams where n8n hands our
 * nodes something other than "one node, all its input items": an AI Agent's tools (n8n-core gives
 * every tool the agent's execute data), Execute Once, Retry On Fail, Continue On Fail, Always
 * Output Data and pinned input. Tools are invoked exactly as n8n-core's
 * `makeHandleToolInvocation` does: a SupplyDataContext per call, the agent's execute data, the
 * tool call's arguments added as `ai_tool` input, then the node type's `execute` (RoutingNode, as
 * n8n's NodeTypes assigns it to declarative nodes).
 */
import { ExecutionLifecycleHooks, SupplyDataContext } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	createRunExecutionData,
	type IDataObject,
	type IExecuteData,
	type INode,
	type INodeExecutionData,
	type IWorkflowBase,
} from 'n8n-workflow';

import { NODE_TYPES, TestNodeTypes, runNode, testAdditionalData, useSandbox } from '../support/harness';
import { sharedGovernorCount } from '../../nodes/shared/governor';
import { json, paired } from '../support/helpers';

const sandbox = useSandbox();

const VENDORS = [
	{ vendor: 'talkable', type: 'talkable', credential: 'talkableApi', parameters: { resource: 'person', operation: 'get', personSlug: 'customer@example.com' } },
	{ vendor: 'talkbox', type: 'talkBox', credential: 'talkBoxApi', parameters: { resource: 'contact', operation: 'get', contactId: '300' } },
	{ vendor: 'sailthru', type: 'sailthru', credential: 'sailthruApi', parameters: { resource: 'user', operation: 'get', id: 'old@example.com' } },
	{
		vendor: 'personaclick',
		type: 'personaClick',
		credential: 'personaClickApi',
		parameters: { resource: 'profile', operation: 'get', identifierType: 'email', identifier: 'john.doe@examplemail.com' },
	},
] as const;

/** An agent (a stand-in parent node) with tool nodes, and a way to call a tool as n8n-core does. */
function agentWith(tools: Array<{ name: string; type: string; credential: string; parameters: object }>) {
	const agent: INode = { id: 'agent', name: 'AI Agent', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes: INode[] = [
		agent,
		...tools.map((tool, index) => ({
			id: `tool-${index}`,
			name: tool.name,
			type: `n8n-nodes-engagement.${tool.type}`,
			typeVersion: 1,
			position: [200, index * 100] as [number, number],
			parameters: tool.parameters as never,
			credentials: { [tool.credential]: { id: `${tool.credential}-agent`, name: tool.name } },
		})),
	];
	const nodeTypes = new TestNodeTypes(NODE_TYPES);
	const connections = Object.fromEntries(
		tools.map((tool) => [tool.name, { ai_tool: [[{ node: agent.name, type: 'ai_tool', index: 0 }]] }]),
	);
	const workflow = new Workflow({ id: 'agent-workflow', name: 'agent', nodes, connections: connections as never, active: false, nodeTypes });
	const credentials = Object.fromEntries(
		VENDORS.map((row) => [row.credential, sandbox.credentials(row.vendor)]),
	);
	const workflowData = { id: 'agent-workflow', name: 'agent', nodes, connections } as unknown as IWorkflowBase;
	const additionalData = testAdditionalData(credentials, new ExecutionLifecycleHooks('manual', 'agent-run', workflowData));
	const agentInput: INodeExecutionData[] = [{ json: { chatInput: 'one' } }, { json: { chatInput: 'two' } }, { json: { chatInput: 'three' } }];
	// The agent's execute data: what n8n-core hands to every one of its tools.
	const executeData: IExecuteData = { node: agent, data: { main: [agentInput] }, source: null };
	const runExecutionData = createRunExecutionData({ resultData: { runData: {} } });
	const call = async (name: string, args: IDataObject = {}): Promise<INodeExecutionData[]> => {
		const node = workflow.getNode(name)!;
		const context = new SupplyDataContext(
			workflow,
			node,
			additionalData,
			'manual',
			runExecutionData,
			0,
			agentInput,
			{},
			NodeConnectionTypes.AiTool,
			executeData,
			[],
			undefined,
			agent,
		);
		context.addInputData(NodeConnectionTypes.AiTool, [[{ json: args }]]);
		const type = nodeTypes.getByNameAndVersion(node.type, 1);
		const output = (await type.execute!.call(context as never)) as INodeExecutionData[][];
		return output[0];
	};
	return { call };
}

describe('AI Agent tools share the agent execute data', () => {
	test('four tools of four vendors called in one turn: each sends with its own credential to its own host', async () => {
		const { call } = agentWith(VENDORS.map((row) => ({ name: `${row.type} tool`, type: row.type, credential: row.credential, parameters: row.parameters })));
		const outputs = await Promise.all(VENDORS.map((row) => call(`${row.type} tool`)));
		for (const [index, row] of VENDORS.entries()) {
			expect(outputs[index]).toHaveLength(1);
			const requests = sandbox.requestsFor(row.vendor);
			expect(requests).toHaveLength(1);
			// The sandbox answers a request with another vendor's credential with 401: these got their own.
			const others = VENDORS.filter((other) => other.vendor !== row.vendor).flatMap((other) => Object.values(sandbox.credentials(other.vendor)));
			const seen = JSON.stringify(requests[0]);
			for (const value of others) {
				if (value.length > 8 && !value.startsWith('http')) expect(seen).not.toContain(value);
			}
		}
		expect(sandbox.requests.map((request) => request.vendor).sort()).toEqual(['personaclick', 'sailthru', 'talkable', 'talkbox']);
		expect(sandbox.requestsFor('talkable')[0].headers.authorization).toBe('Bearer sandbox-talkable-key');
		expect(sandbox.requestsFor('talkbox')[0].headers.authorization).toBe(`Basic ${Buffer.from('sandbox-user:sandbox-pass').toString('base64')}`);
		expect(sandbox.requestsFor('sailthru')[0].query.api_key).toBe('sandbox-sailthru-key');
		expect(sandbox.requestsFor('personaclick')[0].query).toMatchObject({ shop_id: 'sandbox-shop-0d42fd8b' });
		expect(outputs[0][0].json).toMatchObject({ email: 'customer@example.com' });
		expect(outputs[3][0].json).toMatchObject({ email: 'john.doe@examplemail.com' });
	});

	test('a tool called after another vendor tool does not reuse its credential', async () => {
		const { call } = agentWith([
			{ name: 'Store A', type: 'talkable', credential: 'talkableApi', parameters: VENDORS[0].parameters },
			{ name: 'Store B', type: 'talkBox', credential: 'talkBoxApi', parameters: VENDORS[1].parameters },
		]);
		// Called one after the other: the second tool once found the first one's state.
		await call('Store B');
		await call('Store A');
		expect(sandbox.requestsFor('talkable')).toHaveLength(1);
		expect(sandbox.requestsFor('talkable')[0].headers.authorization).toBe('Bearer sandbox-talkable-key');
		expect(sandbox.requestsFor('talkbox')[0].headers.authorization).toMatch(/^Basic /);
	});

	test('a batch operation as a tool sends the one tool call at once (the agent has 3 input items)', async () => {
		const { call } = agentWith([
			{
				name: 'Talkable batch',
				type: 'talkable',
				credential: 'talkableApi',
				parameters: { resource: 'origin', operation: 'createAffiliateMemberBatch', email: 'tool@example.com' },
			},
		]);
		const output = await call('Talkable batch');
		expect(json(output)).toEqual([{ success: true, email: 'tool@example.com' }]);
		expect(sandbox.requestsFor('talkable')).toHaveLength(1);
		expect((sandbox.requestsFor('talkable')[0].body as { data: unknown[] }).data).toEqual([{ email: 'tool@example.com' }]);
	});
});

describe('batches under the node settings', () => {
	const rows = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ email: `${name}@example.com` }));
	const parameters = { resource: 'origin', operation: 'createAffiliateMemberBatch', email: '={{ $json.email }}' };
	const run = async (extra: Partial<Parameters<typeof runNode>[0]> = {}) =>
		await runNode({
			type: 'talkable',
			parameters: parameters as never,
			credentials: { talkableApi: sandbox.credentials('talkable') },
			items: rows,
			...extra,
		});
	const batches = () => sandbox.requestsFor('talkable').map((request) => (request.body as { data: Array<{ email: string }> }).data.map((r) => r.email));
	const refuseOnce = () =>
		sandbox.fault('talkable', { status: 400, body: { ok: false, error_message: 'Try again' }, times: 1 });

	test('Execute Once: the first item alone, in one request, one output (no hang)', async () => {
		const result = await run({ settings: { executeOnce: true } });
		expect(result.error).toBeUndefined();
		expect(batches()).toEqual([['a@example.com']]);
		expect(json(result.items)).toEqual([{ success: true, email: 'a@example.com' }]);
		expect(paired(result.items)).toEqual([{ item: 0 }]);
	}, 15_000);

	test('Retry On Fail: the second try sends all items in one request again', async () => {
		refuseOnce();
		const result = await run({ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } });
		expect(result.error).toBeUndefined();
		expect(batches()).toEqual([rows.map((row) => row.email), rows.map((row) => row.email)]);
		expect(result.items).toHaveLength(5);
		expect(paired(result.items)).toEqual(rows.map((_, item) => ({ item })));
	}, 15_000);

	test('Retry On Fail with Execute Once', async () => {
		refuseOnce();
		const result = await run({ settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0, executeOnce: true } });
		expect(result.error).toBeUndefined();
		expect(batches()).toEqual([['a@example.com'], ['a@example.com']]);
		expect(paired(result.items)).toEqual([{ item: 0 }]);
	}, 15_000);

	test('Continue On Fail (regular output): one error item per input item, paired', async () => {
		refuseOnce();
		const result = await run({ continueOnFail: true });
		expect(batches()).toEqual([rows.map((row) => row.email)]);
		expect(json(result.items).map((item) => item.error)).toEqual(rows.map(() => 'Talkable error: Try again'));
		expect(paired(result.items)).toEqual(rows.map((_, item) => ({ item })));
	});

	test('Continue On Fail (error output): the failed items on the error output, paired', async () => {
		refuseOnce();
		const result = await run({ continueOnFail: true, onError: 'continueErrorOutput' });
		expect(batches()).toEqual([rows.map((row) => row.email)]);
		const errors = result.run.data.resultData.runData['Node Under Test'][0].data!.main[1]!;
		expect(result.items).toHaveLength(0);
		expect(errors.map((item) => item.json.error)).toEqual(rows.map(() => 'Talkable error: Try again'));
		expect(paired(errors)).toEqual(rows.map((_, item) => ({ item })));
	});

	test('Always Output Data: one request, one output per item', async () => {
		const result = await run({ settings: { alwaysOutputData: true } });
		expect(batches()).toEqual([rows.map((row) => row.email)]);
		expect(paired(result.items)).toEqual(rows.map((_, item) => ({ item })));
	});

	test('pinned input: the pinned items are one batch', async () => {
		const result = await run({ pinned: true });
		expect(result.error).toBeUndefined();
		expect(batches()).toEqual([rows.map((row) => row.email)]);
		expect(paired(result.items)).toEqual(rows.map((_, item) => ({ item })));
	});

	test('the configured batch size on the wire: 2,500 items → 1,000 + 1,000 + 500', async () => {
		const many = Array.from({ length: 2500 }, (_, index) => ({ email: `m${index}@example.com` }));
		const result = await run({ items: many });
		expect(result.error).toBeUndefined();
		expect(batches().map((batch) => batch.length)).toEqual([1000, 1000, 500]);
		expect(batches().flat()).toEqual(many.map((row) => row.email));
		expect(result.items).toHaveLength(2500);
	}, 60_000);
});

describe('one budget per credential across executions', () => {
	const contactGet = (retry: object) => ({ resource: 'contact', operation: 'get', contactId: '300', retry });
	const execution = async (credentialId: string, retry: object) =>
		await runNode({
			type: 'talkBox',
			parameters: contactGet(retry) as never,
			credentials: { talkBoxApi: sandbox.credentials('talkbox') },
			credentialId,
			continueOnFail: true,
		});
	const failed = (items: INodeExecutionData[]) => items.filter((item) => item.json.error !== undefined);

	test('50 executions at once against a server that takes 20 at once: none fails, never more than 20 in flight', async () => {
		// TalkBox's 429 means "wait for the next UTC hour": longer than any Max Wait, so a refused
		// request fails. Only a budget shared by the 50 executions keeps them all under the limit.
		sandbox.fault('talkbox', { concurrencyLimit: 20, status: 429, body: { message: 'Too many requests' } });
		sandbox.fault('talkbox', { delayMs: 40 });
		sandbox.resetStats();
		const results = await Promise.all(Array.from({ length: 50 }, async () => await execution('shared-talkbox', { maxConcurrent: 20 })));
		expect(results.flatMap((result) => failed(result.items))).toEqual([]);
		expect(results.map((result) => result.items.length)).toEqual(Array.from({ length: 50 }, () => 1));
		expect(sandbox.requestsFor('talkbox')).toHaveLength(50);
		expect(sandbox.stats().byVendor.talkbox.maxInFlight).toBeLessThanOrEqual(20);
		expect(sandbox.stats().byVendor.talkbox.rateLimited).toBe(0);
		// Nothing is kept once the executions are done.
		expect(sharedGovernorCount()).toBe(0);
	}, 30_000);

	test('a 429 seen by one execution holds the next one on the same credential, not one on another', async () => {
		sandbox.fault('talkbox', { status: 429, headers: { 'Retry-After': '900' }, body: { message: 'Too many requests' }, times: 1 });
		const first = await execution('held-talkbox', { maxWaitSeconds: 60 });
		expect(failed(first.items)).toHaveLength(1);
		const second = await execution('held-talkbox', { maxWaitSeconds: 60 });
		// The second execution sends nothing: the account is held for 900 s, longer than its Max Wait.
		expect(sandbox.requestsFor('talkbox')).toHaveLength(1);
		expect(String(failed(second.items)[0].json.description)).toMatch(/asked to wait 9\d\d s, longer than the Max Wait of 60 s/);
		const other = await execution('other-talkbox', { maxWaitSeconds: 60 });
		expect(failed(other.items)).toEqual([]);
		expect(sandbox.requestsFor('talkbox')).toHaveLength(2);
	});
});
