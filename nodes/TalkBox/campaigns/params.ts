/**
 * Small building blocks shared by the campaign resources: reading parameters in preSend hooks,
 * input errors, IDs in paths, ISO-8601 query filters.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
} from 'n8n-workflow';

import { inputError, isPlausibleEmail } from '../../shared';

/** Display options for some operations of one resource. */
export const showFor =
	(resource: string) =>
	(operations: string[], extra: IDataObject = {}): IDisplayOptions => ({
		show: { resource: [resource], operation: operations, ...extra } as IDisplayOptions['show'],
	});

export function fail(ctx: IExecuteSingleFunctions, label: string, problem: string): never {
	throw inputError(ctx.getNode(), ctx.getItemIndex(), label, problem);
}

/** A string parameter, trimmed ('' when unset). Numbers from expressions become strings. */
export function text(ctx: IExecuteSingleFunctions, name: string): string {
	const value = ctx.getNodeParameter(name, '', { extractValue: true }) as unknown;
	if (value === undefined || value === null) return '';
	return String(value).trim();
}

/** A comma-separated list (string or array from an expression), blanks dropped. */
export function list(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
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

/** Comma-separated email addresses, each checked, joined back without spaces. */
export function emailList(ctx: IExecuteSingleFunctions, label: string, value: unknown): string {
	const emails = list(value);
	if (emails.length === 0) fail(ctx, label, 'enter at least one email address');
	for (const email of emails) {
		if (!isPlausibleEmail(email)) fail(ctx, label, `"${email}" is not a valid email address`);
	}
	return emails.join(',');
}

/**
 * A preSend hook that puts a (required) ID into the URL: `/offers` + `/123` + suffix. Reads the
 * parameter with extractValue, so resource locators in every mode and expressions work; the ID
 * is URL-encoded (voucher string IDs contain `=`, promotion system names may contain anything).
 */
export function idInPath(parameter: string, label: string, base: string, suffix = ''): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const id = text(this, parameter);
		if (id === '') fail(this, label, 'a value is required but this item has none');
		options.url = `${base}/${encodeURIComponent(id)}${suffix}`;
		return options;
	};
}

const NAIVE_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/** The UTC offset of a time zone at an instant, in minutes (e.g. 660 for Sydney in summer). */
function zoneOffsetMinutes(timeZone: string, instant: number): number {
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
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * n8n's date picker gives a wall-clock time without a zone ("2025-01-31T09:00:00"), meant in the
 * workflow's time zone: add that zone's offset so TalkBox reads the instant the user meant.
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
 * A date/time parameter as an ISO-8601 string with its offset ('' when unset): a value without a
 * zone is taken in the workflow's time zone. Anything that is no date is an input error.
 */
export function isoDate(ctx: IExecuteSingleFunctions, name: string, label: string): string {
	return isoDateValue(ctx, ctx.getNodeParameter(name, ''), label);
}

/** A date/time value (string, Luxon DateTime or Date) as ISO-8601; see isoDate. */
export function isoDateValue(ctx: IExecuteSingleFunctions, value: unknown, label: string): string {
	if (value === undefined || value === null || value === '') return '';
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	if (value instanceof Date) return value.toISOString();
	const raw = String(value).trim();
	if (raw === '') return '';
	if (NAIVE_DATE_TIME.test(raw)) return withZone(raw, ctx.getTimezone());
	if (ISO_WITH_ZONE.test(raw)) return raw;
	const parsed = Date.parse(raw);
	if (Number.isNaN(parsed)) fail(ctx, label, `"${raw}" is not a date and time`);
	return new Date(parsed).toISOString();
}

/**
 * A date/time value as a wall-clock `yyyy-mm-dd hh:mm` (TalkBox's send_time). A value without a
 * zone is kept as typed; one with a zone (or a Luxon DateTime) is shown in the workflow's zone.
 */
export function wallClock(ctx: IExecuteSingleFunctions, value: unknown, label: string): string {
	const timeZone = ctx.getTimezone();
	let instant: number;
	if (value !== null && typeof value === 'object' && typeof (value as { toFormat?: unknown }).toFormat === 'function') {
		const zoned = value as { setZone: (zone: string) => { toFormat: (format: string) => string } };
		return zoned.setZone(timeZone).toFormat('yyyy-MM-dd HH:mm');
	}
	const raw = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (raw === '') fail(ctx, label, 'a date and time is required');
	const naive = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(raw);
	if (naive) return `${naive[1]} ${naive[2]}`;
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw) || Number.isNaN((instant = Date.parse(raw)))) {
		fail(ctx, label, `"${raw}" is not a date and time (expected e.g. 2025-12-11T12:34)`);
	}
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
	}).formatToParts(new Date(instant));
	const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Date/time parameters sent as ISO-8601 query parameters when set. */
export function isoDateQuery(fields: Array<{ parameter: string; key: string; label: string }>): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		for (const field of fields) {
			const value = isoDate(this, field.parameter, field.label);
			if (value !== '') options.qs = { ...(options.qs ?? {}), [field.key]: value };
		}
		return options;
	};
}

/** The parameter must be valid JSON text; returned as the text to send (a JSON string field). */
export function jsonText(ctx: IExecuteSingleFunctions, value: unknown, label: string): string {
	if (value !== null && typeof value === 'object') return JSON.stringify(value);
	const raw = String(value ?? '').trim();
	if (raw === '') fail(ctx, label, 'a value is required but this item has none');
	try {
		JSON.parse(raw);
	} catch (error) {
		fail(ctx, label, `the value is not valid JSON (${(error as Error).message})`);
	}
	return raw;
}
