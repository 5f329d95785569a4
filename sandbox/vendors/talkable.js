'use strict';
/**
 * Talkable sandbox (API v2): Bearer auth and the site_slug check on every request, the
 * {ok, result} / {ok:false, error_message} envelopes, and stateful people, origins, referrals,
 * refunds, offers, shares, claims, coupons, loyalty members, metrics and assets. This file
 * seeds the state, authenticates and routes by the path's first segment; each resource of the
 * node has its module in talkable/:
 *   person.js         /people/{slug} and its sub-resources
 *   origin.js         /origins (one, typed, batch); routes /origins/{slug}/referral and /refund to
 *   referral.js       PUT /origins/{slug}/referral (approval pays the advocate)
 *   refund.js         POST /origins/{slug}/refund
 *   offer.js          /offers/{code} and its claim URL status; routes /offers/{code}/shares/* to
 *   share.js          email and social shares
 *   offerClaim.js     /offer_claims
 *   coupon.js         /coupons/{code} and its permission check; the coupon shape
 *   reward.js         /rewards (a visitor's); issueReward, the reward with a new coupon
 *   visitor.js        /visitors
 *   visitorOffer.js   /visitor_offers/{id}/track_visit
 *   loyaltyMember.js  /loyalty/members/{email} and its actions
 *   campaign.js       /campaigns
 *   trafficSource.js  /traffic_sources
 *   metric.js         /metrics/{name} and its segmentation
 *   asset.js          /assets (list, get, multipart upload)
 *   common.js         envelopes, checks, the fixed clock, the origin serialiser
 */
const { fail } = require('./talkable/common');
const { seedPeople, createPeople } = require('./talkable/person');
const { createOrigins } = require('./talkable/origin');
const { seedOffers, createOffers } = require('./talkable/offer');
const { seedClaims, createOfferClaims } = require('./talkable/offerClaim');
const { seedCoupons, createCoupons } = require('./talkable/coupon');
const { seedVisitorRewards, createRewards } = require('./talkable/reward');
const { seedVisitors, createVisitors } = require('./talkable/visitor');
const { seedVisitorOffers, createVisitorOffers } = require('./talkable/visitorOffer');
const { seedLoyalty, createLoyalty } = require('./talkable/loyaltyMember');
const { createCampaigns } = require('./talkable/campaign');
const { createTrafficSources } = require('./talkable/trafficSource');
const { createMetrics } = require('./talkable/metric');
const { seedAssets, createAssets } = require('./talkable/asset');

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
	state.ids = { offer: 1, coupon: 4, reward: 100, share: 20, visitorOffer: 43, asset: 3, origin: 1, referral: 6000, action: 1 };
	state.coupons = seedCoupons();
	seedOffers(state);
	state.claims = seedClaims();
	state.visitors = seedVisitors();
	state.visitorRewards = seedVisitorRewards();
	state.visitorOffers = seedVisitorOffers();
	const people = createPeople(state);
	const routes = {
		people,
		origins: createOrigins(state, people),
		offers: createOffers(state, people),
		offerClaims: createOfferClaims(state, people),
		coupons: createCoupons(state, people),
		visitorOffers: createVisitorOffers(state),
		visitors: createVisitors(state),
		rewards: createRewards(state),
		loyalty: createLoyalty(state),
		campaigns: createCampaigns(),
		trafficSources: createTrafficSources(),
		metrics: createMetrics(state),
		assets: createAssets(state),
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
			offer_claims: routes.offerClaims,
			coupons: routes.coupons,
			visitor_offers: routes.visitorOffers,
			visitors: routes.visitors,
			rewards: routes.rewards,
			loyalty: routes.loyalty,
			campaigns: routes.campaigns,
			traffic_sources: routes.trafficSources,
			metrics: routes.metrics,
			assets: routes.assets,
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
