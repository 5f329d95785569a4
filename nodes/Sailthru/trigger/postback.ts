import type { IDataObject } from 'n8n-workflow';

import { emptyRecord, hasOwn, isObject, setOwn } from '../../shared/record';
import { signValues } from '../lib/signature';
import { safeEqual } from '../../shared/trigger';

/** The postback events, as the node's option values. */
export const POSTBACK_EVENTS = ['hardbounce', 'job', 'optout', 'update', 'verify'] as const;

/**
 * A postback's `sig`: MD5 hex of the API secret followed by every posted value except `sig`
 * (key names and nesting ignored), sorted by code point and joined with nothing: the API's own
 * signature over the posted values (a form may repeat a key, so these are pairs).
 */
export function postbackSignature(apiSecret: string, pairs: Array<[string, string]>): string {
	return signValues(
		apiSecret,
		pairs.filter(([name]) => name !== 'sig').map(([, value]) => value),
	);
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** `api_key` must be the credential's key and `sig` must match (both compared in constant time). */
export function verifyPostback(pairs: Array<[string, string]>, apiKey: string, apiSecret: string): Verdict {
	const first = (name: string) => pairs.find(([key]) => key === name)?.[1];
	const sig = first('sig');
	const postedKey = first('api_key');
	if (sig === undefined || sig === '') return { ok: false, reason: 'no sig field' };
	if (postedKey === undefined || !safeEqual(postedKey, apiKey)) return { ok: false, reason: 'api_key does not match' };
	if (!safeEqual(sig.toLowerCase(), postbackSignature(apiSecret, pairs))) {
		return { ok: false, reason: 'the signature does not match' };
	}
	return { ok: true };
}

/** `lists[Daily Deals]` → ['lists', 'Daily Deals']; a plain name → [name]. */
function pathOf(name: string): string[] {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])+)$/.exec(name);
	if (!match) return [name];
	const rest = [...match[2].matchAll(/\[([^[\]]*)\]/g)].map((part) => part[1]);
	return [match[1], ...rest];
}

/**
 * The posted fields as an object without `sig` and `api_key`, bracket keys nested
 * (`lists[Daily]=0` → `lists: { Daily: "0" }`); the first value of a repeated name wins.
 * The names are the sender's choice and Sailthru's signature covers only the values, so a
 * replayed postback may carry any names: every level is a null-prototype record and every name,
 * `__proto__`, `constructor` and `prototype` included, is kept as plain data.
 */
export function postbackFields(pairs: Array<[string, string]>): IDataObject {
	const result = emptyRecord();
	for (const [name, value] of pairs) {
		if (name === 'sig' || name === 'api_key') continue;
		const path = pathOf(name);
		let target = result;
		for (const segment of path.slice(0, -1)) {
			const next = hasOwn(target, segment) ? target[segment] : undefined;
			if (!isObject(next)) setOwn(target, segment, emptyRecord());
			target = target[segment] as IDataObject;
		}
		const last = path[path.length - 1];
		if (!hasOwn(target, last)) setOwn(target, last, value);
	}
	return result;
}

/** The event of a postback: its `action`, or `job` for a job-completion postback. */
export function postbackEvent(fields: IDataObject): string | undefined {
	const action = hasOwn(fields, 'action') ? fields.action : undefined;
	if (typeof action === 'string' && action !== '') return action;
	if (hasOwn(fields, 'job_id')) return 'job';
	return undefined;
}
