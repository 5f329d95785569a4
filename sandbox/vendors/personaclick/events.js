'use strict';
/**
 * Custom events: POST /push/custom. The event code must exist (`state.eventCodes`, created in the
 * account first); each accepted event is appended to `state.events` (no dedupe: a repeat is a
 * second event).
 */
const { ok, failNested, CUSTOM_KEY, IDENTIFIERS, newContact, given, identifierOf } = require('./common');

const KNOWN = new Set(['shop_id', 'shop_secret', 'event', 'category', 'label', 'value', 'time', 'did', 'sid', 'seance', ...IDENTIFIERS]);

function eventRoutes(state) {
	function custom(params) {
		if (!given(params, 'event')) return failNested(404, 'There are no mandatory parameters in the request');
		if (!state.eventCodes.includes(params.event)) return failNested(400, `Unknown event code ${params.event}`);
		const id = identifierOf(params);
		if (id.missing || id.error) return failNested(400, 'Identifier is not valid');
		if (params.value !== undefined && !Number.isInteger(params.value)) return failNested(400, 'value must be an integer');
		if (params.time !== undefined && !(Number.isInteger(params.time) && params.time >= 0 && params.time < 1e11)) {
			return failNested(400, 'time must be a Unix timestamp in seconds');
		}
		for (const key of ['category', 'label']) {
			if (params[key] !== undefined && typeof params[key] !== 'string') return failNested(400, `${key} must be a string`);
		}
		const extra = {};
		for (const [key, value] of Object.entries(params)) {
			if (KNOWN.has(key)) continue;
			if (!CUSTOM_KEY.test(key)) return failNested(400, `Invalid parameter name ${key}`);
			extra[key] = value;
		}
		let contact = state.contacts.find((candidate) => !candidate.purged && candidate[id.key] === id.value);
		if (!contact) {
			contact = newContact({ [id.key]: id.value });
			state.contacts.push(contact);
		}
		state.events.push({
			event: params.event,
			identifier: { [id.key]: id.value },
			category: params.category ?? null,
			label: params.label ?? null,
			value: params.value ?? null,
			time: params.time ?? Math.floor(state.now() / 1000),
			extra,
		});
		return ok();
	}

	return { 'POST /push/custom': custom };
}

module.exports = { eventRoutes };
