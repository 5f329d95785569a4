import {
	NodeApiError,
	NodeOperationError,
	sleepWithAbort,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
} from 'n8n-workflow';

import { vendorApiError } from './errors';
import { collectSecrets, redactText } from './redact';
import {
	isRetryable,
	parseRetryAfter,
	retryDelay,
	retrySettingsFrom,
	type Failure,
	type RetrySettings,
} from './retry';
import type { VendorProfile, VendorResponse } from './vendors';

/** How a response becomes output items. */
export interface OutputSpec {
	/** Dot path, inside the unwrapped payload, to the records (e.g. `person`, `referrals`). */
	path?: string;
	/**
	 * One item per record of a list. Such operations honour `returnAll` / `limit` and the
	 * `rawResponse` parameter (one item holding the whole response body instead).
	 */
	split?: boolean;
	/** The item to output when the vendor answers 2xx with an empty body (else that is an error). */
	emptyBody?: IDataObject;
	/** The vendor answers 2xx with bare text (not JSON): output it as `{ [textBody]: text }`. */
	textBody?: string;
	/**
	 * Reshape the records of one response (e.g. an object keyed by ID into one record per entry,
	 * or an empty-body success into a descriptive item). Runs before Return All / Limit.
	 */
	transform?: (this: IExecuteSingleFunctions, records: IDataObject[]) => IDataObject[];
}

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

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

function getPath(value: unknown, path: string | undefined): unknown {
	if (!path) return value;
	let current = value;
	for (const key of path.split('.')) {
		if (!isObject(current)) return undefined;
		current = current[key];
	}
	return current;
}

const toItemJson = (record: unknown): IDataObject => (isObject(record) ? record : { value: record as string });

/**
 * Plain words for system error codes. (The code itself must stay out of the message: n8n's
 * NodeApiError replaces any message that contains one with its own generic sentence.)
 */
const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ECONNABORTED: 'no answer within the request timeout',
	ETIMEDOUT: 'no answer within the request timeout',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
	EPIPE: 'the connection was closed while sending',
};

/** The system error code of a failed request (n8n puts it in httpCode of its NodeApiError). */
function networkCode(error: unknown): string {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while ((isObject(current) || current instanceof Error) && !seen.has(current)) {
		seen.add(current);
		for (const key of ['code', 'httpCode']) {
			const code = (current as IDataObject)[key];
			if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		}
		current = (current as IDataObject).cause;
	}
	const message = error instanceof Error ? error.message : String(error);
	return /socket hang up/i.test(message) ? 'ECONNRESET' : 'network error';
}

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

function describeFailure(failure: Failure, response: VendorResponse | undefined): string {
	if (failure.kind === 'network') return failure.code;
	return `${failure.kind === 'rateLimit' ? 'rate limited, ' : ''}HTTP ${response?.statusCode}`;
}

/** One try-until-done exchange: retries what is safe, returns the final (non-retryable) response. */
async function sendWithRetry(
	ctx: IExecutePaginationFunctions,
	config: ExecutorConfig,
	options: IHttpRequestOptions,
	settings: RetrySettings,
	secrets: readonly string[],
): Promise<VendorResponse> {
	const { vendor } = config;
	const node = ctx.getNode();
	const itemIndex = ctx.getItemIndex();
	const method = (options.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	const started = Date.now();
	for (let attempt = 1; ; attempt++) {
		let response: VendorResponse | undefined;
		let failure: Failure;
		let vendorWaitMs: number | undefined;
		try {
			const full = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, vendor.credentialType, {
				...options,
				method,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
			response = { statusCode: full.statusCode, headers: (full.headers ?? {}) as IDataObject, body: full.body };
			if (vendor.isRateLimited(response)) {
				vendorWaitMs = vendor.rateLimitWaitMs(response, Date.now());
				failure = { kind: 'rateLimit', waitMs: vendorWaitMs };
			} else if (response.statusCode >= 500) {
				vendorWaitMs = parseRetryAfter(response.headers['retry-after']);
				failure = { kind: 'server', status: response.statusCode };
			} else {
				return response;
			}
		} catch (error) {
			// A cancelled execution is not a failure to retry.
			if (ctx.getExecutionCancelSignal()?.aborted) throw new NodeOperationError(node, error as Error, { itemIndex });
			failure = { kind: 'network', code: networkCode(error) };
		}

		const tries = `${attempt} ${attempt === 1 ? 'try' : 'tries'} over ${Math.round((Date.now() - started) / 1000)} s`;
		const exhausted = attempt > settings.maxRetries;
		const allowed = isRetryable(failure, method, settings);
		const tooLong = vendorWaitMs !== undefined && vendorWaitMs > settings.maxWaitMs;
		if (exhausted || !allowed || tooLong) {
			let note: string;
			if (!allowed) {
				note = `Not retried: a ${method} may already have taken effect at ${vendor.displayName}; check there before running it again.`;
			} else if (tooLong) {
				note = `${vendor.displayName} asked to wait ${Math.ceil(vendorWaitMs! / 1000)} s, longer than the Max Wait of ${seconds(settings.maxWaitMs)} s set under Retry; gave up after ${tries}.`;
			} else {
				note = `Gave up after ${tries} (Max Retries ${settings.maxRetries}, set under Retry).`;
			}
			if (failure.kind === 'rateLimit') {
				note += ' Raise Max Retries or Max Wait under Retry, or space requests out with Request Options → Batching.';
			}
			if (failure.kind === 'network') note = `System error ${failure.code}. ${note}`;
			const message =
				failure.kind === 'network'
					? `${vendor.displayName} could not be reached: ${NETWORK_WORDS[failure.code] ?? 'network error'}`
					: response && !vendor.readError(response) && failure.kind === 'rateLimit'
						? `${vendor.displayName} rate limit reached (HTTP ${response.statusCode})`
						: undefined;
			throw vendorApiError(node, { vendor, response, itemIndex, secrets, message, note });
		}

		const waitMs = retryDelay(attempt, settings, vendorWaitMs);
		ctx.logger.warn(
			redactText(
				`${vendor.displayName} ${method} ${options.url ?? ''}: ${describeFailure(failure, response)}; retry ${attempt} of ${settings.maxRetries} in ${waitMs} ms`,
				secrets,
			),
			{ itemIndex },
		);
		await sleepWithAbort(waitMs, ctx.getExecutionCancelSignal());
	}
}

/** Check a final response and turn it into records (or the raw body). */
function readRecords(
	ctx: IExecutePaginationFunctions,
	config: ExecutorConfig,
	response: VendorResponse,
	raw: boolean,
	secrets: readonly string[],
): IDataObject[] {
	const { vendor } = config;
	const node = ctx.getNode();
	const itemIndex = ctx.getItemIndex();
	const fail = () => vendorApiError(node, { vendor, response, itemIndex, secrets });
	const { statusCode, body } = response;
	const output = config.output ?? {};
	if (statusCode < 200 || statusCode >= 300 || vendor.readError(response)) throw fail();
	let records: IDataObject[];
	if (body === undefined || body === null || (typeof body === 'string' && body.trim() === '')) {
		if (!output.emptyBody) throw fail();
		records = [{ ...output.emptyBody }];
	} else if (typeof body === 'string') {
		if (!output.textBody) throw fail();
		records = [{ [output.textBody]: body.trim() }];
	} else if (raw) {
		return [toItemJson(body)];
	} else {
		const payload = getPath(vendor.unwrap(body), output.path);
		records = Array.isArray(payload) ? payload.map(toItemJson) : payload === undefined ? [] : [toItemJson(payload)];
	}
	return output.transform ? output.transform.call(ctx, records) : records;
}

async function collect(
	ctx: IExecutePaginationFunctions,
	config: ExecutorConfig,
	options: IHttpRequestOptions,
	settings: RetrySettings,
	secrets: readonly string[],
): Promise<IDataObject[]> {
	const split = config.output?.split === true;
	const raw = split && (ctx.getNodeParameter('rawResponse', false) as boolean);
	const returnAll = !split || (ctx.getNodeParameter('returnAll', true) as boolean);
	const limit = returnAll ? Number.POSITIVE_INFINITY : Math.max(0, ctx.getNodeParameter('limit', 50) as number);
	const { pagination } = config;

	if (!pagination) {
		const response = await sendWithRetry(ctx, config, options, settings, secrets);
		const records = readRecords(ctx, config, response, raw, secrets);
		return raw ? records : records.slice(0, limit);
	}

	const results: IDataObject[] = [];
	const pageSize = Math.max(1, Math.min(pagination.pageSize, limit));
	let position = pagination.type === 'page' ? pagination.firstPage ?? 1 : 0;
	while (results.length < limit) {
		const size = pagination.type === 'offset' ? Math.min(pageSize, limit - results.length) : pageSize;
		const pageOptions: IHttpRequestOptions = {
			...options,
			qs: { ...(options.qs ?? {}), [pagination.positionParam]: position, [pagination.sizeParam]: size },
		};
		const response = await sendWithRetry(ctx, config, pageOptions, settings, secrets);
		const pageRecords = readRecords(ctx, config, response, false, secrets);
		if (raw) {
			results.push(...readRecords(ctx, config, response, true, secrets));
		} else {
			results.push(...pageRecords.slice(0, limit - results.length));
		}
		if (pageRecords.length < size) break;
		position += pagination.type === 'page' ? 1 : pageRecords.length;
	}
	return results;
}

/**
 * The shared request executor. n8n's routing engine calls it (as the operation's
 * `routing.operations.pagination`, which runs when `send.paginate` is true) with the request
 * that the declarative `routing` of the parameters built. It owns: credentials (through
 * n8n's httpRequestWithAuthentication), retry with back-off, the vendor's envelopes and errors,
 * pagination, Return All / Limit, secret redaction, pairedItem, and Continue On Fail.
 */
export function createExecutor(config: ExecutorConfig) {
	return async function executeRequest(
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		const pairedItem = { item: itemIndex };
		let secrets: string[] = [];
		try {
			const deferred = (requestData.options as WithDeferred)[DEFERRED_ERROR];
			if (deferred) throw deferred;
			const credentials = await this.getCredentials(config.vendor.credentialType, itemIndex);
			secrets = collectSecrets(credentials, config.vendor.secretFields);
			const settings = retrySettingsFrom(
				this.getNodeParameter('retry', {}) as IDataObject,
				config.vendor.retryDefaults,
			);
			const records = await collect(this, config, requestData.options as IHttpRequestOptions, settings, secrets);
			return records.map((json) => ({ json, pairedItem }));
		} catch (caught) {
			const error =
				caught instanceof NodeApiError || caught instanceof NodeOperationError
					? caught
					: new NodeOperationError(this.getNode(), redactText((caught as Error).message ?? String(caught), secrets), {
							itemIndex,
						});
			if (this.continueOnFail()) {
				return [
					{
						json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
						error,
						pairedItem,
					},
				];
			}
			throw error;
		}
	};
}
