'use strict';
/** Envelopes and small checks shared by the Talkable sandbox modules. */

const ok = (result, status = 200) => ({ status, body: result === undefined ? { ok: true } : { ok: true, result } });
const fail = (status, message) => ({ status, body: { ok: false, error_message: message } });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isEmail = (value) => typeof value === 'string' && EMAIL.test(value);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The first key of `data` that is not permitted, as Rails reports it. */
function unpermitted(data, allowed) {
	const key = Object.keys(data).find((name) => !allowed.includes(name));
	return key === undefined ? undefined : fail(400, `found unpermitted parameter: :${key}`);
}

/** A fixed clock for generated timestamps (tests compare outputs). */
const NOW = '2026-07-07T11:06:25.000-07:00';

/** Short codes that look like Talkable's. */
function codeMaker(prefix = '') {
	let counter = 0;
	return () => {
		counter += 1;
		return `${prefix}${counter.toString(36).padStart(4, '0')}`;
	};
}

module.exports = { ok, fail, isEmail, isObject, unpermitted, NOW, codeMaker };
