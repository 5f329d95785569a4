import type { IDataObject } from 'n8n-workflow';

/**
 * Records whose keys an outsider chooses (a webhook or postback body, a form or query string, a
 * vendor's response, a field name a user typed). Plain `{}` objects are unsafe for them: writing
 * the key `__proto__` replaces the object's prototype (and `a.__proto__.x = …` writes onto
 * `Object.prototype` of the whole n8n process), and `constructor` / `prototype` reach the same
 * places by other paths. Such records are built here, with a null prototype: every key, those
 * three included, is then plain data. This module imports nothing of ours (a leaf).
 */

/** Keys that reach an object's prototype when written to a plain object. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isPrototypeKey = (key: string): boolean => PROTOTYPE_KEYS.has(key);

export const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** An array, or an object made as data (`{}`, JSON, a null-prototype record): not a Date, class instance or Buffer. */
export const isPlainContainer = (value: unknown): value is object =>
	Array.isArray(value) ||
	(value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value)));

/** An empty record with no prototype: any key written to it is an own data property. */
export const emptyRecord = <T = IDataObject>(): T => Object.create(null) as T;

/** A null-prototype record from key/value pairs (later keys win). */
export function recordFrom(entries: Iterable<readonly [string, unknown]>): IDataObject {
	const record = emptyRecord();
	for (const [key, value] of entries) record[key] = value as IDataObject[string];
	return record;
}

/**
 * Set `key` on `target` as an own data property, whatever the key and whatever the target's
 * prototype (on a plain object `target.__proto__ = v` would change its prototype instead).
 */
export function setOwn(target: object, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Whether `key` is an own property of `record` (never one it inherits). */
export const hasOwn = (record: object, key: string): boolean => Object.prototype.hasOwnProperty.call(record, key);

/**
 * Deeper than this, a vendor's JSON is cut: a hostile body (10,000 levels) would otherwise
 * overflow the stack of whatever walks it next, our redaction, n8n's saving of the execution.
 */
export const MAX_JSON_DEPTH = 64;

/** What stands in for an object or array that lay deeper than MAX_JSON_DEPTH. */
export const TOO_DEEP = '[nested too deep]';

const isContainer = (value: unknown): value is object => value !== null && typeof value === 'object';

/** Whether every object and array of `value` lies within `maxDepth` levels (walked without recursion). */
export function withinDepth(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
	const stack: Array<[unknown, number]> = [[value, 1]];
	while (stack.length > 0) {
		const [current, depth] = stack.pop()!;
		if (!isContainer(current)) continue;
		if (depth > maxDepth) return false;
		for (const child of Object.values(current)) if (isContainer(child)) stack.push([child, depth + 1]);
	}
	return true;
}

/**
 * A copy of a JSON-like value, walked without recursion: `mapText` applied to every string and
 * key, keys written as own data (`__proto__` stays a key), and every object or array deeper than
 * `maxDepth` levels replaced by TOO_DEEP.
 */
export function copyJson<T>(value: T, mapText: (text: string) => string = (text) => text, maxDepth = MAX_JSON_DEPTH): T {
	const copyOf = (entry: unknown, depth: number): unknown => {
		if (typeof entry === 'string') return mapText(entry);
		if (!isContainer(entry)) return entry;
		return depth > maxDepth ? TOO_DEEP : Array.isArray(entry) ? [] : {};
	};
	const root = copyOf(value, 1);
	const stack: Array<{ source: object; target: object; depth: number }> = [];
	if (isContainer(root)) stack.push({ source: value as object, target: root, depth: 1 });
	while (stack.length > 0) {
		const { source, target, depth } = stack.pop()!;
		for (const [key, entry] of Object.entries(source)) {
			const copy = copyOf(entry, depth + 1);
			if (isContainer(copy)) stack.push({ source: entry as object, target: copy, depth: depth + 1 });
			if (Array.isArray(target)) target[Number(key)] = copy;
			else setOwn(target, mapText(key), copy);
		}
	}
	return root as T;
}

/** `value` itself when it lies within MAX_JSON_DEPTH levels, else a copy cut there. */
export const capDepth = <T>(value: T): T => (withinDepth(value) ? value : copyJson(value));

/** Set `value` at a dotted path (`a.b.c`) in `target`, making the objects on the way. */
export function setPath(target: IDataObject, path: string, value: unknown, dotted = true): void {
	const keys = dotted ? path.split('.') : [path];
	let current = target;
	for (const key of keys.slice(0, -1)) {
		if (!isObject(current[key])) current[key] = {};
		current = current[key] as IDataObject;
	}
	current[keys[keys.length - 1]] = value as IDataObject[string];
}

/** The value at a dotted path (`a.b.c`) of `value`, undefined when a step is not an object. */
export function getPath(value: unknown, path: string | undefined): unknown {
	if (!path) return value;
	let current = value;
	for (const key of path.split('.')) {
		if (!isObject(current)) return undefined;
		current = current[key];
	}
	return current;
}
