import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { emptyRecord, hasOwn, setOwn } from '../../shared/record';
import { formPairs, safeEqual } from '../../shared/trigger';

/** Legacy webhook events: the node's option values, each from Talkable's `<snake_name>_web_hook` type. */
export const LEGACY_EVENTS = [
	'checkUnsubscribe',
	'claimSignup',
	'createCoupon',
	'event',
	'offerSignup',
	'postShare',
	'referral',
	'reward',
	'unsubscribe',
] as const;

/** The answer Talkable needs for a Check Unsubscribe webhook when the workflow does not give one. */
export const NOT_UNSUBSCRIBED = { result: { unsubscribed: false } };

/**
 * The `x-talkable-signature` value for a raw body: base64 of the lowercase hex HMAC-SHA256
 * (not of the raw digest), as Talkable's Ruby reference computes it.
 */
export function customAppSignature(rawBody: Buffer, key: string): string {
	const hex = createHmac('sha256', key).update(rawBody).digest('hex');
	return Buffer.from(hex, 'utf8').toString('base64');
}

/** Whether a Custom App request's signature header matches its raw body (constant time). */
export function customAppVerified(rawBody: Buffer, header: string, key: string): boolean {
	return safeEqual(header.trim(), customAppSignature(rawBody, key));
}

/** `post_share_web_hook` → `postShare`; undefined for a type that is not `<name>_web_hook`. */
export function legacyEventName(type: string): string | undefined {
	const match = /^([a-z][a-z0-9_]*?)_web_hook$/.exec(type);
	if (!match) return undefined;
	return match[1].replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

const parseJsonField = (value: string | undefined): unknown => {
	if (value === undefined) return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return value;
	}
};

export interface LegacyRequest {
	key: string;
	item: IDataObject;
	event: string | undefined;
}

/**
 * The fields of a legacy form webhook, and the item it becomes (`payload`/`extras` parsed). The
 * sender chooses the field names: they go into a null-prototype record (the first value of a
 * repeated name wins), so `__proto__`, `constructor` or `toString` are plain names like any other.
 */
export function parseLegacy(rawBody: Buffer): LegacyRequest {
	const fields = emptyRecord<Record<string, string>>();
	for (const [name, value] of formPairs(rawBody)) {
		if (!hasOwn(fields, name)) setOwn(fields, name, value);
	}
	const type = fields.type ?? '';
	const event = legacyEventName(type);
	return {
		key: fields.key ?? '',
		event,
		item: {
			event: event ?? type,
			type,
			site: fields.site ?? null,
			payload: (parseJsonField(fields.payload) ?? null) as IDataObject,
			extras: (parseJsonField(fields.extras) ?? null) as IDataObject,
		},
	};
}
