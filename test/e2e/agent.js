'use strict';
/**
 * Our nodes as AI Agent tools, in real n8n: Manual Trigger → AI Agent, whose chat model is n8n's
 * OpenAI Chat Model pointed (through its credential's Base URL) at the sandbox's scripted
 * OpenAI-compatible endpoint (sandbox/openai.js), and whose tools are ALL FOUR of our nodes (the
 * `…Tool` variants n8n derives from `usableAsTool`), each with its own sandbox credential and
 * `$fromAI('email')` as the person it looks up: Talkable (person get), TalkBox (contact find
 * first), Sailthru (user get) and PersonaClick (profile get).
 *
 * The scripted model answers the prompt with ONE assistant message calling all four tools, each
 * with the email the prompt gives for that vendor; n8n runs the four tools within the same agent
 * run, and once it sends the four results back the model answers with a message quoting them.
 * n8n hands every tool of an agent the agent's execute data, so per-run state keyed by that alone
 * is shared by the four tools: one vendor's credential, base URL or secrets would then be used for
 * another vendor's request (issue 22).
 *
 * The checks: the workflow ran; the model was offered each tool with an `email` parameter; its
 * second call carries the four calls' results; each vendor sandbox got exactly one request, the
 * one expected (method, path, query, headers, no body), authenticated with that vendor's own
 * credential, with no form of another vendor's secret anywhere in it (its own secrets are there,
 * so the scan means something); each tool's output in the run data is that vendor's record (data
 * only its sandbox has, and no other vendor's); the agent's answer quotes all four.
 */
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const path = require('node:path');

const pkg = require('../../scripts/lib/package');
const { ROOT } = require('../../scripts/lib/util');
const { nodeOutput, nodeError } = require('../../scripts/lib/n8n');
const openai = require('../../sandbox/openai');
const { loadVendor } = require('../../sandbox');

const AGENT_NODE = 'AI Agent';

const fromAI = (what) => `={{ $fromAI('email', 'Email address of the ${what}', 'string') }}`;

/** Sailthru's request signature as its API documentation defines it (MD5 of the secret and the sorted values). */
function sailthruSignature(secret, params) {
	const hash = crypto.createHash('md5');
	hash.update(Buffer.from(secret, 'utf8'));
	const values = Object.keys(params)
		.filter((name) => name !== 'sig')
		.map((name) => Buffer.from(String(params[name]), 'utf8'))
		.sort(Buffer.compare);
	for (const value of values) hash.update(value);
	return hash.digest('hex');
}

/**
 * One tool per vendor. `email`: the person the prompt names for it (seeded in that sandbox only);
 * `request(credentials)`: the exact request its sandbox must get; `record(item)` picks the fields
 * of the tool's one output record that must equal `expected`; `only`: a value of that record that
 * no other sandbox has.
 */
const TOOLS = [
	{
		node: 'talkable',
		name: 'Talkable',
		email: 'customer@example.com',
		parameters: { resource: 'person', operation: 'get', personSlug: fromAI('Talkable person') },
		// The seeded custom property of this person.
		only: 'platinum',
		request: (c) => ({
			method: 'GET',
			path: '/people/customer%40example.com',
			query: { site_slug: c.siteSlug },
			authorization: `Bearer ${c.apiKey}`,
		}),
		record: ({ email, first_name, last_name, custom_properties }) => ({ email, first_name, last_name, custom_properties }),
		expected: { email: 'customer@example.com', first_name: 'John', last_name: 'Smith', custom_properties: { price_plan: 'platinum' } },
	},
	{
		node: 'talkBox',
		name: 'TalkBox',
		email: 'barry.hall.0@example.com',
		parameters: {
			resource: 'contact',
			operation: 'findFirst',
			searchCriteria: { criterion: [{ field: 'email', value: fromAI('TalkBox contact') }] },
		},
		only: 'ext-300',
		request: (c) => ({
			method: 'GET',
			path: '/contact/find_first',
			query: { email: 'barry.hall.0@example.com' },
			authorization: `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`,
		}),
		record: ({ id, email, first_name, last_name, external_identifier }) => ({ id, email, first_name, last_name, external_identifier }),
		expected: { id: 300, email: 'barry.hall.0@example.com', first_name: 'Barry', last_name: 'Hall', external_identifier: 'ext-300' },
	},
	{
		node: 'sailthru',
		name: 'Sailthru',
		email: 'old@example.com',
		parameters: { resource: 'user', operation: 'get', id: fromAI('Sailthru user'), key: 'email' },
		only: '4e2879472d7acd6d97144f9e',
		request(c) {
			const query = { api_key: c.apiKey, format: 'json', json: JSON.stringify({ id: 'old@example.com', key: 'email' }) };
			return { method: 'GET', path: '/user', query: { ...query, sig: sailthruSignature(c.apiSecret, query) }, authorization: undefined };
		},
		record: ({ keys, vars }) => ({ sid: keys && keys.sid, email: keys && keys.email, vars }),
		expected: { sid: '4e2879472d7acd6d97144f9e', email: 'old@example.com', vars: { first_name: 'Joe', plan: 'gold' } },
	},
	{
		node: 'personaClick',
		name: 'PersonaClick',
		email: 'john.doe@examplemail.com',
		parameters: { resource: 'profile', operation: 'get', identifierType: 'email', identifier: fromAI('PersonaClick profile') },
		only: 'card-1',
		request: (c) => ({
			method: 'GET',
			path: '/profile',
			query: { email: 'john.doe@examplemail.com', shop_id: c.shopId, shop_secret: c.shopSecret },
			authorization: undefined,
		}),
		record: ({ email, first_name, last_name, loyalty_id }) => ({ email, first_name, last_name, loyalty_id }),
		expected: { email: 'john.doe@examplemail.com', first_name: 'John', last_name: 'Doe', loyalty_id: 'card-1' },
	},
];

const PROMPT = `Look up ${TOOLS.map((t, i) => `${i === TOOLS.length - 1 ? 'and ' : ''}${t.email} in ${t.name}`).join(', ')}, and tell me what each of them knows.`;

const vendorRow = (tool) => pkg.VENDORS.find((row) => row.node === tool.node);

const openAiCredential = (sandbox) => ({
	id: 'sbxOpenAi',
	name: 'OpenAI sandbox',
	type: 'openAiApi',
	data: { apiKey: openai.credentials.apiKey, url: `${sandbox.origin}${openai.prefix}` },
});

function agentWorkflow() {
	return {
		id: 'e2eAgentAllTools',
		name: 'e2e: AI Agent with the four vendor tools',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'a1000000-0000-4000-8000-000000000001',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'a1000000-0000-4000-8000-000000000002',
				name: AGENT_NODE,
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 2.2,
				position: [220, 0],
				parameters: { promptType: 'define', text: PROMPT, options: {} },
			},
			{
				id: 'a1000000-0000-4000-8000-000000000003',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				// 1.2: Chat Completions (1.3 defaults to the Responses API).
				typeVersion: 1.2,
				position: [100, 200],
				parameters: { model: { __rl: true, mode: 'id', value: openai.MODEL }, options: {} },
				credentials: { openAiApi: { id: 'sbxOpenAi', name: 'OpenAI sandbox' } },
			},
			...TOOLS.map((tool, index) => {
				const row = vendorRow(tool);
				return {
					id: `a1000000-0000-4000-8000-00000000001${index}`,
					name: tool.name,
					type: pkg.nodeType(`${tool.node}Tool`),
					typeVersion: 1,
					position: [260 + 140 * index, 200],
					parameters: tool.parameters,
					credentials: { [row.credential]: { id: pkg.credentialId(row.credential), name: pkg.credentialName(row.vendor) } },
				};
			}),
		],
		connections: {
			'Manual Trigger': { main: [[{ node: AGENT_NODE, type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: AGENT_NODE, type: 'ai_languageModel', index: 0 }]] },
			...Object.fromEntries(TOOLS.map((tool) => [tool.name, { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] }])),
		},
	};
}

/** Every encoded form of a vendor's password-type credential fields (the package's own list, see redact.ts). */
function secretForms(tool) {
	const row = vendorRow(tool);
	const { collectSecrets } = require(path.join(ROOT, 'dist', 'nodes', 'shared', 'redact.js'));
	const { credentials } = pkg.discover();
	const fields = pkg.secretFields(credentials[row.credential].credential);
	assert.ok(fields.length > 0, `${row.credential} has no password-type field`);
	return collectSecrets(loadVendor(row.sandbox).credentials, fields);
}

/** Everything of a recorded request that could carry a secret: path, query (decoded and encoded), headers, body. */
const wireText = (request) =>
	[
		`${request.method} ${request.path}`,
		JSON.stringify(request.query),
		new URLSearchParams(request.query).toString(),
		JSON.stringify(request.headers),
		request.rawBody || '',
	].join('\n');

/** A tool message's content as text. */
const contentText = (content) => (typeof content === 'string' ? content : JSON.stringify(content));

/** The items a tool node handed the agent in this run (n8n records them as its `ai_tool` output). */
function toolItems(run, name) {
	const runs = run.data.resultData.runData[name];
	assert.ok(runs && runs.length > 0, `the ${name} tool did not run`);
	assert.equal(runs.length, 1, `the ${name} tool ran ${runs.length} times`);
	assert.equal(runs[0].error, undefined, `the ${name} tool failed: ${runs[0].error && runs[0].error.message}`);
	const output = (runs[0].data && runs[0].data.ai_tool && runs[0].data.ai_tool[0]) || [];
	return output.map((item) => item.json);
}

/**
 * @param {{ n8n: import('../../scripts/lib/n8n').N8n, sandbox: any, results: any, label: string }} context
 */
async function runAgentChecks({ n8n, sandbox, results, label }) {
	const workflow = agentWorkflow();
	const imported = await results.check(`${label}: AI Agent: import OpenAI + four vendor credentials, agent workflow`, async () => {
		const credentials = TOOLS.map((tool) => pkg.sandboxCredential(vendorRow(tool), sandbox.origin));
		await n8n.importCredentials([openAiCredential(sandbox), ...credentials], 'agent-credentials.json');
		await n8n.importWorkflows([workflow], 'agent-workflows.json');
		return true;
	});
	if (!imported) return;

	await results.check(
		`${label}: AI Agent calls the four vendor tools in one turn; each vendor gets one request with its own credential and no other vendor's secret`,
		async () => {
			sandbox.reset();
			const result = await n8n.execute(workflow.id);
			if (!result.run) {
				const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n');
				throw new Error(`no run data from n8n execute (exit ${result.code}):\n${tail}`);
			}
			const runError = result.run.data.resultData.error;
			if (runError) throw new Error(`workflow failed: ${runError.message}`);
			const agentError = nodeError(result.run, AGENT_NODE);
			if (agentError) throw new Error(`${AGENT_NODE} failed: ${agentError.message}`);

			// 1. The model was offered the four tools, each with the $fromAI parameter; it called all
			//    four in one message, each with the email the prompt gives for that vendor.
			const chats = sandbox.requestsFor('openai').filter((r) => r.method === 'POST' && r.path === '/chat/completions');
			assert.equal(chats.length, 2, `expected 2 chat completions (four tool calls, final answer), saw ${chats.length}`);
			assert.deepEqual(chats.map((chat) => chat.status), [200, 200], 'what the scripted model answered');
			assert.equal(chats[0].headers.authorization, `Bearer ${openai.credentials.apiKey}`);
			const offered = (chats[0].body.tools || []).map((t) => t.function);
			assert.deepEqual(offered.map((f) => f.name).sort(), TOOLS.map((t) => t.name).sort(), 'the tools offered to the model');
			for (const tool of TOOLS) {
				const fn = offered.find((f) => f.name === tool.name);
				assert.ok(fn, `the model was not offered a tool named "${tool.name}" (offered: ${offered.map((f) => f.name).join(', ')})`);
				assert.equal(fn.parameters.properties.email.type, 'string');
				assert.deepEqual(fn.parameters.required, ['email']);
			}
			const assistant = chats[1].body.messages.filter((m) => m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length > 0);
			assert.equal(assistant.length, 1, `expected the four tool calls in one assistant message, saw ${assistant.length} messages with tool calls`);
			const calls = assistant[0].tool_calls;
			assert.deepEqual(
				calls.map((call) => [call.function.name, JSON.parse(call.function.arguments)]),
				TOOLS.map((tool) => [tool.name, { email: tool.email }]),
			);

			// 2. The model received the four tool results, one per call.
			const toolMessages = chats[1].body.messages.filter((m) => m.role === 'tool');
			assert.deepEqual(
				toolMessages.map((m) => m.tool_call_id).sort(),
				calls.map((call) => call.id).sort(),
				'one tool result per tool call',
			);
			const resultOf = (tool) => contentText(toolMessages.find((m) => m.tool_call_id === calls.find((c) => c.function.name === tool.name).id).content);

			// 3. Each vendor got exactly its one request, at its own prefix, authenticated with its
			//    own credential, with no form of another vendor's secret anywhere in it.
			const credentialsOf = (tool) => loadVendor(vendorRow(tool).sandbox).credentials;
			const summary = (request) => `${request.method} ${request.path} → ${request.status}`;
			assert.deepEqual(
				Object.fromEntries(TOOLS.map((tool) => [tool.name, sandbox.requestsFor(vendorRow(tool).sandbox).map(summary)])),
				Object.fromEntries(TOOLS.map((tool) => [tool.name, [summary({ ...tool.request(credentialsOf(tool)), status: 200 })]])),
				'the requests each vendor sandbox got (method, path → status)',
			);
			const forms = new Map(TOOLS.map((tool) => [tool, secretForms(tool)]));
			for (const tool of TOOLS) {
				const [request] = sandbox.requestsFor(vendorRow(tool).sandbox);
				const expected = tool.request(credentialsOf(tool));
				assert.deepEqual(request.query, expected.query, `${tool.name}: query`);
				assert.equal(request.headers.authorization, expected.authorization, `${tool.name}: Authorization header`);
				assert.equal(request.rawBody, '', `${tool.name}: no body`);
				const text = wireText(request);
				assert.ok(forms.get(tool).some((form) => text.includes(form)), `${tool.name}: its own secret is not in its request, so the scan below proves nothing`);
				for (const other of TOOLS.filter((t) => t !== tool)) {
					const leaked = forms.get(other).find((form) => text.includes(form));
					assert.equal(leaked, undefined, `a form of ${other.name}'s secret is in the ${tool.name} request`);
				}
			}

			// 4. Each tool's output in the run data is its vendor's one record (and only that), and is
			//    the result the model got for that tool's call.
			for (const tool of TOOLS) {
				const items = toolItems(result.run, tool.name);
				assert.equal(items.length, 1, `${tool.name}: one output item`);
				const { response } = items[0];
				assert.ok(Array.isArray(response) && response.length === 1, `${tool.name}: one record, got ${JSON.stringify(response).slice(0, 300)}`);
				assert.deepEqual(tool.record(response[0]), tool.expected, `${tool.name}: the record`);
				const text = JSON.stringify(response);
				for (const other of TOOLS.filter((t) => t !== tool)) {
					assert.ok(!text.includes(other.only), `the ${tool.name} tool's output holds ${other.name}'s "${other.only}"`);
				}
				assert.deepEqual(JSON.parse(resultOf(tool)), response, `${tool.name}: the result the model got is the tool's output`);
			}

			// 5. The agent's answer is the model's final message, quoting the four results in order.
			const answer = nodeOutput(result.run, AGENT_NODE);
			assert.deepEqual(answer, [
				{ output: TOOLS.map((tool) => `Tool ${tool.name} answered: ${resultOf(tool).slice(0, openai.RESULT_CHARS)}`).join('\n') },
			]);
		},
	);
}

module.exports = { runAgentChecks, agentWorkflow, openAiCredential };
