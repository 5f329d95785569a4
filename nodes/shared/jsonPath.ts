import type { IDataObject } from 'n8n-workflow';

import { hasOwn, isObject, isPlainContainer, isPrototypeKey } from './record';

/**
 * The most common expression in a workflow only reads a field of the input item:
 * `={{ $json.email }}`, `={{ $json.customer["first name"] }}`, `={{ $json.lines[0].sku }}`.
 * n8n 2.x evaluates every expression in an isolate, and the first one of an execution there costs
 * milliseconds (measured: ~6.5 ms of a ~65 ms webhook execution). The runner reads such a field
 * itself, and leaves everything else to n8n's engine. It answers only where the answer is
 * certainly n8n's:
 * - the whole parameter is one `{{ }}` holding `$json` and a path of names, quoted keys or list
 *   indexes, nothing more (no calls, no operators, no text around it);
 * - every step is an own field of a plain object (or an index within a list), never `__proto__`,
 *   `constructor` or `prototype`;
 * - the value found is a string, a finite number or a boolean: n8n hands those out unchanged.
 * Anything else (a missing field, null, an object, a date, another variable) goes to n8n, which
 * gives its own value or its own error.
 */

/** `={{ $json… }}`; group 1: what follows `$json`, read step by step by STEP. */
const WHOLE = /^=\{\{\s*\$json(.*?)\s*\}\}$/s;
/** One step: `.name`, `["key"]`, `['key']` or `[index]` (no escapes, no expressions). */
const STEP = /\s*(?:\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)'|(\d+))\s*\])/y;

/** The steps of a `$json` path expression (at least one), or undefined when the text is anything else. */
export function jsonPathOf(expression: string): Array<string | number> | undefined {
	const path = WHOLE.exec(expression)?.[1];
	if (!path) return undefined;
	const steps: Array<string | number> = [];
	STEP.lastIndex = 0;
	while (STEP.lastIndex < path.length) {
		const step = STEP.exec(path);
		if (!step) return undefined;
		const [, name, doubleQuoted, singleQuoted, index] = step;
		steps.push(index !== undefined ? Number(index) : (name ?? doubleQuoted ?? singleQuoted));
	}
	return steps;
}

/** What `resolveLocally` gives back when n8n's engine has to answer. */
export const FOR_N8N: unique symbol = Symbol('for n8n');

type Scalar = string | number | boolean;

/** The field at `steps` in `json`, when it is a string, finite number or boolean. */
function readScalar(json: unknown, steps: Array<string | number>): Scalar | typeof FOR_N8N {
	let current: unknown = json;
	for (const step of steps) {
		if (typeof step === 'number') {
			if (!Array.isArray(current) || step >= current.length) return FOR_N8N;
			current = current[step];
		} else {
			if (!isObject(current) || !isPlainContainer(current) || isPrototypeKey(step) || !hasOwn(current, step)) return FOR_N8N;
			current = current[step];
		}
	}
	if (typeof current === 'string' || typeof current === 'boolean') return current;
	if (typeof current === 'number' && Number.isFinite(current)) return current;
	return FOR_N8N;
}

/** Parameter values nest this deep at most here (a node's own settings; deeper goes to n8n). */
const MAX_DEPTH = 16;

/**
 * A stored parameter value with its expressions resolved, as n8n's `getParameterValue` would
 * resolve it, when every expression in it is a `$json` path to a scalar of `json` (the item's
 * JSON; undefined when there is no input item). Plain text, numbers, booleans and null stay as
 * they are; objects and lists are new. FOR_N8N when any part needs n8n's engine.
 */
export function resolveLocally(value: unknown, json: IDataObject | undefined, depth = 0): unknown {
	if (typeof value === 'string') {
		if (!value.startsWith('=')) return value;
		const steps = json === undefined ? undefined : jsonPathOf(value);
		return steps ? readScalar(json, steps) : FOR_N8N;
	}
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
	if (!isPlainContainer(value) || depth >= MAX_DEPTH) return FOR_N8N;
	const copy: unknown[] | IDataObject = Array.isArray(value) ? [] : {};
	for (const [key, entry] of Object.entries(value)) {
		// n8n builds the copy by assigning keys to a plain object; a `__proto__` key is left to it.
		if (isPrototypeKey(key)) return FOR_N8N;
		const local = resolveLocally(entry, json, depth + 1);
		if (local === FOR_N8N) return FOR_N8N;
		if (Array.isArray(copy)) copy.push(local);
		else copy[key] = local as IDataObject[string];
	}
	return copy;
}
