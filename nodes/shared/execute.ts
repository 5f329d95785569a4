import {
	NodeApiError,
	NodeOperationError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { sendBatched, type BatchSpec } from './batch';
import { errorFields } from './errors';
import { readRecords, type OutputSpec } from './output';
import { unsendableKeyError } from './params';
import { redactText } from './redact';
import { safeByMethod } from './retry';
import { runGovernor, runState, type Pace } from './run';
import { sendWithRetry, type Exchange } from './send';
import type { VendorProfile } from './vendors';

/** How a list is paged. Page size and position go into the query string. */
export interface PaginationSpec {
	/** `page`: page number + page size (TalkBox). `offset`: offset + limit (PersonaClick). */
	type: 'page' | 'offset';
	/** Name of the page-number (type page) or offset (type offset) query parameter. */
	positionParam: string;
	/** Name of the page-size query parameter. */
	sizeParam: string;
	/** Records asked for per request (the vendor's maximum is best). */
	pageSize: number;
	/** First page number (type page), default 1. */
	firstPage?: number;
}

export interface ExecutorConfig {
	vendor: VendorProfile;
	output?: OutputSpec;
	pagination?: PaginationSpec;
	/** May the request be sent again after a failure that may have had an effect? */
	retrySafe: boolean;
	/** Input items are sent together, several records per request (see batch.ts). */
	batch?: BatchSpec;
	/** A documented pace for this operation (e.g. 40 requests a minute). */
	pace?: Pace;
	/** Sent once instead of `url` when the vendor answers 404 there (see OperationSpec). */
	fallbackUrl?: string;
}

const DEFERRED_ERROR = Symbol('deferredInputError');

type WithDeferred = IHttpRequestOptions & { [DEFERRED_ERROR]?: Error };

/**
 * Remember an input error found by a preSend hook. It is raised by the executor, which owns
 * error handling: so "Continue On Fail" yields one paired error item for it, and nothing is sent.
 */
export function deferInputError(options: IHttpRequestOptions, error: Error): void {
	const target = options as WithDeferred;
	if (!target[DEFERRED_ERROR]) {
		Object.defineProperty(target, DEFERRED_ERROR, { value: error, enumerable: false, configurable: true });
	}
}

/** The input error a preSend hook deferred for this item, if any. */
function takeDeferred(options: IHttpRequestOptions): Error | undefined {
	return (options as WithDeferred)[DEFERRED_ERROR];
}

/**
 * Most records one input item may output. n8n's declarative routing adds each item's results
 * with `push(...results)`, which overflows the call stack at about 120,000 records: stop well
 * before that, with an error that says what to do instead.
 */
export const MAX_RECORDS_PER_ITEM = 100_000;

/**
 * With Split Into Items off, or Raw Response on, one item per page (or response): Return All
 * stops there too, at this many records or MAX_PAGES_PER_ITEM requests, so that a list that never
 * ends (a server that ignores the page and never sends a short one) cannot hold the node forever
 * and fill the memory.
 */
export const MAX_RECORDS_PAGED = 1_000_000;
export const MAX_PAGES_PER_ITEM = 10_000;

/** A cheap fingerprint of a page: a server that ignores the paging parameter repeats it. */
function pageFingerprint(records: IDataObject[]): string {
	if (records.length === 0) return '';
	return `${records.length}|${JSON.stringify(records[0])}|${JSON.stringify(records[records.length - 1])}`;
}

function tooManyRecords(ctx: IExecuteSingleFunctions, count: number, pages: number, split: boolean): NodeOperationError {
	const cap = split ? MAX_RECORDS_PER_ITEM : MAX_RECORDS_PAGED;
	const what =
		pages > MAX_PAGES_PER_ITEM
			? `${MAX_PAGES_PER_ITEM.toLocaleString('en-US')} pages (${count.toLocaleString('en-US')} records): one item reads at most ${MAX_PAGES_PER_ITEM.toLocaleString('en-US')} pages`
			: `${count.toLocaleString('en-US')} records: ${
					split ? 'n8n cannot output more than' : 'one item reads at most'
				} ${cap.toLocaleString('en-US')} ${split ? 'items from one input item' : 'records page by page'}`;
	return new NodeOperationError(ctx.getNode(), `Return All stopped after ${what}`, {
		itemIndex: ctx.getItemIndex(),
		description: split
			? 'Nothing was output for this item. Narrow the list (a date or ID filter), set a Limit, or turn off "Split Into Items" to get one item per page that holds the page\'s records.'
			: 'Nothing was output for this item. Narrow the list (a date or ID filter), or set a Limit.',
	});
}

async function collect(ctx: IExecuteSingleFunctions, config: ExecutorConfig, exchange: Exchange, options: IHttpRequestOptions) {
	const split = config.output?.split === true;
	const raw = split && (ctx.getNodeParameter('rawResponse', false) as boolean);
	const pages = split && !raw && ctx.getNodeParameter('splitIntoItems', true) === false;
	const returnAll = !split || (ctx.getNodeParameter('returnAll', true) as boolean);
	const limit = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, ctx.getNodeParameter('limit', 50) as number);
	const { pagination } = config;
	const secrets = exchange.secrets;

	if (!pagination) {
		let response = await sendWithRetry(ctx, exchange, options);
		if (response.statusCode === 404 && config.fallbackUrl) {
			response = await sendWithRetry(ctx, exchange, { ...options, url: config.fallbackUrl });
		}
		let records = readRecords(ctx, config, response, raw, secrets);
		if (!raw) records = records.slice(0, limit);
		if (config.output?.followUp) {
			const send = async (extra: IHttpRequestOptions) => {
				const next: IHttpRequestOptions = {
					baseURL: options.baseURL,
					headers: options.headers,
					timeout: options.timeout,
					proxy: options.proxy,
					skipSslCertificateValidation: options.skipSslCertificateValidation,
					...extra,
				};
				// A follow-up (e.g. polling a job) is as safe to repeat as its own method says.
				const answer = await sendWithRetry(ctx, { ...exchange, retrySafe: safeByMethod(next.method) }, next);
				readRecords(ctx, { vendor: config.vendor }, answer, true, secrets);
				return typeof answer.body === 'string' ? answer.body : config.vendor.unwrap(answer.body);
			};
			records = await config.output.followUp.call(ctx, records, send);
		}
		return pages ? [{ page: 1, records }] : records;
	}

	const results: IDataObject[] = [];
	let count = 0;
	const pageSize = Math.max(1, Math.min(pagination.pageSize, limit));
	let position = pagination.type === 'page' ? pagination.firstPage ?? 1 : 0;
	let previous = '';
	for (let page = 1; count < limit; page++) {
		if (page > MAX_PAGES_PER_ITEM) throw tooManyRecords(ctx, count, page, !raw && !pages);
		const size = pagination.type === 'offset' ? Math.min(pageSize, limit - count) : pageSize;
		const pageOptions: IHttpRequestOptions = {
			...options,
			qs: { ...(options.qs ?? {}), [pagination.positionParam]: position, [pagination.sizeParam]: size },
		};
		const response = await sendWithRetry(ctx, exchange, pageOptions);
		const pageRecords = readRecords(ctx, config, response, false, secrets);
		const fingerprint = pageFingerprint(pageRecords);
		if (fingerprint !== '' && fingerprint === previous) {
			throw new NodeOperationError(
				ctx.getNode(),
				`${config.vendor.displayName} returned the same records for page ${page} as for page ${page - 1}`,
				{
					itemIndex: ctx.getItemIndex(),
					description: `It seems to ignore the "${pagination.positionParam}" parameter, so paging stopped here instead of looping forever. Nothing was output for this item; set a Limit to get the first page.`,
				},
			);
		}
		previous = fingerprint;
		const kept = pageRecords.slice(0, limit - count);
		count += kept.length;
		if (count > (raw || pages ? MAX_RECORDS_PAGED : MAX_RECORDS_PER_ITEM)) throw tooManyRecords(ctx, count, page, !raw && !pages);
		if (raw) {
			results.push(...readRecords(ctx, config, response, true, secrets));
		} else if (pages) {
			results.push({ page, records: kept });
		} else {
			for (const record of kept) results.push(record);
		}
		if (pageRecords.length < size) break;
		position += pagination.type === 'page' ? 1 : pageRecords.length;
	}
	return results;
}

/**
 * A failed item under Continue On Fail. n8n reduces the JSON of an item that carries an `error`
 * to `{ error }`, so for "Continue (using regular output)" the item carries the fields a workflow
 * branches on in its JSON instead: the message, the description, the HTTP status (`httpCode`) and
 * the vendor's own error code (`vendorCode`). For "Continue (using error output)" the item keeps
 * its `error`, which is how n8n routes it to the error output.
 */
function errorItem(
	ctx: IExecuteSingleFunctions,
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const pairedItem = { item: itemIndex };
	if (ctx.getNode().onError === 'continueErrorOutput') return { json: { error: error.message }, error, pairedItem };
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
			...errorFields(error),
		},
		pairedItem,
	};
}

/**
 * The shared request executor. n8n's routing engine calls it (as the operation's
 * `routing.operations.pagination`, which runs when `send.paginate` is true) with the request
 * that the declarative `routing` of the parameters built. It owns: the base URL and credential
 * (read once per run), the request governor, retry with back-off, the vendor's envelopes and
 * errors, pagination, Return All / Limit, batches, secret redaction, pairedItem, and Continue
 * On Fail.
 */
export function createExecutor(config: ExecutorConfig) {
	return async function executeRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const pairedItem = { item: itemIndex };
		const state = runState(this, config.vendor);
		let secrets: readonly string[] = [];
		try {
			secrets = await state.secrets;
			const options = requestData.options as IHttpRequestOptions & { [key: symbol]: unknown };
			// A hook's input error first; else a key n8n's HTTP client would silently leave out.
			const deferred =
				takeDeferred(options) ?? (config.vendor.sendsParametersAsJsonText ? undefined : unsendableKeyError(this, options));
			const credentials = await state.credentials;
			if (!options.baseURL) options.baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
			const exchange: Exchange = {
				vendor: config.vendor,
				governor: () => runGovernor(state, config.pace),
				settings: state.settings,
				secrets,
				retrySafe: config.retrySafe,
				credential: { ...state.saved, type: config.vendor.credentialType, data: credentials },
			};
			let records: IDataObject[];
			if (config.batch) {
				records = await sendBatched(this, { ...config, batch: config.batch }, exchange, options, deferred);
			} else {
				if (deferred) throw deferred;
				records = await collect(this, config, exchange, options);
			}
			return records.map((json) => ({ json, pairedItem }));
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), redactText((caught as Error).message ?? String(caught), secrets), {
							itemIndex,
						});
			if (this.continueOnFail()) return [errorItem(this, error, itemIndex)];
			throw error;
		}
	};
}
