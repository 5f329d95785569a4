'use strict';
/**
 * Offer: GET /offers/{code} (with claim links per sharing channel) and its claim URL status; the
 * offer a purchase or an event creates (createOffer, for origin.js). Shares of an offer are in
 * share.js: this module finds the offer and routes /offers/{code}/shares/* there.
 */
const { ok, fail } = require('./common');
const { createShares, SOCIAL_CHANNELS } = require('./share');

const NO_CLAIM_LINK = ['email', 'reminder', 'facebook_sponsored', 'coupon'];

/** The seeded offer: customer@example.com's (state.ids must be set). */
function seedOffers(state) {
	state.offers = new Map();
	createOffer(state, 'customer@example.com', [], 'mwCn1l');
}

function createOffer(state, email, channels, code) {
	const id = state.ids.offer++;
	const shortUrlCode = code || `of${String(id).padStart(4, '0')}`;
	const offer = {
		claim_url: `https://share.my-store.com/x/c${shortUrlCode}`,
		email,
		id,
		short_url_code: shortUrlCode,
		show_url: `https://share.my-store.com/x/s${shortUrlCode}`,
		coupon_code: null,
		incentives: {},
		trigger_widget: false,
		campaign_tags: ['post-purchase'],
	};
	state.offers.set(shortUrlCode, { offer, shares: [], emailed: new Set() });
	return { offer, ...claimLinks(offer, channels) };
}

function claimLinks(offer, channels) {
	if (!channels || channels.length === 0) return {};
	return {
		claim_links: Object.fromEntries(channels.map((channel) => [channel, `https://share.my-store.com/x/${channel}-${offer.short_url_code}`])),
	};
}

function createOffers(state, people) {
	const shares = createShares(state, people);

	function handle(req, segments) {
		if (segments.length < 2) return undefined;
		const code = segments[1];
		const entry = state.offers.get(code);
		if (!entry) return fail(400, 'No offer found by id.');
		const action = segments.slice(2).join('/');
		if (req.method === 'GET' && action === '') {
			const raw = req.query['sharing_channels[]'];
			const channels = raw === undefined ? [] : [].concat(raw);
			const wrong = channels.find((channel) => NO_CLAIM_LINK.includes(channel));
			if (wrong) return fail(400, `Wrong sharing channel: ${wrong}`);
			return ok({ offer: entry.offer, ...claimLinks(entry.offer, channels) });
		}
		if (req.method === 'GET' && action === 'claim_url_status') {
			const url = req.query.claim_url;
			if (url === undefined) return ok({ active: true });
			const known = [entry.offer.claim_url, ...Object.values(claimLinks(entry.offer, SOCIAL_CHANNELS).claim_links)];
			return ok({ active: known.includes(url) });
		}
		if (req.method === 'POST' && action === 'shares/email') return shares.email(req, entry);
		if (req.method === 'POST' && action === 'shares/social') return shares.social(req, entry);
		return undefined;
	}

	return { handle };
}

module.exports = { seedOffers, createOffers, createOffer };
