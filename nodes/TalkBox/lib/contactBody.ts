/**
 * The contact body: the resource mapper's values converted to TalkBox's documented wire formats
 * (Data formats → Field types), plus tags, version tags and reachability flags.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	PreSendAction,
	ResourceMapperField,
} from 'n8n-workflow';

import { fail, isPlausibleEmail, list, refusePrototypeKey } from '../../shared';
import { emptyRecord, setOwn } from '../../shared/record';
import { parseMapperLabel } from './fields';

export const CONTACT_FIELDS_PARAMETER = 'contactFields';

interface MapperValue {
	mappingMode?: string;
	value?: IDataObject | null;
	schema?: ResourceMapperField[];
}

const isEmpty = (value: unknown) =>
	value === undefined ||
	value === null ||
	(typeof value === 'string' && value.trim() === '') ||
	(Array.isArray(value) && value.length === 0);

const pad = (value: number) => String(value).padStart(2, '0');

function calendarDate(year: number, month: number, day: number): string | undefined {
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
		return undefined;
	}
	return `${pad(day)}/${pad(month)}/${year}`;
}

/** A date as TalkBox's `dd/mm/yyyy`, from an ISO date (time ignored), dd/mm/yyyy or a date object. */
export function toTalkBoxDate(value: unknown): string | undefined {
	if (value !== null && typeof value === 'object' && typeof (value as { toFormat?: unknown }).toFormat === 'function') {
		const dateTime = value as { isValid?: boolean; toFormat: (format: string) => string };
		return dateTime.isValid === false ? undefined : dateTime.toFormat('dd/MM/yyyy');
	}
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		return calendarDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
	}
	const raw = String(value).trim();
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
	if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
	const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
	if (local) return calendarDate(Number(local[3]), Number(local[2]), Number(local[1]));
	return undefined;
}

const describe = (value: unknown) => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/** Option id for a choice value: an id (number or numeric text) or an option's label. */
function optionId(value: unknown, options: ResourceMapperField['options']): number | undefined {
	const raw = String(value).trim();
	if (/^\d+$/.test(raw)) {
		const id = Number(raw);
		if (!options || options.length === 0 || options.some((option) => Number(option.value) === id)) return id;
		return undefined;
	}
	const byName = options?.find((option) => option.name.toLowerCase() === raw.toLowerCase());
	return byName === undefined ? undefined : Number(byName.value);
}

/** Convert one mapped value; `problem` explains a value TalkBox would not accept. */
export function convertValue(
	fieldType: string | undefined,
	key: string,
	value: unknown,
	options?: ResourceMapperField['options'],
): { value?: unknown; problem?: string } {
	const optionNames = () =>
		options && options.length ? ` (options: ${options.map((o) => `${o.name} = ${String(o.value)}`).join(', ')})` : '';
	switch (fieldType) {
		case 'Date': {
			const date = toTalkBoxDate(value);
			return date
				? { value: date }
				: { problem: `${describe(value)} is not a valid date; use an ISO date (2024-03-05) or dd/mm/yyyy` };
		}
		case 'Boolean': {
			const raw = String(value).trim().toLowerCase();
			if (['true', '1', 'yes'].includes(raw)) return { value: 'true' };
			if (['false', '0', 'no'].includes(raw)) return { value: 'false' };
			return { problem: `${describe(value)} is not true or false` };
		}
		case 'Number': {
			const number = typeof value === 'number' ? value : Number(String(value).trim());
			if (String(value).trim() === '' || !Number.isInteger(number)) {
				return { problem: `${describe(value)} is not a whole number` };
			}
			return { value: number };
		}
		case 'Float':
		case 'Currency': {
			const number = typeof value === 'number' ? value : Number(String(value).trim());
			if (typeof value === 'boolean' || String(value).trim() === '' || !Number.isFinite(number)) {
				return { problem: `${describe(value)} is not a number` };
			}
			if (fieldType === 'Currency' && Math.abs(number * 100 - Math.round(number * 100)) > 1e-6) {
				return { problem: `${describe(value)} has more than 2 decimal places (Currency is of the form 123.45)` };
			}
			return { value: number };
		}
		case 'SingleChoice': {
			const id = Array.isArray(value) || isEmpty(value) ? undefined : optionId(value, options);
			return id === undefined ? { problem: `${describe(value)} is not one of the field's options${optionNames()}` } : { value: id };
		}
		case 'MultipleChoice': {
			const ids: number[] = [];
			// n8n hands a list from an expression to a text field as JSON text: `[9,10]`.
			let entries: unknown[] = Array.isArray(value) ? value : list(value);
			if (typeof value === 'string' && /^\s*\[[\s\S]*\]\s*$/.test(value)) {
				try {
					const parsed = JSON.parse(value) as unknown;
					if (Array.isArray(parsed)) entries = parsed;
				} catch {
					// not JSON: the comma-separated names or IDs
				}
			}
			for (const entry of entries) {
				const id = optionId(entry, options);
				if (id === undefined) {
					return { problem: `${describe(entry)} is not one of the field's options${optionNames()}` };
				}
				if (!ids.includes(id)) ids.push(id);
			}
			return { value: ids };
		}
		case 'MobileNumber': {
			const compact = String(value).replace(/[\s()-]/g, '');
			return /^\+?\d{8,15}$/.test(compact)
				? { value: compact }
				: { problem: `${describe(value)} is not a mobile number in full international format (e.g. 61412345678)` };
		}
		case 'Text': {
			if (typeof value === 'object') return { problem: `${describe(value)} is not text` };
			const textValue = String(value).trim();
			if (key === 'email' && !isPlausibleEmail(textValue)) {
				return { problem: `${describe(value)} is not a valid email address` };
			}
			return { value: textValue };
		}
		default:
			return { value };
	}
}

/** The mapped contact attributes of this item, converted; an input error names field and item. */
export function contactAttributes(ctx: IExecuteSingleFunctions): IDataObject {
	const mapper = (ctx.getNodeParameter(CONTACT_FIELDS_PARAMETER, {}) as MapperValue) ?? {};
	const schema = Array.isArray(mapper.schema) ? mapper.schema : [];
	let values: IDataObject;
	if (mapper.mappingMode === 'autoMapInputData') {
		const input = ctx.getInputData()?.json ?? {};
		const known = new Set(schema.filter((field) => !field.removed).map((field) => field.id));
		values = Object.fromEntries(Object.entries(input).filter(([key]) => known.size === 0 || known.has(key)));
	} else {
		values = mapper.value ?? {};
	}
	// Keys are the mapper's field IDs or, mapped automatically, the input item's own keys (whatever
	// sent that item chose them): a null-prototype record, and no name a request cannot carry.
	const attributes = emptyRecord();
	for (const [key, value] of Object.entries(values)) {
		if (isEmpty(value)) continue;
		const entry = schema.find((field) => field.id === key);
		const { fieldType, name } = parseMapperLabel(entry?.displayName);
		refusePrototypeKey(ctx, `Contact Fields → ${name ?? key} (${key})`, key);
		const result = convertValue(fieldType, key, value, entry?.options);
		if (result.problem !== undefined) {
			fail(ctx, `Contact Fields → ${name ?? key} (${key})`, result.problem);
		}
		setOwn(attributes, key, result.value);
	}
	return attributes;
}

export interface ContactBodyOptions {
	/** create / upsert: TalkBox needs an email, a mobile number or (mirror accounts) an external identifier. */
	requireIdentity?: boolean;
	/** update: at least one change. */
	requireChange?: boolean;
}

/** The preSend hook that builds the contact body from the mapper and the Options collection. */
export function contactBody(spec: ContactBodyOptions): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body: IDataObject = { ...((options.body as IDataObject | undefined) ?? {}), ...contactAttributes(this) };
		const extra = (this.getNodeParameter('contactOptions', {}) as IDataObject) ?? {};
		if (!isEmpty(extra.tagString)) body.tag_string = list(extra.tagString).join(',');
		if (!isEmpty(extra.tagIds)) {
			const ids = list(extra.tagIds);
			for (const id of ids) if (!/^\d+$/.test(id)) fail(this, 'Options → Tag Names or IDs', `"${id}" is not a numeric tag ID`);
			body.tag_ids = ids.join(',');
		}
		if (!isEmpty(extra.versionTags)) body.version_tags = list(extra.versionTags);
		for (const [parameter, key] of [
			['unreachableEmail', 'unreachable_email'],
			['unreachableMobile', 'unreachable_mobile'],
		]) {
			if (typeof extra[parameter] === 'boolean') body[key] = extra[parameter];
		}
		if (spec.requireIdentity && isEmpty(body.email) && isEmpty(body.mobile_number) && isEmpty(body.external_identifier)) {
			fail(
				this,
				'Contact Fields',
				'set Email or Mobile Number (or External Identifier in a mirror-mode account): TalkBox needs one to save a contact',
			);
		}
		if (spec.requireChange && Object.keys(body).length === 0) {
			fail(this, 'Contact Fields', 'map at least one field or set an option to change');
		}
		options.body = body;
		return options;
	};
}
