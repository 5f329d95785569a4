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
 *   - No tool result yet in the conversation after the last user message, and tools offered:
 *     answer with ONE tool call to the offered tool whose name matches the vendor named in the
 *     user message (else the first tool), with every string parameter of its schema set to the
 *     first email address in the user message (that is how `$fromAI('email')` gets a value).
 *   - A tool result after the last user message: answer with a final message that quotes it
 *     ("Tool <name> answered: <result>"), so a test can check that the agent's answer carries
 *     data that only the vendor sandbox had.
 *   - Otherwise: a plain message saying there is nothing to look up.
 * `stream: true` is answered as server-sent events (chat.completion.chunk), as OpenAI does.
 *
 * Routes: POST /chat/completions, GET /models (the model list and n8n's credential test).
 * Requests are recorded in the sandbox request log as vendor `openai`.
 */

const prefix = '/openai/v1';
const credentials = { apiKey: 'sk-sandbox-openai' };
const MODEL = 'sandbox-agent-model';
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;
const RESULT_CHARS = 4000;

const serves = (pathname) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/** The text of a message's content: a string, or OpenAI's array of content parts. */
function text(content) {
	if (typeof content === 'string') return content;
	if (Array.isArray(content)) return content.map((part) => (part && typeof part.text === 'string' ? part.text : '')).join('');
	return '';
}

const error = (status, message, type, code) => ({ status, body: { error: { message, type, param: null, code } } });

/** What the scripted model says next, as an assistant message plus finish reason. */
function decide(body) {
	const messages = Array.isArray(body.messages) ? body.messages : [];
	const lastUser = messages.map((m) => m && m.role).lastIndexOf('user');
	const after = messages.slice(lastUser + 1);
	const toolResults = after.filter((m) => m && m.role === 'tool');
	if (toolResults.length > 0) {
		const calls = after.flatMap((m) => (m && Array.isArray(m.tool_calls) ? m.tool_calls : []));
		const answered = toolResults[toolResults.length - 1];
		const call = calls.find((c) => c.id === answered.tool_call_id);
		const name = call && call.function ? call.function.name : 'tool';
		return {
			message: { role: 'assistant', content: `Tool ${name} answered: ${text(answered.content).slice(0, RESULT_CHARS)}` },
			finish: 'stop',
		};
	}
	const question = lastUser >= 0 ? text(messages[lastUser].content) : '';
	const tools = (Array.isArray(body.tools) ? body.tools : []).filter((t) => t && t.type === 'function' && t.function);
	const email = EMAIL.exec(question);
	if (tools.length === 0 || !email) {
		return { message: { role: 'assistant', content: 'There is nothing I can look up for that.' }, finish: 'stop' };
	}
	const words = question.toLowerCase();
	const tool =
		tools.find((t) => words.includes(String(t.function.name).toLowerCase().replace(/_tool$/, ''))) || tools[0];
	const properties = (tool.function.parameters && tool.function.parameters.properties) || {};
	const args = {};
	for (const [key, schema] of Object.entries(properties)) {
		const type = schema && schema.type;
		if (type === undefined || type === 'string' || (Array.isArray(type) && type.includes('string'))) args[key] = email[0];
	}
	return {
		message: {
			role: 'assistant',
			content: null,
			tool_calls: [{ id: 'call_sandbox_1', type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(args) } }],
		},
		finish: 'tool_calls',
	};
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
		return completion(record.body);
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
	return answer(record);
}

module.exports = { prefix, credentials, MODEL, serves, handle, answer, decide };
