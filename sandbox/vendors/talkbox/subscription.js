'use strict';
/**
 * TalkBox sandbox: subscriptions (GET /subscriptions, paged, created_after/created_before).
 * `create(state, helpers)` adds the collection to the shared state and returns the routes; the
 * seeded contacts' subscriptions are made by contact.js (addSubscription):
 *   state.subscriptions  Array of { id, contact_id, external_identifier, recipient_id, channel ('email' | 'mobile_number'),
 *                            subscribed, destination, created_at }
 */
const { filterByTimestamps, isoSeconds, ok } = require('./common');

/** Record a subscription (or, with `subscribed` false, an unsubscription) of `contact` (or none). */
function addSubscription(state, newId, contact, channel, subscribed, destination) {
	const record = {
		id: newId(),
		contact_id: contact ? contact.id : null,
		external_identifier: contact ? contact.external_identifier ?? null : null,
		recipient_id: contact ? 50_000 + contact.id : null,
		channel,
		subscribed,
		destination,
		created_at: isoSeconds(state.clock()),
	};
	state.subscriptions.push(record);
	return record;
}

function create(state, helpers) {
	const { paginate } = helpers;
	state.subscriptions = [];

	function subscriptionRoutes(req, segments) {
		if (segments.length !== 1 || req.method !== 'GET') return undefined;
		const all = [...state.subscriptions].sort((a, b) => a.id - b.id);
		const filtered = filterByTimestamps(all, req.query, ['created_after', 'created_before']);
		if (filtered.problem) return filtered.problem;
		const page = paginate(filtered.list, req.query, { pageRequired: true });
		return page.error || ok(page.items);
	}

	return { subscriptions: subscriptionRoutes };
}

module.exports = { addSubscription, create };
