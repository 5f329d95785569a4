/**
 * Sailthru-only helpers shared by the resource descriptions: every call's parameters are one
 * object (signed as the `json` parameter by the credential), built in a fixed key order by a
 * preSend hook; values read from parameters are checked here with errors naming the parameter.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	PreSendAction,
} from 'n8n-workflow';

import { fail, idLocator, isEmpty, isPlausibleEmail, parseJson, showFor } from '../../shared';
import { emptyRecord, hasOwn, setOwn } from '../../shared/record';

/** Reads a parameter of the current item (resource locators give their value). */
export type Read = (name: string, fallback?: unknown) => unknown;

export const reader =
	(ctx: IExecuteSingleFunctions): Read =>
	(name, fallback = '') => {
		try {
			return ctx.getNodeParameter(name, fallback as never, { extractValue: true }) as unknown;
		} catch {
			// Value extraction looks the parameter up among those shown: a hidden one has its fallback.
			return ctx.getNodeParameter(name, fallback as never) as unknown;
		}
	};

export const trimmed = (value: unknown): string =>
	isEmpty(value) ? '' : typeof value === 'string' ? value.trim() : String(value).trim();

/**
 * The preSend hook of an operation: `build` returns the call's parameters in the order they
 * go into the signed `json` (undefined values are left out); they become the request body, which
 * the credential's signing turns into `api_key`, `format`, `json` and `sig`.
 */
export function callParameters(
	build: (this: IExecuteSingleFunctions, read: Read) => IDataObject | Promise<IDataObject>,
): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const parameters = await build.call(this, reader(this));
		options.body = compact(parameters);
		return options;
	};
}

/** The object without its undefined entries (key order kept). */
export function compact(parameters: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(parameters)) if (value !== undefined) result[key] = value;
	return result;
}

/** A required text value; an input error when it is empty. */
export function required(ctx: IExecuteSingleFunctions, read: Read, name: string, label: string): string {
	const value = trimmed(read(name, ''));
	if (value === '') fail(ctx, label, 'a value is required but this item has none');
	return value;
}

/** The parameters of a call that takes one required text value, e.g. `{ send_id }`. */
export const oneRequired =
	(key: string, name: string, label: string) =>
	function (this: IExecuteSingleFunctions, read: Read): IDataObject {
		return { [key]: required(this, read, name, label) };
	};

/** An optional text value: undefined when empty. */
export const optional = (value: unknown): string | undefined => {
	const text = trimmed(value);
	return text === '' ? undefined : text;
};

/** One email address (a comma is refused: a list would make a multi-send). */
export function singleEmail(ctx: IExecuteSingleFunctions, label: string, value: string): string {
	if (value.includes(',')) {
		fail(ctx, label, 'enter one email address (a comma-separated list is a multi-send: use Send to Many)');
	}
	if (!isPlausibleEmail(value)) fail(ctx, label, `"${value}" is not a valid email address`);
	return value;
}

/** Money in cents: a whole number (a decimal point means dollars were given). */
export function cents(ctx: IExecuteSingleFunctions, label: string, value: unknown, allowNegative = false): number {
	const number = typeof value === 'number' ? value : Number(trimmed(value));
	if (trimmed(value) === '' || !Number.isFinite(number)) fail(ctx, label, `"${String(value)}" is not an amount in cents`);
	if (!Number.isInteger(number)) {
		fail(ctx, label, `${number} is not a whole number of cents (Sailthru takes money in cents: $10.99 is 1099)`);
	}
	if (!allowNegative && number < 0) fail(ctx, label, `${number} must not be negative`);
	return number;
}

/** A whole number of at least `min`. */
export function wholeNumber(ctx: IExecuteSingleFunctions, label: string, value: unknown, min = 0): number {
	const number = typeof value === 'number' ? value : Number(trimmed(value));
	if (trimmed(value) === '' || !Number.isInteger(number) || number < min) {
		fail(ctx, label, `"${String(value)}" is not a whole number of at least ${min}`);
	}
	return number;
}

/** A JSON object parameter (text or an object from an expression); undefined when empty. */
export function jsonObject(ctx: IExecuteSingleFunctions, label: string, value: unknown): IDataObject | undefined {
	if (isEmpty(value)) return undefined;
	const parsed = parseJson(ctx, label, value, true) as IDataObject;
	return Object.keys(parsed).length ? parsed : undefined;
}

/** A JSON array of objects (text or an array from an expression). */
export function jsonArray(ctx: IExecuteSingleFunctions, label: string, value: unknown): IDataObject[] {
	const parsed = parseJson(ctx, label, value);
	if (!Array.isArray(parsed) || parsed.some((entry) => entry === null || typeof entry !== 'object' || Array.isArray(entry))) {
		fail(ctx, label, 'the value must be a JSON array of objects, e.g. [{"id": "SKU-1", …}]');
	}
	return parsed as IDataObject[];
}

const NAIVE_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A Sailthru date/time: free text that Sailthru parses like PHP's strtotime ("now", "+3 hours",
 * "2025-01-02 10:00 UTC"). A date picker value (no zone) gets the workflow's time zone offset,
 * so Sailthru reads the instant meant; anything else goes as typed.
 */
export function sailthruTime(ctx: IExecuteSingleFunctions, value: unknown): string | undefined {
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return String((value as { toISO: () => string }).toISO());
	}
	if (value instanceof Date) return value.toISOString();
	const text = trimmed(value);
	if (text === '') return undefined;
	if (!NAIVE_DATE_TIME.test(text)) return text;
	const zone = ctx.getTimezone();
	const formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
	const [datePart, timePart] = text.split('T');
	const [year, month, day] = datePart.split('-').map(Number);
	const [hour, minute, second = 0] = timePart.split(':').map(Number);
	const wall = Date.UTC(year, month - 1, day, hour, minute, Math.floor(second));
	const offsetAt = (instant: number) => {
		const name = formatter.formatToParts(new Date(instant)).find((part) => part.type === 'timeZoneName')?.value ?? '';
		const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
		return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
	};
	let offset = offsetAt(wall);
	offset = offsetAt(wall - offset * 60_000);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${datePart}T${timePart.length === 5 ? `${timePart}:00` : timePart.slice(0, 8)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Name/value rows into an object; a blank or repeated name is an input error. The user names
 * the keys: a null-prototype record keeps any name (`constructor`, `__proto__`) as a plain key.
 */
export function pairsToObject(
	ctx: IExecuteSingleFunctions,
	label: string,
	rows: Array<{ name?: unknown; value?: unknown }>,
): IDataObject | undefined {
	const result = emptyRecord();
	for (const [index, row] of rows.entries()) {
		const name = trimmed(row.name);
		if (!name) fail(ctx, label, `entry ${index + 1} has no name`);
		if (hasOwn(result, name)) fail(ctx, label, `"${name}" appears twice`);
		setOwn(result, name, row.value ?? '');
	}
	return Object.keys(result).length ? result : undefined;
}

export interface KeyValueJsonSpec {
	/** Base parameter name: `<name>InputMode`, `<name>` (rows) and `<name>Json`. */
	name: string;
	displayName: string;
	/** The row name inside the fixed collection (`var`). */
	rowName?: string;
	description: string;
	jsonExample: string;
}

/** Parameters for an object given as name/value rows or as JSON (e.g. vars). */
export function keyValueJsonProperties(
	spec: KeyValueJsonSpec,
	resource: string,
	operations: string[],
): INodeProperties[] {
	const show = showFor(resource);
	const rowName = spec.rowName ?? 'var';
	return [
		{
			displayName: `${spec.displayName} Input Mode`,
			name: `${spec.name}InputMode`,
			type: 'options',
			default: 'keyValue',
			description: `How to give the ${spec.displayName.toLowerCase()}`,
			options: [
				{ name: 'Name/Value Pairs', value: 'keyValue', description: 'One row per entry; values are sent as text' },
				{
					name: 'JSON',
					value: 'json',
					description: 'A JSON object: numbers, booleans, lists and nested objects keep their types',
				},
			],
			displayOptions: show(operations),
		},
		{
			displayName: spec.displayName,
			name: spec.name,
			type: 'fixedCollection',
			placeholder: 'Add Entry',
			default: {},
			typeOptions: { multipleValues: true },
			description: spec.description,
			displayOptions: show(operations, { [`${spec.name}InputMode`]: ['keyValue'] }),
			options: [
				{
					displayName: 'Entry',
					name: rowName,
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'first_name' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'Ann' },
					],
				},
			],
		},
		{
			displayName: `${spec.displayName} (JSON)`,
			name: `${spec.name}Json`,
			type: 'json',
			default: '{}',
			description: `${spec.description}, as a JSON object, e.g. ${spec.jsonExample}`,
			displayOptions: show(operations, { [`${spec.name}InputMode`]: ['json'] }),
		},
	];
}

/** The object given through keyValueJsonProperties (undefined when empty). */
export function keyValueJson(
	ctx: IExecuteSingleFunctions,
	read: Read,
	name: string,
	label: string,
	rowName = 'var',
): IDataObject | undefined {
	if (read(`${name}InputMode`, 'keyValue') === 'json') {
		return jsonObject(ctx, `${label} (JSON)`, read(`${name}Json`, ''));
	}
	const rows = (read(`${name}.${rowName}`, []) as Array<{ name?: unknown; value?: unknown }>) ?? [];
	return pairsToObject(ctx, label, rows);
}

/** The required Start Date and End Date of a day range, as Sailthru's date text with its time zone. */
export function dateRangeProperties(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Start Date',
			name: 'start_date',
			type: 'string',
			required: true,
			default: '',
			placeholder: '2025-01-01 UTC',
			description: 'First day, with its time zone',
			displayOptions,
		},
		{
			displayName: 'End Date',
			name: 'end_date',
			type: 'string',
			required: true,
			default: '',
			placeholder: '2025-01-31 UTC',
			description: 'Last day, with its time zone',
			displayOptions,
		},
	];
}

/**
 * A resource locator for a Sailthru name (list, template) or ID (blast): pick from a list or
 * type it. Read it with `read(name)` (the value).
 */
export function nameLocator(spec: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	displayOptions: IDisplayOptions;
	typedName: string;
	placeholder: string;
	required?: boolean;
}): INodeProperties {
	return idLocator(spec);
}

/** Booleans go to Sailthru as 1/0 (as the official clients send them). */
export const flag = (value: unknown): 1 | 0 => (value === true || value === 'true' || value === 1 ? 1 : 0);
