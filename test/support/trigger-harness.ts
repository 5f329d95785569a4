/**
 * Runs our trigger nodes through n8n-core the way n8n does: `webhook()` inside a WebhookContext
 * (with the request parsed as n8n's body parser does: `rawBody` Buffer plus `body`) and the
 * answer n8n's webhook helper would send; `poll()` inside a PollContext whose Workflow (and so
 * its static data) lives across polls, as in an active workflow. Credentials are applied by a
 * credentials helper that calls the credential's `authenticate` as n8n's does.
 */
import { parse as parseQueryString } from 'node:querystring';

import { ExecutionLifecycleHooks, PollContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { NODE_TYPES, startLogCapture, stopLogCapture, testAdditionalData } from './harness';

class TriggerNodeTypes implements INodeTypes {
	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = NODE_TYPES[nodeType.replace(/^.*\./, '')];
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes() {
		return {};
	}
}

export interface TriggerSetup {
	/** Node type name, e.g. talkableTrigger. */
	type: string;
	parameters: INodeParameters;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

const NODE_NAME = 'Trigger Under Test';

function build(setup: TriggerSetup, extra: Partial<IWorkflowExecuteAdditionalData> = {}, staticData: IDataObject = {}) {
	const node: INode = {
		id: 'trigger-node',
		name: NODE_NAME,
		type: `n8n-nodes-engagement.${setup.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: setup.parameters,
		webhookId: '0b6f5b0e-5f5e-4c57-9d1c-3a5d4f0e7a11',
		credentials: Object.fromEntries(
			Object.keys(setup.credentials).map((type) => [type, { id: `${type}-id`, name: `${type} test` }]),
		),
	};
	const workflow = new Workflow({
		id: 'trigger-workflow',
		name: 'trigger test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: new TriggerNodeTypes(),
		staticData,
	});
	const workflowNode = workflow.getNode(NODE_NAME)!;
	const hooks = new ExecutionLifecycleHooks('trigger', 'trigger-execution', {
		id: workflow.id,
		name: workflow.name,
		nodes: [node],
		connections: {},
	} as never);
	const additionalData = testAdditionalData(setup.credentials, hooks, extra);
	return { workflow, node: workflowNode, additionalData, nodeType: NODE_TYPES[setup.type] };
}

// ------------------------------------------------------------------------------ webhooks

class MockResponse {
	statusCode = 200;

	body: unknown = undefined;

	headersSent = false;

	headers: Record<string, string> = {};

	status(code: number) {
		this.statusCode = code;
		return this;
	}

	json(body: unknown) {
		this.body = body;
		this.headersSent = true;
		return this;
	}

	send(body: unknown) {
		this.body = body;
		this.headersSent = true;
		return this;
	}

	end(body?: unknown) {
		if (body !== undefined) this.body = body;
		this.headersSent = true;
		return this;
	}

	setHeader(name: string, value: string) {
		this.headers[name.toLowerCase()] = value;
		return this;
	}

	header(name: string, value: string) {
		return this.setHeader(name, value);
	}
}

export interface WebhookRequest {
	headers?: Record<string, string>;
	/** The raw body as sent. */
	body: string;
	/** The URL's query string, parsed (as n8n passes it to the node: a repeated name → an array). */
	query?: Record<string, string | string[]>;
}

export interface WebhookResult {
	/** The HTTP status n8n answers with. */
	status: number;
	/** The body n8n answers with (before the workflow runs, in onReceived mode). */
	body: unknown;
	/** What webhook() returned. */
	result?: IWebhookResponseData;
	/** The items the execution would start with (empty: no execution). */
	items: INodeExecutionData[];
	error?: Error;
	logs: string[];
	/** The workflow's static data after webhook() (n8n's observable object). */
	staticData?: IDataObject;
}

/**
 * One request to a webhook trigger: parsed as n8n's body parser does, passed to `webhook()` in
 * a WebhookContext, answered as n8n's webhook helper answers (`responseMode` onReceived).
 */
export async function runWebhook(
	setup: TriggerSetup,
	request: WebhookRequest,
	mode: WorkflowExecuteMode = 'webhook',
	staticData: IDataObject = {},
): Promise<WebhookResult> {
	const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const rawBody = Buffer.from(request.body, 'utf8');
	const contentType = (headers['content-type'] ?? '').split(';')[0].trim();
	let body: unknown = {};
	if (contentType === 'application/json') body = JSON.parse(request.body);
	else if (contentType === 'application/x-www-form-urlencoded') body = { ...parseQueryString(request.body) };
	const httpRequest = {
		method: 'POST',
		headers,
		rawBody,
		body,
		contentType,
		encoding: 'utf-8',
		query: request.query ?? {},
		params: {},
		readRawBody: async () => {},
	};
	const response = new MockResponse();
	const { workflow, node, additionalData, nodeType } = build(setup, {
		httpRequest: httpRequest as never,
		httpResponse: response as never,
	}, staticData);
	const webhookDescription = nodeType.description.webhooks![0];
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: `${node.webhookId}/${webhookDescription.path}`,
		webhookDescription,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		webhookId: node.webhookId,
	} as unknown as IWebhookData;
	const logs: string[] = [];
	startLogCapture(logs);
	try {
		const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], null);
		const result = await nodeType.webhook!.call(context);
		const staticData = workflow.staticData;
		// The node answered itself; workflowData still starts a run (a recorded delivery, shared/dedupe.ts).
		if (result.noWebhookResponse) {
			return { status: response.statusCode, body: response.body, result, items: result.workflowData?.[0] ?? [], logs, staticData };
		}
		const items = result.workflowData?.[0] ?? [];
		if (!result.workflowData) return { status: 200, body: result.webhookResponse ?? { message: 'Webhook call received' }, result, items, logs, staticData };
		// As n8n's webhook helper answers in onReceived mode (the other modes answer from the workflow).
		const responseMode = workflow.expression.getSimpleParameterValue(node, webhookDescription.responseMode, mode, {}, undefined, 'onReceived');
		const responseData = workflow.expression.getComplexParameterValue(node, webhookDescription.responseData, mode, {}, undefined, 'firstEntryJson');
		let answer: unknown;
		if (responseMode !== 'onReceived') answer = { answeredBy: responseMode, responseData };
		else if (responseData === 'noData') answer = undefined;
		else if (responseData) answer = responseData;
		else answer = result.webhookResponse ?? { message: 'Workflow was started' };
		return { status: 200, body: answer, result, items, logs, staticData };
	} catch (error) {
		return { status: 500, body: { message: 'Error in workflow' }, items: [], error: error as Error, logs };
	} finally {
		stopLogCapture();
	}
}

/**
 * An active webhook trigger receiving deliveries one after another, with its static data kept
 * the way n8n keeps it: loaded from the database for each request (a new Workflow, so a new
 * observable object) and saved when n8n answers, if it changed. `n8nLine` picks when n8n
 * answers a run in Respond: Immediately mode (n8n's LiveWebhooks and webhook-helpers):
 *   - 1: before it starts the run (answer, save, run);
 *   - 2: after `WorkflowRunner.run()`, whose `establishContextForPersistence` builds another
 *     Workflow over the same static data: its "changed" flag is cleared before the save.
 * A node that answers itself (`noWebhookResponse`) is answered, and saved, before the run on both.
 */
export function webhookReceiver(setup: TriggerSetup, n8nLine: 1 | 2 = 2) {
	let saved: IDataObject | null = null;
	let runs = 0;
	const save = (staticData: IDataObject) => {
		if (staticData.__dataChanged === true) saved = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	};
	return {
		/** The static data as the database holds it (null: never saved). */
		saved: () => saved,
		/** How many runs the deliveries started. */
		runs: () => runs,
		async deliver(request: WebhookRequest): Promise<WebhookResult> {
			const loaded = saved === null ? {} : (JSON.parse(JSON.stringify(saved)) as IDataObject);
			const outcome = await runWebhook(setup, request, 'webhook', loaded);
			const staticData = outcome.staticData;
			if (outcome.error || !staticData) return outcome;
			const startsRun = outcome.result?.workflowData !== undefined;
			if (startsRun && !outcome.result?.noWebhookResponse && n8nLine === 2 && saved !== null) {
				// WorkflowRunner.run → establishContextForPersistence: new Workflow({ staticData }) over
				// the stored object (none yet: n8n wraps a fresh {} there, and ours keeps its flag).
				new Workflow({ id: 'trigger-workflow', nodes: [], connections: {}, active: true, nodeTypes: new TriggerNodeTypes(), staticData });
			}
			save(staticData);
			if (startsRun) runs++;
			return outcome;
		},
	};
}

// ------------------------------------------------------------------------------ polling

export interface PollResult {
	/** null: nothing to emit (no execution). */
	items: INodeExecutionData[] | null;
	error?: Error & { description?: string; httpCode?: string };
	logs: string[];
}

/**
 * An active polling trigger: `poll()` runs the node's poll in a PollContext of the same Workflow
 * each time, so its static data carries over (as n8n keeps it for an active workflow).
 * `poll({ mode: 'manual' })` is a manual test run.
 */
export function createPoller(setup: TriggerSetup) {
	const { workflow, node, additionalData, nodeType } = build(setup);
	return {
		workflow,
		/** The node's static data (its polling state). */
		staticData: () => workflow.getStaticData('node', node) as IDataObject,
		async poll(options: { mode?: WorkflowExecuteMode; activation?: WorkflowActivateMode } = {}): Promise<PollResult> {
			const mode = options.mode ?? 'trigger';
			const context = new PollContext(workflow, node, additionalData, mode, options.activation ?? 'activate');
			const logs: string[] = [];
			startLogCapture(logs);
			try {
				const output = await nodeType.poll!.call(context);
				return { items: output === null ? null : output[0], logs };
			} catch (error) {
				return { items: null, error: error as PollResult['error'], logs };
			} finally {
				stopLogCapture();
			}
		},
	};
}

/** Everything a trigger run exposed: answer, items, error and logs, as one string. */
export function visible(result: WebhookResult | PollResult): string {
	const error = result.error as (Error & { description?: string }) | undefined;
	return [
		JSON.stringify('status' in result ? { status: result.status, body: result.body } : {}),
		JSON.stringify(result.items?.map((item) => item.json) ?? null),
		error ? [error.message, error.description, JSON.stringify(error), error.stack].join('\n') : '',
		...result.logs,
	].join('\n');
}

/**
 * Only Date is faked (timers run for real): the node and the in-process sandbox share one clock
 * that the tests set and move. Starts at `start` before each test, with the sandbox reset.
 */
export function useFakeDate(sandbox: { reset(): void }, start: string) {
	const setClock = (at: string | number) => jest.setSystemTime(typeof at === 'number' ? at : Date.parse(at));
	const advance = (ms: number) => setClock(Date.now() + ms);
	beforeEach(() => {
		jest.useFakeTimers({
			doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'],
		});
		setClock(start);
		sandbox.reset();
	});
	afterEach(() => jest.useRealTimers());
	return { setClock, advance };
}
