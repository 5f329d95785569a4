import {
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { inputError } from './errors';
import { readRecords, type OutputConfig } from './output';
import { getPath, isObject } from './record';
import { sendWithRetry, type Exchange } from './send';

/**
 * Operations whose API takes many records in one request (an order sync, a batch of origins):
 * the node run's input items are the records. Each item's routing and preSend build a body as if
 * it sent one record, with that record (an object) at `path`; the items whose bodies are otherwise
 * equal are sent together, up to `maxItems` records and `maxBytes` of JSON per request, with an
 * array of the records at `path`. Every item gets its own output, paired to it.
 */
export interface BatchSpec {
	/** Dot path in the body where each item's record sits (and the array goes), e.g. `orders`. */
	path: string;
	/** Most records one request may carry. */
	maxItems: number;
	/** Most bytes of JSON the records of one request may take. */
	maxBytes?: number;
	/**
	 * One item's result from the batch answer's unwrapped payload (default: the answer's records,
	 * as `output` reads them, for every item). `{ error }` fails that item only.
	 */
	itemResult?: (payload: unknown, index: number, record: IDataObject) => { json: IDataObject } | { error: string };
}

interface Entry {
	ctx: IExecuteSingleFunctions;
	record: IDataObject;
	resolve: (records: IDataObject[]) => void;
	reject: (error: Error) => void;
}

interface Group {
	options: IHttpRequestOptions;
	entries: Entry[];
	bytes: number;
}

type BatchConfig = OutputConfig & { batch: BatchSpec };

/** A copy of `body` with `value` at the dot `path` (objects on the way copied, not shared). */
function withPath(body: unknown, path: string, value: unknown): IDataObject {
	const keys = path.split('.');
	const root: IDataObject = isObject(body) ? { ...body } : {};
	let target = root;
	for (const key of keys.slice(0, -1)) {
		target[key] = isObject(target[key]) ? { ...(target[key] as IDataObject) } : {};
		target = target[key] as IDataObject;
	}
	target[keys[keys.length - 1]] = value as IDataObject[string];
	return root;
}

function groupKey(options: IHttpRequestOptions, path: string): string {
	return JSON.stringify([options.method, options.url, options.qs ?? {}, withPath(options.body, path, null)]);
}

async function flush(config: BatchConfig, exchange: Exchange, group: Group): Promise<void> {
	const { entries } = group;
	if (entries.length === 0) return;
	const first = entries[0].ctx;
	const records = entries.map((entry) => entry.record);
	const options: IHttpRequestOptions = {
		...group.options,
		body: withPath(group.options.body, config.batch.path, records),
	};
	try {
		const response = await sendWithRetry(first, exchange, options);
		const shared = readRecords(first, config, response, false, exchange.secrets);
		const { itemResult } = config.batch;
		if (!itemResult) {
			for (const entry of entries) entry.resolve(shared.map((record) => ({ ...record })));
			return;
		}
		const payload = config.vendor.unwrap(response.body);
		entries.forEach((entry, index) => {
			const result = itemResult(payload, index, entry.record);
			if ('error' in result) {
				entry.reject(
					new NodeOperationError(entry.ctx.getNode(), `${config.vendor.displayName} refused this record: ${result.error}`, {
						itemIndex: entry.ctx.getItemIndex(),
					}),
				);
			} else {
				entry.resolve([result.json]);
			}
		});
	} catch (error) {
		for (const entry of entries) entry.reject(error as Error);
	}
}

/**
 * The items of one pass of n8n's routing over the node's input, and the batches they fill. n8n's
 * RoutingNode runs every item of the list it holds (`inputData`, which its item contexts expose):
 * all input items; only the first with *Execute Once*; the one tool call in tool mode. So that
 * list is both the identity of a pass and the number of items to wait for, whatever the node's
 * settings. *Retry On Fail* runs the same list again: an item index seen twice starts a new pass
 * (the batches of the pass before are dropped unsent: that pass has already ended).
 */
interface Round {
	expected: number;
	seen: Set<number>;
	groups: Map<string, Group>;
}

const ROUNDS = new WeakMap<object, Round>();

/** The list of items this pass of the routing runs over (the run's input as a fallback). */
function passItems(ctx: IExecuteSingleFunctions): object | undefined {
	const inputData = (ctx as { inputData?: IDataObject }).inputData ?? (ctx.getExecuteData?.()?.data as IDataObject | undefined);
	const lists = (inputData?.main ?? inputData?.ai_tool) as unknown[][] | undefined;
	return Array.isArray(lists?.[0]) ? lists![0] : undefined;
}

function roundOf(ctx: IExecuteSingleFunctions): Round {
	const items = passItems(ctx);
	const fresh = (): Round => ({ expected: items ? (items as unknown[]).length : 1, seen: new Set(), groups: new Map() });
	if (!items) return fresh();
	let round = ROUNDS.get(items);
	if (!round || round.seen.has(ctx.getItemIndex())) ROUNDS.set(items, (round = fresh()));
	return round;
}

/**
 * Add this item's record to its batch and wait for the batch's answer. A batch is sent when it is
 * full, or when every item of the pass has arrived (an item with an input error counts as
 * arrived and sends nothing).
 */
export async function sendBatched(
	ctx: IExecuteSingleFunctions,
	config: BatchConfig,
	exchange: Exchange,
	options: IHttpRequestOptions,
	deferred: Error | undefined,
): Promise<IDataObject[]> {
	const round = roundOf(ctx);
	const { groups } = round;
	const { path, maxItems, maxBytes = Number.POSITIVE_INFINITY } = config.batch;
	const sendGroup = (key: string, group: Group) => {
		groups.delete(key);
		void flush(config, exchange, group);
	};
	round.seen.add(ctx.getItemIndex());
	let result: Promise<IDataObject[]> | undefined;
	let error = deferred;
	if (!error) {
		const record = getPath(options.body, path);
		if (!isObject(record)) {
			error = inputError(ctx.getNode(), ctx.getItemIndex(), 'Record', 'this item built no record to send');
		} else {
			const key = groupKey(options, path);
			const bytes = JSON.stringify(record).length;
			let group = groups.get(key);
			if (group && group.bytes + bytes > maxBytes) sendGroup(key, group);
			group = groups.get(key);
			if (!group) {
				group = { options, entries: [], bytes: 0 };
				groups.set(key, group);
			}
			const target = group;
			result = new Promise<IDataObject[]>((resolve, reject) => {
				target.entries.push({ ctx, record, resolve, reject });
			});
			target.bytes += bytes;
			if (target.entries.length >= maxItems) sendGroup(key, target);
		}
	}
	if (round.seen.size >= round.expected) {
		for (const [key, group] of [...groups]) sendGroup(key, group);
	}
	if (error) throw error;
	return await result!;
}
