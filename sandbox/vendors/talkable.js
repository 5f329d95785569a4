'use strict';
/**
 * Talkable sandbox (API v2): Bearer auth and the site_slug check on every request, the
 * {ok, result} / {ok:false, error_message} envelopes, and stateful people, origins, referrals,
 * refunds, offers, shares, claims, coupons, loyalty members, metrics and assets. The resources
 * live in talkable/*.js; this file authenticates and routes.
 */
const { fail } = require('./talkable/common');
const { seedPeople, createPeople } = require('./talkable/person');
const { seedOffers, createOffers } = require('./talkable/offer');
const { createOrigins } = require('./talkable/origin');
const { seedLoyalty, createLoyalty } = require('./talkable/loyaltyMember');
const { seedAssets, createCatalog } = require('./talkable/asset');

const API_KEY = 'sandbox-talkable-key';
const SITE_SLUG = 'my-store';

/** Routes that take site_slug in the query whatever the method (the OpenAPI's exceptions). */
function siteSlugInQuery(method, segments) {
	if (method === 'GET') return true;
	if (segments[0] === 'offer_claims') return true;
	if (segments[0] === 'visitor_offers') return true;
	if (segments[0] === 'assets' && method === 'POST') return true;
	return false;
}

function create() {
	const state = {
		people: seedPeople(),
		anonymized: 0,
		origins: new Map(),
		referrals: new Map(),
		batches: [],
		webhooks: [],
		loyalty: seedLoyalty(),
		assets: seedAssets(),
		uploads: [],
	};
	seedOffers(state);
	const people = createPeople(state);
	const routes = {
		people,
		origins: createOrigins(state, people),
		offers: createOffers(state, people),
		loyalty: createLoyalty(state),
		catalog: createCatalog(state),
	};

	function handle(req) {
		if (req.headers.authorization !== `Bearer ${API_KEY}`) {
			return fail(401, 'Unauthorized: no valid API key provided');
		}
		let segments;
		try {
			segments = req.path.split('/').filter(Boolean).map(decodeURIComponent);
		} catch {
			return fail(400, 'Malformed path');
		}
		const source = siteSlugInQuery(req.method, segments) ? req.query : req.body && typeof req.body === 'object' ? req.body : {};
		if (source.site_slug === undefined) return fail(400, 'Missing parameter: site_slug');
		if (source.site_slug !== SITE_SLUG) return fail(400, 'No site found by `site_slug`.');

		const route = {
			people: routes.people,
			origins: routes.origins,
			offers: routes.offers,
			offer_claims: routes.offers,
			coupons: routes.offers,
			visitor_offers: routes.offers,
			visitors: routes.offers,
			rewards: routes.offers,
			loyalty: routes.loyalty,
			campaigns: routes.catalog,
			traffic_sources: routes.catalog,
			metrics: routes.catalog,
			assets: routes.catalog,
		}[segments[0]];
		const response = route && route.handle(req, segments);
		return response || fail(404, `No route for ${req.method} ${req.path}`);
	}

	return { state, handle };
}

module.exports = {
	name: 'talkable',
	prefix: '/talkable/api/v2',
	credentials: { apiKey: API_KEY, siteSlug: SITE_SLUG },
	create,
};
