import {
	NodeApiError,
	NodeHelpers,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecuteFunctions,
	type IExecuteSingleFunctions,
	type IGetNodeParameterOptions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type PreSendAction,
} from 'n8n-workflow';

import { FOR_N8N, resolveLocally } from './jsonPath';
import { pause } from './pause';
import { getPath, isObject, isPlainContainer, setOwn, setPath } from './record';

/**
 * Our operations run as the node's `customOperations`: the same declarative description, the
 * same preSend hooks and the same executor as n8n's RoutingNode would call, without its per-item
 * costs. For every item RoutingNode evaluates every parameter of the whole description (each
 * property of that name, so a name shared by several operations is evaluated once per property,
 * and n8n 2.x walks the description a second time for the base URL), then each hook evaluates
 * what it reads again; with a user's expression that is 3 to 7 evaluations per item. Here:
 * - what depends only on the node's settings (which parameters are shown, what they send, the
 *   hooks, the operation's executor) is worked out once per run (`planOf`);
 * - each parameter is evaluated at most once per item: routing, hooks, checks and the output
 *   share it (`itemContext`), and one whose expressions only read fields of the input item
 *   (`={{ $json.email }}`) is read here without n8n's expression engine (`jsonPath.ts`);
 * - the credential is read once per run (`runState`) and handed to n8n with every request.
 *
 * n8n runs a node used as an AI Agent tool through RoutingNode (it ignores `customOperations`
 * there), so the description stays complete and both paths build the same request. A node
 * type is only taken over when its description has no routing this runner does not do
 * (`unsupportedIn`).
 */

type Executor = (
	this: IExecuteSingleFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** A parameter that routing sends: where it goes, read from which path. */
interface Send {
	parameter: string;
	extractValue: boolean;
	into: 'body' | 'qs';
	property: string;
	dotted: boolean;
}

interface Plan {
	method?: string;
	url?: string;
	headers: IDataObject;
	/** From n8n's *Options* of a declarative node (`requestOptions`): the same for every item. */
	transport: Pick<IHttpRequestOptions, 'timeout' | 'proxy' | 'skipSslCertificateValidation'>;
	sends: Send[];
	preSend: PreSendAction[];
	operations: NonNullable<DeclarativeRestApiSettings.ResultOptions['requestOperations']>;
	executor?: Executor;
}

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

/** What in this routing the runner does not do (undefined: nothing). */
function unsupportedRouting(routing: INodeProperties['routing'], onOption: boolean): string | undefined {
	if (!routing) return undefined;
	if (routing.output) return 'routing.output';
	for (const [key, value] of Object.entries(routing.request ?? {})) {
		if (isExpression(value) || (key !== 'method' && key !== 'url')) return `routing.request.${key}`;
	}
	const send = routing.send;
	if (send && (send.value !== undefined || isExpression(send.property) || isExpression(send.paginate))) {
		return 'an expression in routing.send';
	}
	if (send?.property !== undefined && onOption) return 'routing.send.property on an option';
	return undefined;
}

/**
 * What in the description (at any depth) the runner does not do, RoutingNode would: then the
 * node type is not taken over (a test requires all four of ours to be).
 */
function unsupportedIn(description: INodeTypeDescription): string | undefined {
	for (const [key, value] of Object.entries(description.requestDefaults ?? {})) {
		if (key !== 'headers' || !isObject(value) || Object.values(value).some(isExpression)) return `requestDefaults.${key}`;
	}
	const pending: Array<{ property: INodeProperties | INodePropertyOptions; inFixed: boolean }> = description.properties.map(
		(property) => ({ property, inFixed: false }),
	);
	for (let next = pending.pop(); next; next = pending.pop()) {
		const { property, inFixed } = next;
		if (property.routing && inFixed) return 'routing in a fixedCollection';
		const problem = unsupportedRouting(property.routing, !('type' in property));
		if (problem) return problem;
		const fixed = inFixed || ('type' in property && property.type === 'fixedCollection');
		const children = ('options' in property ? property.options : undefined) ?? [];
		for (const child of children as Array<INodeProperties | INodePropertyOptions | { values?: INodeProperties[] }>) {
			if ('values' in child && Array.isArray(child.values)) {
				for (const value of child.values) pending.push({ property: value, inFixed: true });
			} else if (isObject(child)) {
				pending.push({ property: child as INodeProperties, inFixed: fixed });
			}
		}
	}
	return undefined;
}

function planProperty(
	plan: Plan,
	property: INodeProperties | INodePropertyOptions,
	path: string,
	node: INode,
	description: INodeTypeDescription,
): void {
	const parameters = node.parameters;
	if (!NodeHelpers.displayParameter(parameters, property, node, description, parameters)) return;
	const base = path ? `${path}.` : '';
	const routing = property.routing;
	if (routing) {
		if (routing.request?.method !== undefined) plan.method = String(routing.request.method);
		if (routing.request?.url !== undefined) plan.url = String(routing.request.url);
		const send = routing.send;
		if (send?.property !== undefined && 'type' in property) {
			plan.sends.push({
				parameter: base + property.name,
				extractValue: property.extractValue !== undefined || property.type === 'resourceLocator',
				into: send.type === 'body' ? 'body' : 'qs',
				property: send.property,
				dotted: send.propertyInDotNotation !== false,
			});
		}
		plan.preSend.push(...(send?.preSend ?? []));
		Object.assign(plan.operations, routing.operations ?? {});
	}
	if (!('type' in property) || !('options' in property) || !property.options) return;
	const value = getPath(parameters, base + property.name);
	if (property.type === 'options') {
		const chosen = (property.options as INodePropertyOptions[]).find((option) => option.value === value);
		if (chosen) planProperty(plan, chosen, base + property.name, node, description);
	} else if (property.type === 'collection') {
		const present = isObject(value) ? Object.keys(value) : [];
		for (const option of property.options as INodeProperties[]) {
			if (present.includes(option.name) && option.type !== undefined) {
				planProperty(plan, option, base + property.name, node, description);
			}
		}
	}
}

/** What every item of this run sends, from the node's settings (undefined: not ours to run). */
function planOf(description: INodeTypeDescription, node: INode, transport: Plan['transport']): Plan | undefined {
	const headers = (description.requestDefaults?.headers ?? {}) as IDataObject;
	const plan: Plan = { headers, transport, sends: [], preSend: [], operations: {} };
	for (const property of description.properties) planProperty(plan, property, '', node, description);
	const pagination = plan.operations.pagination;
	if (typeof pagination !== 'function' || !plan.method || plan.url === undefined) return undefined;
	plan.executor = pagination as unknown as Executor;
	return plan;
}

/**
 * A copy of a parameter's value for one more reader: its plain objects and arrays are new
 * (walked without recursion, a cycle kept as a cycle); anything else (a DateTime, a Date, a
 * Buffer) is handed out as it is, as n8n itself does.
 */
export function copyValue<T>(value: T): T {
	if (!isPlainContainer(value)) return value;
	const copies = new Map<object, object>();
	const copyOf = (source: object) => {
		let copy = copies.get(source);
		if (!copy) {
			copy = Array.isArray(source) ? [] : {};
			copies.set(source, copy);
			pending.push(source);
		}
		return copy;
	};
	const pending: object[] = [];
	const root = copyOf(value);
	for (let source = pending.pop(); source; source = pending.pop()) {
		const target = copies.get(source)!;
		for (const [key, entry] of Object.entries(source)) {
			const copy = isPlainContainer(entry) ? copyOf(entry) : entry;
			if (Array.isArray(target)) target[Number(key)] = copy;
			else setOwn(target, key, copy);
		}
	}
	return root as T;
}

/**
 * n8n's *Options* of a declarative node (the loader adds them): timeout (default 300 s), SSL
 * check and proxy, read as RoutingNode reads them, once per run.
 */
function transportOf(run: IExecuteFunctions, options: IDataObject): Plan['transport'] {
	const transport: Plan['transport'] = { timeout: Number(options.timeout) || 300_000 };
	if (options.allowUnauthorizedCerts) transport.skipSslCertificateValidation = true;
	if (options.proxy) {
		let proxy: URL | undefined;
		try {
			proxy = new URL(String(options.proxy));
		} catch {
			proxy = undefined;
		}
		const missing = !proxy?.hostname ? 'host' : !proxy.port ? 'port' : undefined;
		if (missing) {
			throw new NodeOperationError(run.getNode(), 'The proxy is not valid', {
				description: `The proxy URL does not contain a valid value for "${missing}"`,
			});
		}
		transport.proxy = {
			host: proxy!.hostname,
			port: Number(proxy!.port),
			protocol: proxy!.protocol.replace(/:$/, '') || undefined,
			...(proxy!.username
				? { auth: { username: decodeURIComponent(proxy!.username), password: decodeURIComponent(proxy!.password) } }
				: {}),
		};
	}
	return transport;
}

/** A parameter's stored value at a dotted path, or undefined when the node does not hold one. */
const stored = (node: INode, name: string) => getPath(node.parameters, name);

/**
 * The item's context, as RoutingNode gives each item one: `getNodeParameter` evaluates each
 * parameter once for the item (a cached object value is handed out as a copy, since a hook may
 * change what it gets), and the item's index, input item and binary helpers are its own.
 */
export function itemContext(run: IExecuteFunctions, itemIndex: number, node = run.getNode()): IExecuteSingleFunctions {
	const values = new Map<string, unknown>();
	/**
	 * The parameter at `name`, evaluated once for this item (per set of reading options). Without
	 * reading options, a value whose expressions only read fields of the input item is resolved
	 * here (jsonPath.ts); anything else by n8n.
	 */
	const evaluated = (name: string, options: IGetNodeParameterOptions) => {
		const key = `${name}\u0000${JSON.stringify(options)}`;
		if (!values.has(key)) {
			const local = Object.keys(options).length === 0 ? resolveLocally(stored(node, name), inputJson()) : FOR_N8N;
			values.set(key, local !== FOR_N8N ? local : run.getNodeParameter(name, itemIndex, undefined, options));
		}
		return values.get(key);
	};
	let input: { json?: IDataObject } | undefined;
	const inputJson = () => (input ??= { json: run.getInputData()[itemIndex]?.json }).json;
	const helpers = Object.create(run.helpers, {
		getBinaryDataBuffer: {
			value: async (propertyName: string) => await run.helpers.getBinaryDataBuffer(itemIndex, propertyName),
		},
		assertBinaryData: {
			value: (propertyName: string) => run.helpers.assertBinaryData(itemIndex, propertyName),
		},
	});
	return Object.create(run, {
		helpers: { value: helpers },
		// n8n hands out a deep copy of the node at every call; one copy serves the whole run.
		getNode: { value: () => node },
		getItemIndex: { value: () => itemIndex },
		getInputData: {
			value: (inputIndex = 0, connectionType = 'main') =>
				run.getInputData(inputIndex, connectionType as 'main')[itemIndex] ?? { json: {} },
		},
		getCredentials: {
			value: async (type: string, index = itemIndex) => await run.getCredentials(type, index),
		},
		getNodeParameter: {
			value(name: string, fallback?: unknown, options?: IGetNodeParameterOptions) {
				const value = stored(node, name);
				// A missing parameter is its fallback, which costs nothing.
				if (value === undefined) return run.getNodeParameter(name, itemIndex, fallback, options);
				// Value extraction only changes a resource locator: elsewhere it reads the same value.
				const { extractValue, ...rest } = options ?? {};
				const locator = extractValue === true && isObject(value) && value.__rl === true;
				const own = { ...rest, ...(locator ? { extractValue } : {}) };
				const [top, ...path] = name.split('.');
				// A field of a collection comes from the collection's one evaluation (n8n evaluates
				// every expression inside a collection when the collection is read).
				if (path.length > 0 && !locator && !name.includes('[') && isObject(stored(node, top))) {
					const parent = evaluated(top, own);
					const field = getPath(parent, path.join('.'));
					return copyValue(field === undefined ? fallback : field);
				}
				return copyValue(evaluated(name, own));
			},
		},
	}) as IExecuteSingleFunctions;
}

/** One item, as RoutingNode runs it: the request from routing, the hooks, then the executor. */
async function runItem(run: IExecuteFunctions, plan: Plan, node: INode, itemIndex: number): Promise<INodeExecutionData[]> {
	const ctx = itemContext(run, itemIndex, node);
	let options: IHttpRequestOptions = {
		method: plan.method as IHttpRequestOptions['method'],
		url: plan.url!,
		qs: {},
		body: {},
		headers: { ...plan.headers },
		...plan.transport,
	};
	for (const send of plan.sends) {
		const value = ctx.getNodeParameter(send.parameter, undefined, { extractValue: send.extractValue });
		setPath((send.into === 'body' ? options.body : options.qs) as IDataObject, send.property, value, send.dotted);
	}
	for (const hook of plan.preSend) options = await hook.call(ctx, options);
	const requestData = { options, preSend: plan.preSend, postReceive: [], requestOperations: plan.operations, paginate: true };
	return await plan.executor!.call(ctx, requestData as DeclarativeRestApiSettings.ResultOptions);
}

/** An item's failure as RoutingNode reports it. */
function asNodeError(run: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(run.getNode(), error instanceof Error ? error : new Error(String(error)), { itemIndex });
}

/**
 * `customOperations` for every operation of `description` that the shared executor serves:
 * `{ [resource]: { [operation]: run } }`. Each run plans once, then runs all its items at once
 * (the governor paces them), and outputs them in item order.
 */
export function customOperationsOf(description: INodeTypeDescription): NonNullable<INodeType['customOperations']> {
	async function runOperation(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const node = this.getNode();
		const options = this.getNodeParameter('requestOptions', 0, {}) as IDataObject;
		const plan = planOf(description, node, transportOf(this, options));
		if (!plan) throw new NodeOperationError(node, 'The chosen operation does not send a request');
		// n8n's *Batching* option: start `batchSize` items, wait `batchInterval` ms, start the next.
		const batch = ((options.batching as IDataObject | undefined)?.batch ?? {}) as IDataObject;
		const batchSize = Number(batch.batchSize) > 0 ? Number(batch.batchSize) : 1;
		const batchInterval = Number(batch.batchInterval) || 0;
		const items = this.getInputData();
		const started: Array<Promise<INodeExecutionData[]>> = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			if (itemIndex > 0 && batchInterval > 0 && itemIndex % batchSize === 0) {
				await pause(batchInterval, this.getExecutionCancelSignal());
			}
			started.push(runItem(this, plan, node, itemIndex));
			started[itemIndex].catch(() => undefined);
		}
		const settled = await Promise.allSettled(started);
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, result] of settled.entries()) {
			if (result.status === 'fulfilled') {
				output.push(...result.value);
				continue;
			}
			const error = asNodeError(this, result.reason, itemIndex);
			if (!this.continueOnFail()) throw error;
			output.push({ json: {}, error, pairedItem: { item: itemIndex } });
		}
		return [output];
	}

	const operations: NonNullable<INodeType['customOperations']> = {};
	if (unsupportedIn(description)) return operations;
	for (const property of description.properties) {
		if (property.name !== 'operation' || property.type !== 'options') continue;
		for (const resource of (property.displayOptions?.show?.resource ?? []) as string[]) {
			for (const option of (property.options ?? []) as INodePropertyOptions[]) {
				if (typeof option.routing?.operations?.pagination !== 'function') continue;
				(operations[resource] ??= {})[String(option.value)] = runOperation;
			}
		}
	}
	return operations;
}
