import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { fail, internationalPhone, isPlausibleEmail, scalarText } from '../../shared';
import { placeForPersonaClick } from './placement';

/** The PersonaClick request keys a contact can be identified by. */
export type IdentifierKey = 'email' | 'phone' | 'external_id' | 'loyalty_id' | 'telegram_id';

/** How an error names a missing identifier of each kind. */
const IDENTIFIER_NAMES: Record<IdentifierKey, string> = {
	email: 'an email address',
	phone: 'a phone number',
	external_id: 'an external ID',
	loyalty_id: 'a loyalty ID',
	telegram_id: 'a Telegram ID',
};

/**
 * Check one identifier value for its kind and return what to send: a plausible email, a phone in
 * international format (separators removed), or any other non-empty ID. Throws an input error.
 */
export function checkedIdentifier(ctx: IExecuteSingleFunctions, key: IdentifierKey, raw: unknown, label: string): string {
	const value = scalarText(ctx, label, raw);
	if (value === '') fail(ctx, label, `${IDENTIFIER_NAMES[key]} is required but this item has none`);
	if (key === 'email' && !isPlausibleEmail(value)) fail(ctx, label, `"${value}" is not a valid email address`);
	if (key === 'phone') {
		return (
			internationalPhone(value) ??
			fail(ctx, label, `"${value}" is not a phone number in international format (the country code and number, optionally after a +, e.g. +15550100000)`)
		);
	}
	return value;
}

/**
 * The contact identifier: its kind from the Identify By dropdown (`identifierType`, one of
 * `allowed`), its value from `identifier`; sent under the kind's own key (query for GET, JSON
 * body otherwise).
 */
export function identifierFrom(allowed: readonly IdentifierKey[]): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const key = this.getNodeParameter('identifierType', 'email') as IdentifierKey;
		if (!allowed.includes(key)) {
			fail(this, 'Identify By', `"${String(key)}" is not one of ${allowed.join(', ')}`);
		}
		const value = checkedIdentifier(this, key, this.getNodeParameter('identifier', ''), 'Identifier');
		return placeForPersonaClick(options, key, value);
	};
}

/** `YYYY-MM-DD` of a date-time parameter value (picker string, ISO string, Date or Luxon DateTime). */
export function datePart(value: unknown): string | undefined {
	let text: string | undefined;
	if (typeof value === 'string') text = value.trim();
	else if (value instanceof Date && !Number.isNaN(value.getTime())) text = value.toISOString();
	else if (value !== null && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = String((value as { toISO: () => string }).toISO());
	}
	const match = text ? /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(text) : null;
	if (!match) return undefined;
	const [, year, month, day] = match;
	const parsed = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
	const valid = parsed.getUTCFullYear() === Number(year) && parsed.getUTCMonth() === Number(month) - 1 && parsed.getUTCDate() === Number(day);
	return valid ? `${year}-${month}-${day}` : undefined;
}
