/**
 * What every Talkable resource shares: the operation builder bound to Talkable's profile, the
 * output shapes (`result` unwrapped, `{success:true}` for a bare `{ok:true}`), person/email
 * path parameters, and readers for dates, lists and key/value pairs.
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeProperties,
	INodeType,
} from 'n8n-workflow';

import { fail, isEmpty, isoDateTime, list, refusePrototypeKey, type OutputSpec } from '../../shared';
import { emptyRecord, setOwn } from '../../shared/record';

/** The example in Visitor UUID fields (Talkable's visitor UUIDs are UUIDs). */
export const VISITOR_UUID_EXAMPLE = '123e4567-e89b-32d1-a456-426614174000';

export type TalkableMethods = NonNullable<INodeType['methods']>;

/** `{ ok: true }` without `result`: what Talkable answers when there is nothing to return. */
const isBareOk = (record: IDataObject) => record.ok === true && !('result' in record) && !('error_message' in record);

/**
 * One record: the unwrapped `result` (or `result[key]`, with `extraKeys` of `result` added to
 * it); a 2xx without `result` becomes `{ success: true }`.
 */
export function single(key?: string, extraKeys: string[] = []): OutputSpec {
	return {
		transform(records) {
			return records.map((record) => {
				if (isBareOk(record)) return { success: true };
				if (!key) return record;
				const inner = record[key];
				if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return record;
				const extra: IDataObject = {};
				for (const name of extraKeys) if (record[name] !== undefined) extra[name] = record[name];
				return { ...(inner as IDataObject), ...extra };
			});
		},
	};
}

/** A list: one item per record at `path` (Return All / Limit apply). */
export const many = (path?: string): OutputSpec => ({ path, split: true });

/** Options for a fixed list of API values, labelled as written. */
export const valueOptions = (values: readonly string[], label: (value: string) => string = (v) => v) =>
	values.map((value) => ({ name: label(value), value }));

/** "facebook" → "Facebook", "manual_adjustment" → "Manual Adjustment". */
export const titleCase = (value: string) =>
	value
		.split(/[_\s]+/)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');

/** A parameter read inside a preSend hook; `undefined` when unset or blank. */
export function optional(ctx: IExecuteSingleFunctions, name: string): unknown {
	const value = ctx.getNodeParameter(name, undefined) as unknown;
	return isEmpty(value) ? undefined : value;
}

/** A date (picker or text) as `YYYY-MM-DD`, the form Talkable's date-only fields want. */
export function isoDate(ctx: IExecuteSingleFunctions, value: unknown, label: string): string {
	if (isEmpty(value)) return '';
	if (typeof value === 'object' && value !== null && typeof (value as { toISODate?: unknown }).toISODate === 'function') {
		return String((value as { toISODate: () => string }).toISODate());
	}
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	const raw = String(value).trim();
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(raw);
	if (match) return `${match[1]}-${match[2]}-${match[3]}`;
	const parsed = Date.parse(raw);
	if (Number.isNaN(parsed)) fail(ctx, label, `"${raw}" is not a date (e.g. 2024-05-01)`);
	return isoDateTime(ctx, new Date(parsed), label).slice(0, 10);
}

/** A comma/newline-separated list (or an array from an expression) as an array of strings. */
export const textList = (value: unknown): string[] =>
	Array.isArray(value) ? list(value) : list(String(value ?? '').replace(/\n/g, ','));

/**
 * `{ property: [{ name, value }] }` from a fixedCollection as one object (empty name: input error).
 * The user names the keys: they go into a null-prototype record, and the three names a request
 * cannot carry are refused (see refusePrototypeKey).
 */
export function pairs(ctx: IExecuteSingleFunctions, value: unknown, label: string): IDataObject | undefined {
	const entries = ((value as { property?: Array<{ name?: string; value?: unknown }> } | undefined)?.property ?? []);
	if (!Array.isArray(entries) || entries.length === 0) return undefined;
	const result = emptyRecord();
	for (const [index, entry] of entries.entries()) {
		if (isEmpty(entry.name)) fail(ctx, label, `entry ${index + 1} has no name`);
		const name = String(entry.name).trim();
		refusePrototypeKey(ctx, label, name);
		setOwn(result, name, entry.value ?? '');
	}
	return result;
}

/** A name/value fixedCollection (custom properties). */
export function propertyPairs(spec: {
	name: string;
	displayName: string;
	description: string;
	displayOptions?: IDisplayOptions;
	placeholder?: [string, string];
}): INodeProperties {
	const [namePlaceholder, valuePlaceholder] = spec.placeholder ?? ['price_plan', 'platinum'];
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'fixedCollection',
		placeholder: 'Add Property',
		default: {},
		typeOptions: { multipleValues: true },
		description: spec.description,
		...(spec.displayOptions ? { displayOptions: spec.displayOptions } : {}),
		options: [
			{
				displayName: 'Property',
				name: 'property',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: namePlaceholder },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: valuePlaceholder },
				],
			},
		],
	};
}

/** Put `value` at `key` of `target` unless it is empty. */
export function put(target: IDataObject, key: string, value: unknown): void {
	if (isEmpty(value)) return;
	if (Array.isArray(value) && value.length === 0) return;
	target[key] = value as IDataObject[string];
}
