/**
 * Runs our nodes through n8n's real execution engine (n8n-core's WorkflowExecute and
 * RoutingNode, n8n-workflow's Workflow and expressions), the way n8n runs them, with a small
 * credentials helper that applies credential `authenticate` (generic or function) as n8n's
 * CredentialsHelper does. Also emulates n8n's credential test (a temporary node whose only
 * property routes the credential's `test.request`, run by RoutingNode).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-engagement-test-'));
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS ??= 'false';
// Lines are still captured for the secret checks (see logSink); they are just not printed.
process.env.N8N_LOG_LEVEL ??= 'silent';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { DirectoryLoader, ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';
import {
	ICredentialsHelper,
	Workflow,
	createRunExecutionData,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentials,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type Workflow as WorkflowType,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { getPath } from '../../nodes/shared/record';
import { collectSecrets } from '../../nodes/shared/redact';
import packageJson from '../../package.json';
import { everythingVisible, startSandbox, type Sandbox } from './helpers';
import { personaClick } from '../../nodes/PersonaClick/profile';
import { sailthru } from '../../nodes/Sailthru/profile';
import { talkable } from '../../nodes/Talkable/profile';
import { talkBox } from '../../nodes/TalkBox/profile';

/** Load every class that a `dist/...js` path of package.json's n8n section names, from source. */
function loadFromPackage<T>(distPaths: string[]): T[] {
	const sources = distPaths
		.map((distPath) => join(__dirname, '..', '..', distPath.replace(/^dist\//, '').replace(/\.js$/, '')))
		// A vendor still being built has no source yet.
		.filter((source) => existsSync(`${source}.ts`) || existsSync(`${source}.js`));
	return sources.map((source) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exports = require(source) as Record<string, new () => T>;
		const Class = Object.values(exports)[0];
		return new Class();
	});
}

export const NODE_TYPES: Record<string, INodeType> = {};
export const CREDENTIAL_TYPES: Record<string, ICredentialType> = {};
for (const node of loadFromPackage<INodeType>(packageJson.n8n.nodes)) {
	// n8n's loader adds "Request Options" (batching, proxy, timeout) to declarative nodes.
	DirectoryLoader.applyDeclarativeNodeOptionParameters(node);
	NODE_TYPES[node.description.name] = node;
}
for (const credential of loadFromPackage<ICredentialType>(packageJson.n8n.credentials)) {
	CREDENTIAL_TYPES[credential.name] = credential;
}

/** Stand-in for n8n's Manual Trigger: only the start of the graph (its output is pre-filled). */
const manualTrigger: INodeType = {
	description: {
		displayName: 'Start',
		name: 'manualTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Start',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	},
};

/**
 * What n8n's own NodeTypes does for a declarative node (packages/cli node-types.ts): give it an
 * `execute` that runs RoutingNode with the execute context, so the node gets what every node gets
 * in n8n (the execution's cancel signal among it).
 */
const routingExecutes = new WeakMap<INodeType, INodeType>();
function withRoutingExecute(type: INodeType): INodeType {
	const declarative = type.description.requestDefaults !== undefined;
	if (!declarative || type.execute || type.poll || type.trigger || type.webhook) return type;
	let wrapped = routingExecutes.get(type);
	if (!wrapped) {
		wrapped = Object.create(type, {
			execute: {
				value: async function (this: IExecuteFunctions) {
					const routingNode = new RoutingNode(this as never, type);
					return (await routingNode.runNode()) ?? [];
				},
			},
		}) as INodeType;
		routingExecutes.set(type, wrapped);
	}
	return wrapped;
}

export class TestNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType>;

	constructor(types: Record<string, INodeType | IVersionedNodeType>) {
		this.types = { manualTrigger, ...types };
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const name = nodeType.replace(/^.*\./, '');
		const type = this.types[name] as INodeType | IVersionedNodeType | undefined;
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		// A versioned node (e.g. n8n's HTTP Request node, used by the benchmark as our peer).
		if ('nodeVersions' in type) return type.getNodeType(version);
		return withRoutingExecute(type);
	}

	getKnownTypes() {
		return {};
	}
}

/** Resolves an `={{ … }}` value as n8n's CredentialsHelper.resolveValue does. */
function resolve(value: unknown, credentials: ICredentialDataDecryptedObject, workflow: WorkflowType, node: INode) {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	/** n8n 2.x asks this before a node uses a credential (the benchmark runs on 2.x too). */
	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: WorkflowType,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = CREDENTIAL_TYPES[typeName];
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const options = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(outerValue as Record<string, unknown>)) {
				options[outerKey] ??= {};
				options[outerKey][resolve(key, credentials, workflow, node) as string] = resolve(
					value,
					credentials,
					workflow,
					node,
				);
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		// A fresh copy, with the credential's defaults for fields left out, like n8n.
		const defaults = Object.fromEntries(
			(CREDENTIAL_TYPES[type]?.properties ?? []).map((p) => [p.name, p.default]),
		) as ICredentialDataDecryptedObject;
		return { ...defaults, ...structuredClone(data) };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return CREDENTIAL_TYPES[type]?.properties ?? [];
	}
}

export interface RunOptions {
	/** Node type name: talkable, talkBox, sailthru, personaClick. */
	type: string;
	parameters: INodeParameters;
	/** Credential data by credential type (decrypted, as the user typed it). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The JSON of the input items (default: one empty item). */
	items?: IDataObject[];
	/** Whole input items (JSON and binary data), instead of `items`. */
	inputItems?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** With continueOnFail: which output failed items go to (default the regular one). */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
	/** Alternative node types (e.g. a credential-test node, or n8n's HTTP Request node). */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType>;
	/** Cancel the execution (as the user's Stop button does) when this promise resolves. */
	cancel?: Promise<unknown>;
	/** The full node type when it is not one of ours (e.g. `n8n-nodes-base.httpRequest`). */
	fullType?: string;
	typeVersion?: number;
	/** The saved credential's id (default: one of this run's own). Runs with one id share its account governor. */
	credentialId?: string;
	/** Node settings as n8n stores them on the node (executeOnce, retryOnFail, alwaysOutputData…). */
	settings?: Partial<INode>;
	/** Pinned output of the trigger feeding the node (n8n's pinned data: the node gets these items). */
	pinned?: boolean;
}

export interface RunResult {
	/** The node's main output (output 0). */
	items: INodeExecutionData[];
	/** The run's error, if the node failed. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
	run: IRun;
	/** Everything the engine logged through the node's logger. */
	logs: string[];
	/** The execution was cancelled (see RunOptions.cancel). */
	cancelled?: boolean;
}

const NODE_NAME = 'Node Under Test';

let runCount = 0;

/** Run one node (fed by a trigger that emits `items`) through WorkflowExecute. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodeTypes = new TestNodeTypes({ ...NODE_TYPES, ...(options.nodeTypes ?? {}) });
	// Each run its own credential id unless told (runs that share an id share the account's
	// governor: a 429 hold left by one test would otherwise hold the next).
	const runNumber = (runCount += 1);
	const credentialRefs = Object.fromEntries(
		Object.keys(options.credentials).map((type) => [
			type,
			{ id: options.credentialId ?? `${type}-id-${runNumber}`, name: `${type} test` },
		]),
	);
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'node',
			name: NODE_NAME,
			type: options.fullType ?? `n8n-nodes-engagement.${options.type}`,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: credentialRefs,
			...(options.continueOnFail ? { onError: options.onError ?? ('continueRegularOutput' as const) } : {}),
			...(options.settings ?? {}),
		},
	];
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'test',
		active: false,
		nodes,
		connections: { Start: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections: workflowData.connections,
		active: false,
		nodeTypes,
	});

	const logs: string[] = [];
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData);
	const additionalData = testAdditionalData(options.credentials, hooks);

	// Feed the input items as the trigger's output, then run the node under test.
	const inputItems: INodeExecutionData[] = options.inputItems ?? (options.items ?? [{}]).map((json) => ({ json }));
	// Pinned: the engine runs Start, whose output is the pinned items (as n8n does with pin data).
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				options.pinned
					? { node: workflow.getNode('Start')!, data: { main: [[{ json: {} }]] }, source: null }
					: {
							node: workflow.getNode(NODE_NAME)!,
							data: { main: [inputItems] },
							source: { main: [{ previousNode: 'Start' }] },
						},
			],
		},
		resultData: {
			...(options.pinned ? { pinData: { Start: inputItems } } : {}),
			runData: options.pinned ? {} : {
				Start: [
					{
						startTime: Date.now(),
						executionTime: 0,
						executionIndex: 0,
						source: [],
						data: { main: [inputItems] },
					},
				],
			},
		},
	});
	logSink = logs;
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	if (options.cancel) void options.cancel.then(() => execution.cancel());
	let run: IRun;
	try {
		run = await execution;
	} catch (error) {
		// A cancelled execution rejects (n8n then records it as cancelled).
		logSink = undefined;
		return { items: [], error: error as RunResult['error'], run: undefined as unknown as IRun, logs, cancelled: true };
	}
	logSink = undefined;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const items = taskData?.data?.main?.[0] ?? [];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
	const result: RunResult = { items, error, run, logs };
	assertNoSecretVisible(options, result);
	return result;
}

const SECRET_FIELDS: Record<string, readonly string[]> = Object.fromEntries(
	[talkable, talkBox, sailthru, personaClick].map((vendor) => [vendor.credentialType, vendor.secretFields]),
);

/**
 * Every run of the whole test suite is checked: no secret of the credentials it ran with, in any
 * encoding it takes on the wire (see collectSecrets), appears in any output item, error or log
 * line. A test that finds one fails, whatever it asserts itself.
 */
function assertNoSecretVisible(options: RunOptions, result: RunResult): void {
	const visible = everythingVisible(result);
	for (const [type, data] of Object.entries(options.credentials)) {
		for (const form of collectSecrets(data, SECRET_FIELDS[type] ?? [])) {
			if (visible.includes(form)) {
				throw new Error(`A secret of the ${type} credential is visible in the run's output, errors or logs (as "${form.slice(0, 3)}…")`);
			}
		}
	}
}

/** Every line n8n's logger receives during a run (message and metadata), for secret checks. */
let logSink: string[] | undefined;

/** Collect the engine's log lines into `lines` until `stopLogCapture()` (trigger-harness.ts too). */
export function startLogCapture(lines: string[]): void {
	logSink = lines;
}

export function stopLogCapture(): void {
	logSink = undefined;
}
const baseLogger = Container.get(Logger);
const record =
	(level: 'error' | 'warn' | 'info' | 'debug') =>
	(message: string, metadata?: Record<string, unknown>) => {
		logSink?.push(`${level}: ${message} ${JSON.stringify(metadata ?? {})}`);
		baseLogger[level](message, metadata);
	};
Container.set(
	Logger,
	Object.create(baseLogger, {
		error: { value: record('error') },
		warn: { value: record('warn') },
		info: { value: record('info') },
		debug: { value: record('debug') },
	}) as Logger,
);

/**
 * n8n's credential test: a temporary node type with the node's requestDefaults and one property
 * whose routing is the credential's `test.request`, run by RoutingNode; any error fails the test.
 */
export async function testCredential(
	credentialType: string,
	nodeType: string,
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string; run: RunResult }> {
	const credential = CREDENTIAL_TYPES[credentialType];
	const base = NODE_TYPES[nodeType];
	const testNode: INodeType = {
		description: {
			...base.description,
			name: 'credentialTest',
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: credential.test!.request },
				},
			],
		},
	};
	const run = await runNode({
		type: 'credentialTest',
		parameters: {},
		credentials: { [credentialType]: data },
		nodeTypes: { credentialTest: testNode },
	});
	if (run.error) return { status: 'Error', message: run.error.message, run };
	// As n8n's CredentialsTester: the first success-body rule whose key holds its value fails the test.
	const json = run.items[0]?.json as unknown;
	for (const rule of credential.test!.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		if (getPath(json, rule.properties.key) === rule.properties.value) return { status: 'Error', message: rule.properties.message, run };
	}
	return { status: 'OK', message: 'Connection tested successfully', run };
}

/** The engine's additional data for a test run: our credentials helper, loopback URLs, no sub-workflows. */
export function testAdditionalData(
	credentials: ConstructorParameters<typeof TestCredentialsHelper>[0],
	hooks: ExecutionLifecycleHooks,
	extra: object = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
		...extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Stop n8n-core's background timers so jest can exit. */
export function shutdownEngine() {
	Container.get(SSHClientsManager).onShutdown();
}

/**
 * The vendor sandbox of one test file: started before its tests, reset before each one, closed
 * (with the engine's timers) after them. The object returned stands for the running sandbox.
 */
export function useSandbox(options: { vendors?: string[] } = {}): Sandbox {
	let current: Sandbox | undefined;
	beforeAll(async () => {
		current = await startSandbox(options);
	});
	afterAll(async () => {
		await current?.close();
		shutdownEngine();
	});
	beforeEach(() => current?.reset());
	return new Proxy({} as Sandbox, {
		get(_target, key) {
			if (!current) throw new Error('the sandbox starts in beforeAll: use it inside a test or a hook');
			return current[key as keyof Sandbox];
		},
	});
}
