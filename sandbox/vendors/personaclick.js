'use strict';
/**
 * PersonaClick sandbox (REES46 platform): shop_id / shop_secret in the query of GETs and in the
 * JSON body of POSTs and DELETEs (403 otherwise), checked on every request. The parts live in
 * personaclick/:
 *   subscriptions.js  /subscriptions/manage, callback, check, changes (paged), confirm_email
 *   profiles.js       /profile (get), /profile/set, /profile/purge, /profile/force_change_*
 *   segments.js       /segments/get, add, remove, includes
 *   events.js         /push/custom
 *   orders.js         /sync/orders (≤1,000 orders, 32 MB, 40 requests a minute)
 *
 * Envelopes: success `{"status":"success"}`; errors `{"status":"error","message":"…"}` for the
 * subscription methods and /sync/orders, `{"status":"error","payload":{"message":"…"}}` for
 * /subscriptions/changes and the CDP methods (the form the REES46 docs show).
 *
 * `state` (see create) can be seeded by tests: `contacts` (subscriptions and profiles),
 * `changes` (ascending by datetime), `addChanges(count, fields)`, `doubleOptIn`,
 * `confirmationsSent`, `segments`, `segmentCheckShape` ('bare' | 'envelope'), `eventCodes`,
 * `events`, `orders`, `syncRequests`, `processingErrors`, `syncLimit`, `rateLimited`, `now()`,
 * `zone` and `dayZone`: the docs give no time zone for /subscriptions/changes, so the IANA zone
 * its `datetime` wall times are written (and read) in, and the zone its `from`/`to` days start
 * in, are settings; both 'UTC' by default.
 */
const { SHOP_ID, SHOP_SECRET, fail, failNested, formatDatetime } = require('./personaclick/common');
const { seedContacts, seedChanges, subscriptionRoutes } = require('./personaclick/subscriptions');
const { profileRoutes } = require('./personaclick/profiles');
const { seedSegments, segmentRoutes } = require('./personaclick/segments');
const { eventRoutes } = require('./personaclick/events');
const { orderRoutes } = require('./personaclick/orders');

/** Paths whose errors use the flat `{"status":"error","message"}` envelope. */
const FLAT_ERRORS = /^\/(subscriptions\/(?!changes$)|sync\/)/;

function create() {
	const state = {
		contacts: seedContacts(),
		changes: [],
		/** Whether the store's "Double Opt-In" chain is on (confirm_email answers 400 when off). */
		doubleOptIn: true,
		/** Emails that confirm_email sent a double opt-in email to. */
		confirmationsSent: [],
		segments: seedSegments(),
		/** How /segments/includes answers: 'bare' (true/false, today) or 'envelope' (announced). */
		segmentCheckShape: 'bare',
		/** Custom event codes created in the account. */
		eventCodes: ['registration', 'request_demo', 'my_event', 'first_payment'],
		events: [],
		orders: [
			{
				id: 'A-100',
				status: 'created',
				channel: 'website',
				date: 1714550400,
				value: { total: 120.5, delivery: 10, discount: 5 },
				items: [{ id: 'SKU-1', price: 57.75, quantity: 2 }],
				offline: false,
				email: 'john.doe@examplemail.com',
			},
		],
		/** Order count of each accepted /sync/orders request. */
		syncRequests: [],
		/** What PersonaClick would email about orders it could not process. */
		processingErrors: [],
		/** /sync/orders rate limit. */
		syncLimit: { requests: 40, perMs: 60_000 },
		/** 429 answers given by /sync/orders. */
		rateLimited: 0,
		now: () => Date.now(),
		zone: 'UTC',
		dayZone: 'UTC',
		/** Append `count` changes dated now (later calls are later), each `{...defaults, ...fields(i)}`. */
		addChanges(count, fields = () => ({})) {
			const base = state.now();
			for (let i = 0; i < count; i++) {
				state.changes.push({
					contact_type: 'email',
					contact: `added${i + 1}@examplemail.com`,
					campaign_type: 'bulk',
					event: 'subscribe',
					channel: 'import',
					datetime: formatDatetime(base, state.zone),
					ip: '10.1.0.1',
					...(typeof fields === 'function' ? fields(i) : fields),
				});
			}
		},
	};
	state.changes = seedChanges(state.now());
	// Profile data of the seeded contacts.
	Object.assign(state.contacts[0], {
		first_name: 'John',
		last_name: 'Doe',
		gender: 'm',
		tags: ['vip'],
		custom_properties: { vip_tier: 'gold' },
		segments: [313, 314],
	});

	const ROUTES = {
		...subscriptionRoutes(state),
		...profileRoutes(state),
		...segmentRoutes(state),
		...eventRoutes(state),
		...orderRoutes(state),
	};

	function handle(req) {
		const route = ROUTES[`${req.method} ${req.path}`];
		const reply = FLAT_ERRORS.test(req.path) ? fail : failNested;
		if (!route) return fail(404, `No route for ${req.method} ${req.path}`);
		if (req.method !== 'GET' && !(req.headers['content-type'] || '').includes('application/json')) {
			return reply(415, 'Content-Type must be application/json');
		}
		const params = req.method === 'GET' ? req.query : req.body;
		if (!params || typeof params !== 'object' || Array.isArray(params)) return reply(400, 'Body must be a JSON object');
		if (params.shop_id !== SHOP_ID || params.shop_secret !== SHOP_SECRET) {
			return reply(403, 'Invalid shop_id or shop_secret');
		}
		return route(params, req);
	}

	return { state, handle };
}

module.exports = {
	name: 'personaclick',
	prefix: '/personaclick',
	credentials: { shopId: SHOP_ID, shopSecret: SHOP_SECRET },
	create,
};
