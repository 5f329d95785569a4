/**
 * Parameters and checks shared by PersonaClick's CDP resources (profile, event, segment, order).
 */
import type {
	IDataObject,
	IDisplayOptions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { fail, isEmpty, isoDateTime, parseJson, refusePrototypeKey } from '../../shared';
import { hasOwn, setOwn } from '../../shared/record';
import { checkedIdentifier, datePart, type IdentifierKey } from './checks';

export const ALL_IDENTIFIERS: readonly IdentifierKey[] = ['email', 'phone', 'external_id', 'loyalty_id', 'telegram_id'];
export const CONTACT_IDENTIFIERS: readonly IdentifierKey[] = ['email', 'phone'];

const IDENTIFIER_OPTIONS: Record<IdentifierKey, INodePropertyOptions> = {
	email: { name: 'Email', value: 'email' },
	external_id: { name: 'External ID', value: 'external_id', description: 'Your store’s own ID of the user' },
	loyalty_id: { name: 'Loyalty ID', value: 'loyalty_id', description: 'The loyalty program ID (loyalty card)' },
	phone: { name: 'Phone', value: 'phone', description: 'In international format, e.g. +15550100000' },
	telegram_id: { name: 'Telegram ID', value: 'telegram_id' },
};

/**
 * Identify By + Identifier: one contact identifier of the allowed kinds (read by
 * `identifierFrom` in checks.ts, which checks it and sends it under its own key).
 */
export function identifierProperties(
	displayOptions: IDisplayOptions,
	allowed: readonly IdentifierKey[],
	what = 'the contact',
): INodeProperties[] {
	const options = Object.values(IDENTIFIER_OPTIONS).filter((option) => allowed.includes(option.value as IdentifierKey));
	return [
		{
			displayName: 'Identify By',
			name: 'identifierType',
			type: 'options',
			options,
			default: 'email',
			description: `Which identifier finds ${what}; exactly one is sent`,
			displayOptions,
		},
		{
			displayName: 'Identifier',
			name: 'identifier',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. customer@example.com',
			description:
				'The email, phone or ID chosen in Identify By. Phones are in international format: the country code and the number, optionally after a plus sign (spaces, dashes and brackets are removed).',
			displayOptions,
		},
	];
}

/** PersonaClick's `{"status":"success"}` becomes `{"success":true}` (other keys are kept). */
export function successOutput(records: IDataObject[]): IDataObject[] {
	return records.map((record) => {
		if (record.status !== 'success') return record;
		const rest = { ...record };
		delete rest.status;
		return { success: true, ...rest };
	});
}

/** Keys of PersonaClick's custom properties and extra event fields. */
export const CUSTOM_KEY = /^[a-z0-9_]+$/;

/** Keys a user-named field may never take (the credential, device context). */
const RESERVED_KEYS = new Set(['shop_id', 'shop_secret', 'did', 'sid', 'seance']);

const bodyOf = (options: IHttpRequestOptions): IDataObject => {
	if (!options.body || typeof options.body !== 'object' || Array.isArray(options.body)) options.body = {};
	return options.body as IDataObject;
};

/**
 * Name/value pairs (a fixedCollection, e.g. `customProperties.property`) and/or a JSON object
 * parameter, sent as top-level body keys. Keys must be `[a-z0-9_]+`, may not be reserved, and may
 * not repeat a key another field already sends.
 */
export function namedFieldsToBody(spec: {
	pairs: string;
	pairsLabel: string;
	json?: string;
	jsonLabel?: string;
}): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const body = bodyOf(options);
		const added = new Set<string>();
		const put = (key: string, value: unknown, label: string) => {
			if (!CUSTOM_KEY.test(key)) {
				fail(this, label, `"${key}" is not a valid name: use lowercase letters, digits and _ only`);
			}
			if (RESERVED_KEYS.has(key)) fail(this, label, `"${key}" is reserved and cannot be set here`);
			// `__proto__`, `constructor` and `prototype` match CUSTOM_KEY too; only the body's own keys count.
			refusePrototypeKey(this, label, key);
			if (hasOwn(body, key)) {
				fail(
					this,
					label,
					added.has(key) ? `"${key}" is given twice` : `"${key}" is already set by another field of this node; set it there`,
				);
			}
			setOwn(body, key, value);
			added.add(key);
		};
		const pairs = (this.getNodeParameter(spec.pairs, []) ?? []) as Array<{ name?: unknown; value?: unknown }>;
		if (Array.isArray(pairs)) {
			for (const [index, pair] of pairs.entries()) {
				const name = isEmpty(pair.name) ? '' : String(pair.name).trim();
				if (name === '') fail(this, spec.pairsLabel, `entry ${index + 1} has no name`);
				put(name, pair.value ?? '', spec.pairsLabel);
			}
		}
		if (spec.json) {
			const raw = this.getNodeParameter(spec.json, '') as unknown;
			const label = spec.jsonLabel ?? spec.json;
			if (!isEmpty(raw) && !(typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0)) {
				const parsed = parseJson(this, label, raw, true) as IDataObject;
				for (const [key, value] of Object.entries(parsed)) put(key, value, label);
			}
		}
		return options;
	};
}

/**
 * A date/time (picker, ISO text, Luxon DateTime or Date; a zone-less value is in the workflow's
 * time zone) as Unix seconds. A number is taken as Unix seconds already (milliseconds are refused).
 * Undefined when unset.
 */
export function unixSeconds(ctx: IExecuteSingleFunctions, value: unknown, label: string): number | undefined {
	if (isEmpty(value)) return undefined;
	const numeric = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
	if (numeric !== undefined) {
		if (!Number.isInteger(numeric) || numeric < 0) fail(ctx, label, `${String(value)} is not a Unix time in seconds`);
		if (numeric >= 1e11) {
			fail(ctx, label, `${String(value)} looks like milliseconds; PersonaClick takes Unix seconds (divide by 1000)`);
		}
		return numeric;
	}
	const iso = isoDateTime(ctx, value, label);
	const ms = Date.parse(iso);
	if (Number.isNaN(ms)) fail(ctx, label, `"${String(value)}" is not a date and time`);
	return Math.floor(ms / 1000);
}

/** A date parameter as `YYYY-MM-DD` (the date as written, no time-zone shift); undefined when unset. */
export function ymd(ctx: IExecuteSingleFunctions, value: unknown, label: string): string | undefined {
	if (isEmpty(value)) return undefined;
	const date = datePart(value);
	if (!date) fail(ctx, label, `"${String(value)}" is not a date (use the date picker or YYYY-MM-DD)`);
	return date;
}

/** A whole number (from a number field or an expression), or an input error. */
export function wholeNumber(ctx: IExecuteSingleFunctions, value: unknown, label: string, min = 0): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isInteger(number) || number < min) {
		fail(ctx, label, `${JSON.stringify(value)} is not a whole number${min > 0 ? ` of ${min} or more` : ''}`);
	}
	return number;
}

/** A number (from a number field or an expression), or an input error. */
export function decimalNumber(ctx: IExecuteSingleFunctions, value: unknown, label: string): number {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isFinite(number)) fail(ctx, label, `${JSON.stringify(value)} is not a number`);
	return number;
}

/** An optional identifier value (email, phone …): checked for its kind; undefined when unset. */
export function optionalIdentifier(
	ctx: IExecuteSingleFunctions,
	key: IdentifierKey,
	value: unknown,
	label: string,
): string | undefined {
	if (isEmpty(value)) return undefined;
	return checkedIdentifier(ctx, key, value, label);
}

export { bodyOf };
