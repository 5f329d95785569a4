'use strict';
/**
 * A scripted OpenAI-compatible chat model, mounted on the sandbox under `/openai/v1`, so that
 * n8n's AI Agent can run end to end with our nodes as tools and no outside service.
 *
 * Point n8n's "OpenAI" credential (`openAiApi`) at it: API Key `sk-sandbox-openai`, Base URL
 * `<sandbox origin>/openai/v1`; use the OpenAI Chat Model node at version 1.2 (Chat Completions;
 * 1.3 defaults to the Responses API, which this script does not speak).
 *
 * The script is stateless: each answer is decided by the conversation n8n sends.
 *   - No tool call yet in the conversation after the last user message, and tools offered:
 *     answer with tool calls, all in ONE assistant message, to every offered tool whose name
 *     the user message mentions (in the order mentioned; else to the first tool). Every string
 *     parameter of a tool's schema gets the email address written last before the tool's name
 *     in the user message (else the first email address in it): "Look up a@x.com in Talkable
 *     and b@y.com in TalkBox" calls Talkable with a@x.com and TalkBox with b@y.com (that is how
 *     `$fromAI('email')` gets a value). With `parallel_tool_calls: false` it calls one tool per
 *     answer, the next one each time, as OpenAI would.
 *   - Tool calls after the last user message, each answered by a tool result: a final message
 *     that quotes every result in the order of the calls ("Tool <name> answered: <result>", one
 *     line each), so a test can check that the agent's answer carries data that only the
 *     vendor sandboxes had.
 *   - Otherwise: a plain message saying there is nothing to look up.
 * Like OpenAI, it refuses (HTTP 400) a conversation where an assistant message's tool calls are
 * not each answered by a tool message right after it, or a tool message answers no such call.
 * `stream: true` is answered as server-sent events (chat.completion.chunk), as OpenAI does.
 *
 * Routes: POST /chat/completions, GET /models (the model list and n8n's credential test).
 * Requests are recorded in the sandbox request log as vendor `openai`.
 */

const prefix = '/openai/v1';
const credentials = { apiKey: 'sk-sandbox-openai' };
const MODEL = 'sandbox-agent-model';
const EMAILS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const RESULT_CHARS = 4000;

const serves = (pathname) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/** The text of a message's content: a string, or OpenAI's array of content parts. */
function text(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (part && typeof part.text === 'string' ? part.text : '')).join('');
	return '';
}

const error = (status, message, type, code) => ({ status, body: { error: { message, type, param: null, code } } });

/** A tool's name as the user would write it (n8n may append `_tool`). */
const spoken = (tool) => String(tool.function.name).toLowerCase().replace(/_tool$/, '');

/**
 * The tool calls the user message asks for: [{ tool, email }] for every offered tool the message
 * names, in the order named (else the first tool), each with the email address written last
 * before the tool's name (else the message's first email). None without tools or an email.
 */
function planCalls(question, tools) {
	const emails = [...question.matchAll(EMAILS)].map((match) => ({ at: match.index, email: match[0] }));
	if (tools.length === 0 || emails.length === 0) return [];
	const words = question.toLowerCase();
	const named = tools
		.map((tool) => ({ tool, at: words.indexOf(spoken(tool)) }))
		.filter((entry) => entry.at >= 0)
		.sort((a, b) => a.at - b.at);
	const chosen = named.length > 0 ? named : [{ tool: tools[0], at: -1 }];
	return chosen.map(({ tool, at }) => {
		const before = emails.filter((entry) => entry.at < at);
		return { tool, email: (before.length > 0 ? before[before.length - 1] : emails[0]).email };
	});
}

/** An assistant message calling `planned` tools; call ids continue after `previous` calls. */
function callTools(planned, previous) {
	const toolCalls = planned.map(({ tool, email }, index) => {
		const properties = (tool.function.parameters && tool.function.parameters.properties) || {};
		const args = {};
		for (const [key, schema] of Object.entries(properties)) {
			const type = schema && schema.type;
			if (type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string'))) args[key] = email;
		}
		return { id: `call_sandbox_${previous + index + 1}`, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(args) } };
	});
	return { message: { role: 'assistant', content: null, tool_calls: toolCalls }, finish: 'tool_calls' };
}

/**
 * What OpenAI refuses about tool messages: an assistant message's tool calls must each be
 * answered by a tool message among those right after it, and a tool message must answer such a
 * call. The error (OpenAI's wording), or undefined.
 */
function toolMessageProblem(messages) {
	for (let index = 0; index < messages.length; index++) {
		const message = messages[index];
		if (!message || typeof message !== 'object') continue;
		if (message.role === 'tool') {
			return error(400, "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", 'invalid_request_error', null);
		}
		if (message.role !== 'assistant' || !Array.isArray(message.tool_calls) || message.tool_calls.length === 0) continue;
		const answered = new Set();
		let next = index + 1;
		for (; next < messages.length && messages[next] && messages[next].role === 'tool'; next++) {
			answered.add(messages[next].tool_call_id);
		}
		const missing = message.tool_calls.map((call) => call && call.id).filter((id) => !answered.has(id));
		if (missing.length > 0) {
			return error(
				400,
				`An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${missing.join(', ')}`,
				'invalid_request_error',
				null,
			);
		}
		index = next - 1;
	}
	return undefined;
}

/** What the scripted model says next, as an assistant message plus finish reason. */
function decide(body) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const lastUser = messages.map((m) => m && m.role).lastIndexOf('user');
	const after = messages.slice(lastUser + 1);
	const question = lastUser >= 0 ? text(messages[lastUser].content) : '';
	const tools = (Array.isArray(body.tools) ? body.tools : []).filter((t) => t && t.type === 'function' && t.function);
	const planned = planCalls(question, tools);
	const oneAtATime = body.parallel_tool_calls === false;
	const calls = after.flatMap((m) => (m && m.role === 'assistant' && Array.isArray(m.tool_calls) ? m.tool_calls : []));
	if (calls.length > 0) {
		const called = new Set(calls.map((call) => call.function && call.function.name));
		const next = planned.filter(({ tool }) => !called.has(tool.function.name));
		if (oneAtATime && next.length > 0) return callTools(next.slice(0, 1), calls.length);
		const results = after.filter((m) => m && m.role === 'tool');
		const lines = calls.map((call) => {
			const result = results.find((m) => m.tool_call_id === call.id);
			const name = call.function ? call.function.name : 'tool';
			return `Tool ${name} answered: ${result ? text(result.content).slice(0, RESULT_CHARS) : '(no result)'}`;
		});
		return { message: { role: 'assistant', content: lines.join('\n') }, finish: 'stop' };
	}
	if (planned.length === 0) {
		return { message: { role: 'assistant', content: 'There is nothing I can look up for that.' }, finish: 'stop' };
	}
	return callTools(oneAtATime ? planned.slice(0, 1) : planned, 0);
}

const usage = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };

function completion(body) {
	const { message, finish } = decide(body);
	const base = { id: 'chatcmpl-sandbox', created: Math.floor(Date.now() / 1000), model: body.model || MODEL };
	if (!body.stream) {
		return {
			status: 200,
			body: { ...base, object: 'chat.completion', choices: [{ index: 0, message, logprobs: null, finish_reason: finish }], usage },
		};
	}
	const chunk = (delta, finishReason, extra = {}) =>
		`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }], ...extra })}\n\n`;
	const delta = message.tool_calls
		? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
		: { role: 'assistant', content: message.content };
	let events = chunk(delta, null) + chunk({}, finish);
	if (body.stream_options && body.stream_options.include_usage) {
		events += `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [], usage })}\n\n`;
	}
	events += 'data: [DONE]\n\n';
	return { status: 200, headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }, body: events };
}

/** Answer one request; `record` is { method, path (relative to the prefix), headers, body }. */
function answer(record) {
	const auth = String(record.headers.authorization || '');
	if (auth !== `Bearer ${credentials.apiKey}`) {
		return error(401, 'Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key');
	}
	if (record.method === 'GET' && record.path === '/models') {
		return { status: 200, body: { object: 'list', data: [{ id: MODEL, object: 'model', created: 1700000000, owned_by: 'sandbox' }] } };
	}
	if (record.method === 'POST' && record.path === '/chat/completions') {
		if (!record.body || typeof record.body !== 'object' || !Array.isArray(record.body.messages)) {
			return error(400, "Missing required parameter: 'messages'.", 'invalid_request_error', null);
		}
		return toolMessageProblem(record.body.messages) || completion(record.body);
	}
	return error(404, `Unknown request URL: ${record.method} ${prefix}${record.path}.`, 'invalid_request_error', 'unknown_url');
}

/**
 * The sandbox server's entry point: records the request in the shared log (vendor `openai`) and
 * returns the reply ({ status, headers?, body }) for the server's `send`.
 */
function handle(req, url, rawBody, requests) {
	let body;
	try {
		body = rawBody ? JSON.parse(rawBody) : undefined;
	} catch {
		body = rawBody;
	}
	const record = {
		vendor: 'openai',
		method: req.method,
		path: url.pathname.slice(prefix.length) || '/',
		query: Object.fromEntries(url.searchParams),
		headers: { ...req.headers },
		rawBody,
		body,
	};
	requests.push(record);
	const reply = answer(record);
	// What the request got, as the sandbox records it for vendors (for failure reports).
	record.status = reply.status;
	return reply;
}

module.exports = { prefix, credentials, MODEL, RESULT_CHARS, serves, handle, answer, decide };
