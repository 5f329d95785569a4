'use strict';
/** Visitor offer: PUT /visitor_offers/{id}/track_visit (a friend offer's first visit). */
const { ok, fail, NOW } = require('./common');

function seedVisitorOffers() {
	return new Map([[42, { id: 42, visited_at: null }]]);
}

function createVisitorOffers(state) {
	function handle(req, segments) {
		if (req.method !== 'PUT' || segments.length !== 3 || segments[2] !== 'track_visit') return undefined;
		const entry = state.visitorOffers.get(Number(segments[1]));
		if (!entry || !/^\d+$/.test(segments[1])) return fail(400, 'No visitor offer found by id.');
		entry.visited_at = entry.visited_at || NOW;
		return ok();
	}

	return { handle };
}

module.exports = { seedVisitorOffers, createVisitorOffers };
