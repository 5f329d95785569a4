'use strict';
/**
 * TalkBox sandbox: what several resource modules share (it keeps no state): the {code, description}
 * error replies, page/per_page paging, the email and mobile patterns, timestamps and small value
 * checks.
 *
 * Errors: 400 {code:110} for an unknown field/attribute, 422 {code:120} for validation errors,
 * 404 for unknown IDs (as the doc's "Resource Not Found, check your url").
 */

const error = (status, code, description) => ({ status, body: { code, description } });
const invalid = (description) => error(422, 120, description);
const unknownAttribute = (name) => error(400, 110, `Unknown Field/Attribute: ${name}`);
const notFound = (what) => error(404, 404, `${what} not found`);
const ok = (body) => ({ status: 200, body });

/** page/per_page paging of a list: `page` starts at 1; `per_page` defaults to 10. */
function paginate(list, query, { pageRequired = false } = {}) {
	if (query.page === undefined && pageRequired) return { error: error(400, 400, 'page is required') };
	const page = query.page === undefined ? 1 : Number(query.page);
	const perPage = query.per_page === undefined ? 10 : Number(query.per_page);
	if (!Number.isInteger(page) || page < 1) return { error: error(400, 400, 'page must be a positive integer') };
	if (!Number.isInteger(perPage) || perPage < 1) {
		return { error: error(400, 400, 'per_page must be a positive integer') };
	}
	return { items: list.slice((page - 1) * perPage, page * perPage) };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^\+?\d{8,15}$/;

// Two renderings of a time, as the two halves of the sandbox had them (kept apart: they differ when
// the clock has milliseconds). isoSeconds: the audience resources (contacts, subscriptions,
// surveys, editor), milliseconds dropped; iso: the campaign resources, only '.000' dropped.
const isoSeconds = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isSet = (value) => value !== undefined && value !== null && value !== '';
const splitList = (value) =>
	String(value)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);

/** An ISO-8601 timestamp query value, or undefined when it does not parse. */
function parseTimestamp(value) {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** ISO-8601 (as TalkBox's examples write it, also `…T15:26:31T10:00`) → ms, or undefined (vouchers, offers). */
function parseLooseTimestamp(value) {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const normalized = value.replace(/(T\d{2}:\d{2}(:\d{2})?)T(\d{2}:\d{2})$/, '$1+$3');
	const ms = Date.parse(normalized);
	return Number.isNaN(ms) ? undefined : ms;
}

/** `created_after`/`created_before`/`updated_after`/`updated_before` (exclusive) of a contact or subscription list. */
function filterByTimestamps(list, query, keys) {
	const bounds = {};
	for (const key of keys) {
		if (query[key] === undefined) continue;
		const ms = parseTimestamp(query[key]);
		if (ms === undefined) return { problem: invalid(`${key} must be an ISO-8601 timestamp`) };
		bounds[key] = ms;
	}
	const result = list.filter((record) => {
		const created = Date.parse(record.created_at);
		const updated = Date.parse(record.updated_at ?? record.created_at);
		if (bounds.created_after !== undefined && !(created > bounds.created_after)) return false;
		if (bounds.created_before !== undefined && !(created < bounds.created_before)) return false;
		if (bounds.updated_after !== undefined && !(updated > bounds.updated_after)) return false;
		if (bounds.updated_before !== undefined && !(updated < bounds.updated_before)) return false;
		return true;
	});
	return { list: result };
}

/**
 * The routes of a collection kept as a Map by numeric id in state[key] (email sender details,
 * templates, sections, offers): GET and POST /name; GET, PUT and DELETE /name/:id, 404
 * `${what} ${id} not found` for an unknown id. `answers`: create(req), update(record, req),
 * get(record) (none: GET /name/:id is not answered) and render(record) for the list and for the
 * DELETE answer (default: the record as stored). DELETE removes the record.
 */
function collectionRoutes(state, key, what, { create, update, get, render = (record) => record }) {
	return (req, segments) => {
		if (segments.length === 1) {
			if (req.method === 'GET') return ok([...state[key].values()].map(render));
			if (req.method === 'POST') return create(req);
			return undefined;
		}
		if (segments.length !== 2) return undefined;
		const record = state[key].get(Number(segments[1]));
		if (!record) return notFound(`${what} ${segments[1]}`);
		if (req.method === 'GET' && get) return get(record);
		if (req.method === 'PUT') return update(record, req);
		if (req.method === 'DELETE') {
			state[key].delete(record.id);
			return ok(render(record));
		}
		return undefined;
	};
}

/** Every contact (state.contacts), for the recipient selections and the voucher filters. */
const allContacts = (state) => (state.contacts instanceof Map ? [...state.contacts.values()] : []);

module.exports = {
	EMAIL,
	MOBILE,
	allContacts,
	collectionRoutes,
	error,
	filterByTimestamps,
	invalid,
	iso,
	isoSeconds,
	isSet,
	notFound,
	ok,
	paginate,
	parseLooseTimestamp,
	parseTimestamp,
	splitList,
	unknownAttribute,
};
