/**
 * Reading and checking parameter values inside preSend hooks, for every vendor. An error here
 * is an input error naming the parameter and the item (deferred by the executor: nothing is sent).
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';

import { inputError } from './errors';
import { isObject, isPlainContainer, isPrototypeKey } from './record';

/** Display options for some operations of one resource: `showFor('tag')(['get'])`. */
export const showFor =
	(resource: string) =>
	(operations: string[], extra: IDataObject = {}): IDisplayOptions => ({
		show: { resource: [resource], operation: operations, ...extra } as IDisplayOptions['show'],
	});

/** A JSON object (not null, not a list). */
export { isObject };

export const isEmpty = (value: unknown): boolean =>
	value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Throw the input error for this item (nothing is sent for it). */
export function fail(ctx: IExecuteSingleFunctions, label: string, problem: string): never {
	throw inputError(ctx.getNode(), ctx.getItemIndex(), label, problem);
}

/** Whether a value is a date the date helpers understand (Date, Luxon DateTime). */
const isDateLike = (value: object): boolean =>
	value instanceof Date || typeof (value as { toISO?: unknown }).toISO === 'function';

/**
 * One scalar value as trimmed text ('' when unset). An object or a list (an expression that
 * returned `$json` instead of `$json.id`, say) is an input error naming the parameter: it would
 * otherwise reach the vendor as "[object Object]" or a joined string.
 */
export function scalarText(ctx: IExecuteSingleFunctions, label: string, value: unknown): string {
	if (isEmpty(value)) return '';
	if (typeof value === 'object' && !isDateLike(value as object)) {
		fail(ctx, label, `expected a single value but got ${Array.isArray(value) ? 'a list' : 'an object'} (check the expression)`);
	}
	return String(value).trim();
}

/** A parameter as trimmed text ('' when unset); resource locators give their value. */
export function text(ctx: IExecuteSingleFunctions, name: string, label = name): string {
	let value: unknown;
	try {
		value = ctx.getNodeParameter(name, '', { extractValue: true });
	} catch {
		// n8n cannot extract the value of a parameter that is not shown for this operation.
		value = ctx.getNodeParameter(name, '');
	}
	return scalarText(ctx, label, value);
}

/**
 * An identifier placed in a URL path segment: URL-encoded, and never `.` or `..` (a URL
 * normaliser would collapse those segments and send the request to another route).
 */
export function pathSegment(ctx: IExecuteSingleFunctions, label: string, value: string): string {
	if (value === '.' || value === '..') {
		fail(ctx, label, `"${value}" is not a valid identifier (it would leave its place in the URL path)`);
	}
	try {
		return encodeURIComponent(value);
	} catch {
		// A lone UTF-16 surrogate (half of an emoji, cut by an expression) has no UTF-8 form.
		return fail(ctx, label, 'holds half of a character (a lone UTF-16 surrogate), which no URL can carry; check the expression');
	}
}

/**
 * n8n's HTTP client (axios) leaves the keys `__proto__`, `constructor` and `prototype` out of a
 * request's JSON body and query string, at every level: a name the user chose that is one of
 * them would vanish without a word, so it is an input error instead.
 */
const unsendableName = (key: string) =>
	`"${key}" cannot be sent as a name: n8n's HTTP client leaves __proto__, constructor and prototype out of requests`;

/** A key the user named (a custom field, a property): refused when n8n's HTTP client would drop it. */
export function refusePrototypeKey(ctx: IExecuteSingleFunctions, label: string, key: string): void {
	if (isPrototypeKey(key)) fail(ctx, label, unsendableName(key));
}

/**
 * The input error for the first key, at any depth of a request's body or query (a JSON value
 * from an expression included), that n8n's HTTP client would leave out; walked without
 * recursion, plain objects and arrays only (never a file's bytes). Undefined when there is none.
 */
export function unsendableKeyError(ctx: IExecuteSingleFunctions, options: IHttpRequestOptions): Error | undefined {
	for (const [where, root] of [['Request body', options.body], ['Query', options.qs]] as const) {
		const stack: Array<[unknown, string]> = [[root, where]];
		while (stack.length > 0) {
			const [current, path] = stack.pop()!;
			if (!isPlainContainer(current)) continue;
			for (const [key, child] of Object.entries(current)) {
				if (!Array.isArray(current) && isPrototypeKey(key)) {
					return inputError(ctx.getNode(), ctx.getItemIndex(), `${path} → ${key}`, unsendableName(key));
				}
				stack.push([child, Array.isArray(current) ? `${path}[${key}]` : `${path} → ${key}`]);
			}
		}
	}
	return undefined;
}

/** A comma-separated list (a string, or an array from an expression), blanks dropped. */
export function list(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.map((part) => (part !== null && typeof part === 'object' ? JSON.stringify(part) : String(part)))
		: String(value ?? '').split(',');
	return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** A positive whole-number ID given as text; an input error otherwise. */
export function integerId(ctx: IExecuteSingleFunctions, label: string, value: string): number {
	if (!/^\d+$/.test(value) || Number(value) < 1) fail(ctx, label, `"${value}" is not a numeric ID`);
	return Number(value);
}

/** Comma-separated whole-number IDs, joined back without spaces ("12,34"). */
export function idList(ctx: IExecuteSingleFunctions, label: string, value: unknown): string {
	const ids = list(value);
	if (ids.length === 0) fail(ctx, label, 'enter at least one ID');
	for (const id of ids) integerId(ctx, label, id);
	return ids.join(',');
}

/** Loose but useful: one @, no spaces, a dot in the domain. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isPlausibleEmail = (value: string): boolean => EMAIL.test(value.trim());

/** Comma-separated email addresses, each checked, joined back without spaces. */
export function emailList(ctx: IExecuteSingleFunctions, label: string, value: unknown): string {
	const emails = list(value);
	if (emails.length === 0) fail(ctx, label, 'enter at least one email address');
	for (const email of emails) {
		if (!isPlausibleEmail(email)) fail(ctx, label, `"${email}" is not a valid email address`);
	}
	return emails.join(',');
}

/** Separators people type inside phone numbers (dropped before the check). */
const PHONE_SEPARATORS = /[\s\-().]/g;
/**
 * International (E.164) format: the country code and number, 7 to 15 digits, which may begin
 * with a plus sign (PersonaClick's docs: an international number "may begin with +").
 */
const INTERNATIONAL_PHONE = /^\+?[1-9]\d{6,14}$/;

/** The phone without separators (a leading + kept as given) when it is in international format, else undefined. */
export function internationalPhone(value: string): string | undefined {
	const compact = value.trim().replace(PHONE_SEPARATORS, '');
	return INTERNATIONAL_PHONE.test(compact) ? compact : undefined;
}

/**
 * JSON given as text (or already an object from an expression): parsed, or an input error.
 * With `objectOnly`, anything but a JSON object is an input error too.
 */
export function parseJson(ctx: IExecuteSingleFunctions, label: string, value: unknown, objectOnly = false): unknown {
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			fail(ctx, label, `the value is not valid JSON (${(error as Error).message})`);
		}
	}
	if (objectOnly && (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))) {
		fail(ctx, label, 'the value must be a JSON object');
	}
	return parsed;
}

/** JSON sent as a string field: checked to parse, returned as text (objects are stringified). */
export function jsonText(ctx: IExecuteSingleFunctions, value: unknown, label: string): string {
	if (value !== null && typeof value === 'object') return JSON.stringify(value);
	const raw = String(value ?? '').trim();
	if (raw === '') fail(ctx, label, 'a value is required but this item has none');
	parseJson(ctx, label, raw);
	return raw;
}

export interface PathId {
	parameter: string;
	label: string;
	/** Numeric IDs only: anything else is an input error, not a 404. */
	numeric?: boolean;
}

/**
 * A preSend hook that builds the URL from required IDs: `path` has `{0}`, `{1}` … placeholders
 * filled, URL-encoded, from the parameters (resource locators in every mode, and expressions).
 */
export function idPath(path: string, ids: PathId[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		let url = path;
		ids.forEach((id, index) => {
			const value = text(this, id.parameter, id.label);
			if (value === '') fail(this, id.label, 'a value is required but this item has none');
			if (id.numeric) integerId(this, id.label, value);
			url = url.replace(`{${index}}`, pathSegment(this, id.label, value));
		});
		options.url = url;
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

const NAIVE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** The wall-clock date and time of an instant in a time zone, as text: year, month, day, hour, minute, second. */
export function clockParts(timeZone: string, instant: number): (type: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second') => string {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	return (type) => parts.find((part) => part.type === type)?.value ?? '';
}

/** The UTC offset of a time zone at an instant, in minutes (e.g. 660 for Sydney in summer). */
function zoneOffsetMinutes(timeZone: string, instant: number): number {
	const part = clockParts(timeZone, instant);
	const get = (type: Parameters<typeof part>[0]) => Number(part(type));
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * n8n's date picker gives a wall-clock time without a zone ("2025-01-31T09:00:00"), meant in the
 * workflow's time zone: add that zone's offset so the vendor reads the instant the user meant.
 */
function withZone(naive: string, timeZone: string): string {
	const match = NAIVE_DATE_TIME.exec(naive);
	if (!match) return naive;
	const [, year, month, day, hour, minute, second = '00'] = match;
	const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
	let offset: number;
	try {
		offset = zoneOffsetMinutes(timeZone, wall);
		offset = zoneOffsetMinutes(timeZone, wall - offset * 60_000);
	} catch {
		return naive;
	}
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	const pad = (value: number) => String(value).padStart(2, '0');
	return `${year}-${month}-${day}T${hour}:${minute}:${second}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * A date/time value (picker string, ISO string, Luxon DateTime or Date) as ISO-8601 with its
 * offset ('' when unset): a value without a zone is taken in the workflow's time zone. Anything
 * that is no date is an input error.
 */
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
	if (NAIVE_DATE_TIME.test(raw)) return withZone(raw, ctx.getTimezone());
	if (ISO_WITH_ZONE.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
	const parsed = Date.parse(raw);
	if (Number.isNaN(parsed)) fail(ctx, label, `"${raw}" is not a date and time (e.g. 2024-05-01T09:30:00Z)`);
	return new Date(parsed).toISOString();
}

/**
 * Date/time parameters sent as ISO-8601 query parameters when set. `parameter` may be a path
 * into a collection (`filters.createdAfter`).
 */
export function isoDateQuery(fields: Array<{ parameter: string; key: string; label: string }>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		for (const field of fields) {
			const value = isoDateTime(this, this.getNodeParameter(field.parameter, ''), field.label);
			if (value !== '') options.qs = { ...(options.qs ?? {}), [field.key]: value };
		}
		return options;
	};
}
