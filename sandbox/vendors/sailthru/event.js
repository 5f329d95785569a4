'use strict';
/** Sailthru sandbox: custom events (POST /event), by email or by another key of a known profile. */
const { fail, ok, EMAIL, isObject, missing } = require('./common');
const { findUser } = require('./user');

const RESERVED_EVENTS = ['send', 'cancel', 'open', 'click', 'purchase', 'daily'];
const EVENT_KEYS = ['email', 'sid', 'extid', 'sms', 'cookie'];

function seedEvents(state) {
	state.events = [];
}

function eventRoutes(state) {
	function postEvent(call) {
		const absent = missing(call, ['id', 'event']);
		if (absent) return absent;
		if (RESERVED_EVENTS.includes(String(call.event).toLowerCase())) {
			return fail(400, 99, `Reserved event name: ${call.event}`);
		}
		const key = call.key === undefined ? 'email' : call.key;
		if (!EVENT_KEYS.includes(key)) return fail(400, 2, `Invalid key: ${key}`);
		if (key === 'email' && !EMAIL.test(String(call.id))) return fail(400, 11, `Invalid email: ${call.id}`);
		if (call.vars !== undefined && !isObject(call.vars)) return fail(400, 2, 'Invalid vars parameter: must be an object');
		if (key !== 'email' && !findUser(state, key, call.id)) return fail(404, 99, `User not found with ${key}: ${call.id}`);
		state.events.push({ id: call.id, key, event: call.event, vars: call.vars || {} });
		return ok({ ok: true });
	}

	return { 'POST /event': postEvent };
}

module.exports = { seedEvents, eventRoutes };
