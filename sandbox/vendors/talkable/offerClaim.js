'use strict';
/** Offer claim: POST /offer_claims (a friend claims an advocate's offer and gets a reward, once). */
const { ok, fail, isEmail } = require('./common');
const { issueReward } = require('./reward');

/** Claims: friend email → { advocate, offerId, coupon }. */
function seedClaims() {
	// A friend who already claimed customer@example.com's offer: their purchase makes a referral.
	return new Map([['new.friend@example.com', { advocate: 'customer@example.com', offerId: 1, coupon: 'FRIEND_10' }]]);
}

function createOfferClaims(state, people) {
	function create(req) {
		const { advocate_email: advocate, friend_email: friend } = req.query;
		if (!isEmail(advocate)) return fail(400, 'Invalid `advocate_email`.');
		if (!isEmail(friend)) return fail(400, 'Invalid `friend_email`.');
		const offer = [...state.offers.values()].find((entry) => entry.offer.email === advocate);
		if (!offer) return fail(400, 'No campaign found.');
		if (advocate === friend) {
			return ok({ friend_reward: null, friend_unredeem_reason: 'SELF_REFERRAL', friend_human_unredeem_reason: 'Self Referral' });
		}
		if (state.claims.has(friend)) {
			return ok({ friend_reward: null, friend_unredeem_reason: 'ALREADY_CLAIMED', friend_human_unredeem_reason: 'Already claimed' });
		}
		const { reward, coupon } = issueReward(state, friend, 'click');
		state.claims.set(friend, { advocate, offerId: offer.offer.id, coupon: coupon.code });
		people.ensure(friend);
		return ok({ friend_reward: reward, friend_unredeem_reason: null, friend_human_unredeem_reason: null });
	}

	function handle(req, segments) {
		return req.method === 'POST' && segments.length === 1 ? create(req) : undefined;
	}

	return { handle };
}

module.exports = { seedClaims, createOfferClaims };
