'use strict';
/**
 * Our node as an AI Agent tool, in real n8n: Manual Trigger → AI Agent, whose chat model is n8n's
 * OpenAI Chat Model pointed (through its credential's Base URL) at the sandbox's scripted
 * OpenAI-compatible endpoint (sandbox/openai.js), and whose tool is the Talkable node (the
 * `talkableTool` variant n8n derives from `usableAsTool`) with `$fromAI('email')` as the person.
 *
 * The scripted model first answers with a tool call carrying the email from the prompt, then,
 * once n8n has run the tool and sent its result back, with a final message quoting that result.
 * The checks: the workflow ran; the model was offered our tool with an `email` parameter; the
 * Talkable sandbox got exactly the GET for the email the model chose; the model received the
 * tool's result; and the agent's answer contains data that only the Talkable sandbox had.
 */
const assert = require('node:assert/strict');

const pkg = require('../../scripts/lib/package');
const { nodeOutput, nodeError } = require('../../scripts/lib/n8n');
const openai = require('../../sandbox/openai');
const { loadVendor } = require('../../sandbox');

const EMAIL = 'customer@example.com';
/** Only the Talkable sandbox knows this person's plan (seeded custom property). */
const ONLY_IN_SANDBOX = 'platinum';
const TOOL_NODE = 'Talkable';
const AGENT_NODE = 'AI Agent';

const openAiCredential = (sandbox) => ({
	id: 'sbxOpenAi',
	name: 'OpenAI sandbox',
	type: 'openAiApi',
	data: { apiKey: openai.credentials.apiKey, url: `${sandbox.origin}${openai.prefix}` },
});

function agentWorkflow() {
	const talkable = pkg.VENDORS.find((row) => row.node === 'talkable');
	return {
		id: 'e2eAgentTalkable',
		name: 'e2e: AI Agent with the Talkable tool',
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
				parameters: {
					promptType: 'define',
					text: `Look up ${EMAIL} in Talkable and tell me their price plan.`,
					options: {},
				},
			},
			{
				id: 'a1000000-0000-4000-8000-000000000003',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				// 1.2: Chat Completions (1.3 defaults to the Responses API).
				typeVersion: 1.2,
				position: [160, 200],
				parameters: { model: { __rl: true, mode: 'id', value: openai.MODEL }, options: {} },
				credentials: { openAiApi: { id: 'sbxOpenAi', name: 'OpenAI sandbox' } },
			},
			{
				id: 'a1000000-0000-4000-8000-000000000004',
				name: TOOL_NODE,
				type: pkg.nodeType('talkableTool'),
				typeVersion: 1,
				position: [320, 200],
				parameters: {
					resource: 'person',
					operation: 'get',
					personSlug: "={{ $fromAI('email', 'Email address of the Talkable person', 'string') }}",
				},
				credentials: {
					[talkable.credential]: { id: pkg.credentialId(talkable.credential), name: pkg.credentialName(talkable.vendor) },
				},
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: AGENT_NODE, type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: AGENT_NODE, type: 'ai_languageModel', index: 0 }]] },
			[TOOL_NODE]: { ai_tool: [[{ node: AGENT_NODE, type: 'ai_tool', index: 0 }]] },
		},
	};
}

/**
 * @param {{ n8n: import('../../scripts/lib/n8n').N8n, sandbox: any, results: any, label: string }} context
 */
async function runAgentChecks({ n8n, sandbox, results, label }) {
	const talkable = pkg.VENDORS.find((row) => row.node === 'talkable');
	const workflow = agentWorkflow();
	const imported = await results.check(`${label}: AI Agent: import OpenAI credential + agent workflow`, async () => {
		await n8n.importCredentials([openAiCredential(sandbox), pkg.sandboxCredential(talkable, sandbox.origin)], 'agent-credentials.json');
		await n8n.importWorkflows([workflow], 'agent-workflows.json');
		return true;
	});
	if (!imported) return;

	await results.check(`${label}: AI Agent calls the Talkable tool with the model's arguments and answers with its result`, async () => {
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

		// 1. The model was offered our node as a tool, with the $fromAI parameter in its schema.
		const chats = sandbox.requestsFor('openai').filter((r) => r.method === 'POST' && r.path === '/chat/completions');
		assert.equal(chats.length, 2, `expected 2 chat completions (tool call, final answer), saw ${chats.length}`);
		const offered = (chats[0].body.tools || []).map((t) => t.function);
		const tool = offered.find((f) => f.name === TOOL_NODE);
		assert.ok(tool, `the model was not offered a tool named "${TOOL_NODE}" (offered: ${offered.map((f) => f.name).join(', ')})`);
		assert.equal(tool.parameters.properties.email.type, 'string');
		assert.deepEqual(tool.parameters.required, ['email']);
		assert.equal(chats[0].headers.authorization, `Bearer ${openai.credentials.apiKey}`);

		// 2. The tool ran against the vendor sandbox with the model's argument, exactly once.
		const call = chats[1].body.messages.flatMap((m) => m.tool_calls || [])[0];
		assert.deepEqual(JSON.parse(call.function.arguments), { email: EMAIL });
		const wire = sandbox.requestsFor('talkable');
		assert.equal(wire.length, 1, `expected one Talkable request, saw ${wire.map((r) => `${r.method} ${r.path}`).join(', ')}`);
		assert.equal(wire[0].method, 'GET');
		assert.equal(decodeURIComponent(wire[0].path), `/people/${EMAIL}`);
		assert.equal(wire[0].query.site_slug, loadVendor(talkable.sandbox).credentials.siteSlug);

		// 3. The tool's result went back to the model, and the agent's answer carries it.
		const toolMessage = chats[1].body.messages.find((m) => m.role === 'tool');
		assert.ok(toolMessage, 'the second chat completion carries no tool result');
		const toolText = typeof toolMessage.content === 'string' ? toolMessage.content : JSON.stringify(toolMessage.content);
		assert.ok(toolText.includes(ONLY_IN_SANDBOX), `the tool result does not contain "${ONLY_IN_SANDBOX}": ${toolText.slice(0, 300)}`);
		const answer = nodeOutput(result.run, AGENT_NODE);
		assert.equal(answer.length, 1);
		assert.equal(typeof answer[0].output, 'string');
		assert.ok(answer[0].output.startsWith(`Tool ${TOOL_NODE} answered:`), `unexpected answer: ${answer[0].output.slice(0, 300)}`);
		assert.ok(answer[0].output.includes(ONLY_IN_SANDBOX), `the answer lacks "${ONLY_IN_SANDBOX}": ${answer[0].output.slice(0, 300)}`);
		assert.ok(answer[0].output.includes(EMAIL));
	});
}

module.exports = { runAgentChecks, agentWorkflow, openAiCredential };
