'use strict';
/**
 * TalkBox sandbox: audience resources. `create(state, helpers)` adds this group's collections to the
 * shared state and returns `{ handle(req, segments) }`, which answers a request it serves
 * (`{ status, body }`) or returns undefined for one it does not.
 * helpers: `error(status, code, description)`, `paginate(list, query, { pageRequired })`, `newId()`.
 */
function create(state, helpers) {
	void state;
	void helpers;
	return {
		handle() {
			return undefined;
		},
	};
}

module.exports = { create };
