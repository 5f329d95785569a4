/**
 * Building blocks of the audience resources (account, field, contact, tag, subscription,
 * unsubscription, survey, editor): parameters read in preSend hooks, IDs in paths, ISO-8601
 * filters, and `operation()`, the shared operation builder plus an optional output reshaping.
 */
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IDisplayOptions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { inputError, isPlausibleEmail, operationFactory, talkBox, type OperationSpec } from '../../shared';

const sharedOperation = operationFactory(talkBox);

/** Display options for some operations of one resource. */
export const showFor =
	(resource: string) =>
	(operations: string[], extra: IDataObject = {}): IDisplayOptions => ({
		show: { resource: [resource], operation: operations, ...extra } as IDisplayOptions['show'],
	});

/** Throw the input error for this item (nothing is sent for it). */
export function fail(ctx: IExecuteSingleFunctions, label: string, problem: string): never {
	throw inputError(ctx.getNode(), ctx.getItemIndex(), label, problem);
}

const isEmpty = (value: unknown) =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A parameter as trimmed text ('' when unset); resource locators give their value. */
export function text(ctx: IExecuteSingleFunctions, name: string): string {
	const value = ctx.getNodeParameter(name, '', { extractValue: true }) as unknown;
	return isEmpty(value) ? '' : String(value).trim();
}

/** A comma-separated list (a string, or an array from an expression), blanks dropped. */
export function list(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map((part) => String(part)) : String(value ?? '').split(',');
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

export interface PathId {
	parameter: string;
	label: string;
	/** TalkBox's numeric IDs (contacts, tags): anything else is an input error, not a 404. */
	numeric?: boolean;
}

/**
 * A preSend hook that builds the URL from required IDs: `path` has `{0}`, `{1}` … placeholders
 * filled, URL-encoded, from the parameters (resource locators in every mode and expressions).
 */
export function idPath(path: string, ids: PathId[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		let url = path;
		ids.forEach((id, index) => {
			const value = text(this, id.parameter);
			if (value === '') fail(this, id.label, 'a value is required but this item has none');
			if (id.numeric && !/^\d+$/.test(value)) fail(this, id.label, `"${value}" is not a numeric ID`);
			url = url.replace(`{${index}}`, encodeURIComponent(value));
		});
		options.url = url;
		return options;
	};
}

/** A date/time value as ISO-8601 ('' when unset); an input error when it is not a date. */
export function isoDateTime(ctx: IExecuteSingleFunctions, value: unknown, label: string): string {
	if (isEmpty(value)) return '';
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) fail(ctx, label, 'the value is not a valid date');
		return value.toISOString();
	}
	const raw = String(value).trim();
	const isoPattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
	if (isoPattern.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
	fail(ctx, label, `"${raw}" is not an ISO-8601 date and time (e.g. 2024-05-01T09:30:00Z)`);
}

/** Date/time parameters inside a collection, sent as ISO-8601 query parameters when set. */
export function isoQuery(
	collection: string,
	fields: Array<{ name: string; key: string; label: string }>,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const values = (this.getNodeParameter(collection, {}) as IDataObject) ?? {};
		for (const field of fields) {
			const value = isoDateTime(this, values[field.name], field.label);
			if (value !== '') options.qs = { ...(options.qs ?? {}), [field.key]: value };
		}
		return options;
	};
}

/** The JSON body must not be empty (an update that changes nothing is an input error). */
export function requireBody(label: string, problem: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body = options.body as IDataObject | undefined;
		if (!body || typeof body !== 'object' || Object.keys(body).length === 0) fail(this, label, problem);
		return options;
	};
}

/** A body value, when set, must look like an email address. */
export function bodyEmail(key: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const value = (options.body as IDataObject | undefined)?.[key];
		if (!isEmpty(value) && !isPlausibleEmail(String(value))) {
			fail(this, label, `"${String(value)}" is not a valid email address`);
		}
		return options;
	};
}

type Executor = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

export interface AudienceOperationSpec extends OperationSpec {
	/** Reshape the records the shared executor produced (error items are left alone). */
	transform?: (this: IExecutePaginationFunctions, records: IDataObject[]) => IDataObject[];
	/**
	 * TalkBox answers this call with a bare text body (editor session key): a 2xx text answer
	 * becomes `{ [textBody]: text }` before the shared executor reads it.
	 */
	textBody?: string;
}

/** Let the executor see a 2xx plain-text answer as `{ [key]: text }`. */
function withTextBody(ctx: IExecutePaginationFunctions, key: string): IExecutePaginationFunctions {
	const original = ctx.helpers.httpRequestWithAuthentication;
	const httpRequestWithAuthentication = async function (this: unknown, ...args: unknown[]) {
		const full = (await (original as (...a: unknown[]) => Promise<unknown>).apply(this, args)) as IN8nHttpFullResponse;
		const ok = full && full.statusCode >= 200 && full.statusCode < 300;
		let body: unknown = full?.body;
		if (ok && Buffer.isBuffer(body)) body = body.toString('utf8');
		if (ok && typeof body === 'string' && body.trim() !== '') {
			let value = body.trim();
			if (value.startsWith('"')) {
				try {
					const parsed = JSON.parse(value) as unknown;
					if (typeof parsed === 'string') value = parsed;
				} catch {
					// not a JSON string: keep the text as it is
				}
			}
			return { ...full, body: { [key]: value } };
		}
		return full;
	};
	const helpers = Object.create(ctx.helpers, {
		httpRequestWithAuthentication: { value: httpRequestWithAuthentication },
	}) as IExecutePaginationFunctions['helpers'];
	return Object.create(ctx, { helpers: { value: helpers } }) as IExecutePaginationFunctions;
}

/** The shared operation builder (executor, retries, errors), plus optional output reshaping. */
export function operation(spec: AudienceOperationSpec): INodePropertyOptions {
	const { transform, textBody, ...shared } = spec;
	const option = sharedOperation(shared);
	if (!transform && !textBody) return option;
	const operations = option.routing!.operations!;
	const inner = operations.pagination as unknown as Executor;
	const wrapped: Executor = async function (requestData) {
		const ctx = textBody ? withTextBody(this, textBody) : this;
		const items = await inner.call(ctx, requestData);
		if (!transform || items.some((item) => item.error)) return items;
		const pairedItem = { item: this.getItemIndex() };
		return transform.call(this, items.map((item) => item.json)).map((json) => ({ json, pairedItem }));
	};
	operations.pagination = wrapped as unknown as typeof operations.pagination;
	return option;
}

/** Return All / Limit applied to records that a transform produced. */
export function applyLimit(ctx: IExecutePaginationFunctions, records: IDataObject[]): IDataObject[] {
	if (ctx.getNodeParameter('returnAll', true) as boolean) return records;
	return records.slice(0, Math.max(0, ctx.getNodeParameter('limit', 50) as number));
}
