'use strict';
/** Visitor: POST /visitors (registers a visitor's UUID). */
const { ok, fail, isObject } = require('./common');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function seedVisitors() {
	return new Set(['123e4567-e89b-32d1-a456-426614174000']);
}

function createVisitors(state) {
	function create(req) {
		const data = (req.body || {}).data;
		if (!isObject(data) || !UUID.test(String(data.uuid || ''))) return fail(400, '`uuid` is invalid');
		state.visitors.add(data.uuid);
		return ok({ uuid: data.uuid });
	}

	function handle(req, segments) {
		return req.method === 'POST' && segments.length === 1 ? create(req) : undefined;
	}

	return { handle };
}

module.exports = { seedVisitors, createVisitors };
