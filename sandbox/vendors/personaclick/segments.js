'use strict';
/**
 * Audience segments of a contact: POST /segments/get, /segments/add, /segments/remove (static
 * segments only) and /segments/includes, which answers a bare `true`/`false` unless
 * `state.segmentCheckShape` is 'envelope' (the announced `{status, payload:{segment_id, result}}`).
 * Segments: `state.segments` ({ id, type, name }); membership: each contact's `segments` IDs.
 */
const { ok, failNested, newContact, given, identifierOf } = require('./common');

const NO_PARAMETERS = 'There are no mandatory parameters in the request';

function seedSegments() {
	return [
		{ id: 313, type: 'static', name: 'VIP customers' },
		{ id: 314, type: 'dynamic', name: 'Bought twice' },
		{ id: 315, type: 'static', name: 'Newsletter leads' },
	];
}

function segmentRoutes(state) {
	const findBy = (key, value) => state.contacts.find((contact) => !contact.purged && contact[key] === value);

	/** The segment of the request: { segment } or { reply }. */
	function segmentOf(params) {
		if (!given(params, 'segment_id')) return { reply: failNested(404, NO_PARAMETERS) };
		const id = params.segment_id;
		if (!(Number.isInteger(id) || (typeof id === 'string' && /^\d+$/.test(id)))) {
			return { reply: failNested(400, 'segment_id must be an integer') };
		}
		const segment = state.segments.find((candidate) => candidate.id === Number(id));
		return segment ? { segment } : { reply: failNested(404, 'Segment not found') };
	}

	function contactOf(params, allowed, create) {
		const id = identifierOf(params, allowed);
		if (id.missing) return { reply: failNested(404, NO_PARAMETERS) };
		if (id.error) return { reply: failNested(400, id.error) };
		let contact = findBy(id.key, id.value);
		if (!contact && create) {
			contact = newContact({ [id.key]: id.value });
			state.contacts.push(contact);
		}
		return { contact };
	}

	function get(params) {
		const { reply, contact } = contactOf(params, ['email', 'phone'], false);
		if (reply) return reply;
		const ids = contact ? contact.segments : [];
		return {
			status: 200,
			body: state.segments.filter((segment) => ids.includes(segment.id)).map(({ id, type }) => ({ id, type })),
		};
	}

	function change(add) {
		return (params) => {
			const found = segmentOf(params);
			if (found.reply) return found.reply;
			if (found.segment.type !== 'static') return failNested(400, 'Only static segments can be changed');
			const { reply, contact } = contactOf(params, ['email', 'phone'], add);
			if (reply) return reply;
			if (!contact) return ok();
			const id = found.segment.id;
			if (add && !contact.segments.includes(id)) contact.segments.push(id);
			if (!add) contact.segments = contact.segments.filter((member) => member !== id);
			return ok();
		};
	}

	function includes(params) {
		const found = segmentOf(params);
		if (found.reply) return found.reply;
		const { reply, contact } = contactOf(params, undefined, false);
		if (reply) return reply;
		const result = Boolean(contact && contact.segments.includes(found.segment.id));
		if (state.segmentCheckShape === 'envelope') {
			return { status: 200, body: { status: 'success', payload: { segment_id: found.segment.id, result } } };
		}
		return { status: 200, body: result };
	}

	return {
		'POST /segments/get': get,
		'POST /segments/add': change(true),
		'POST /segments/remove': change(false),
		'POST /segments/includes': includes,
	};
}

module.exports = { seedSegments, segmentRoutes };
