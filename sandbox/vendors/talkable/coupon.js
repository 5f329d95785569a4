'use strict';
/**
 * Coupon: GET /coupons/{code} and /coupons/{code}/permission/{person_slug}; the seeded coupons
 * and the coupon shape (newCoupon, publicCoupon: the bookkeeping fields are not output).
 */
const { ok, fail } = require('./common');

function newCoupon(id, code, extra = {}) {
	return {
		amount: 10.0,
		description: '$10',
		code,
		expires_at: null,
		id,
		percentage_discount: false,
		single_use: true,
		used: false,
		active: true,
		usages: 0,
		valid_until: null,
		// sandbox-only bookkeeping, not output
		owner: null,
		issued: true,
		...extra,
	};
}
const publicCoupon = (c) => {
	const { owner, issued, ...rest } = c;
	return rest;
};

function seedCoupons() {
	return new Map([
		['COUPON_CODE_1', newCoupon(1, 'COUPON_CODE_1', { amount: 10.0, description: '10%', percentage_discount: true, owner: 'customer@example.com' })],
		['AD_5_OFF', newCoupon(2, 'AD_5_OFF', { amount: 5.0, description: '$5', owner: 'customer@example.com' })],
		['COUPON_CODE_7', newCoupon(3, 'COUPON_CODE_7', { description: '10%', percentage_discount: true, issued: false })],
		// The coupon of a friend who already claimed customer@example.com's offer (offerClaim.js).
		['FRIEND_10', newCoupon(4, 'FRIEND_10', { owner: 'new.friend@example.com' })],
	]);
}

function createCoupons(state, people) {
	function handle(req, segments) {
		if (req.method !== 'GET') return undefined;
		const found = state.coupons.get(segments[1]);
		if (segments.length === 2) {
			if (!found) return fail(400, 'No coupon found by `code`.');
			return ok({ talkable_coupon: true, coupon: publicCoupon(found), associated_reward: found.reward || null });
		}
		if (segments.length === 4 && segments[2] === 'permission') {
			if (!found) return fail(400, 'No coupon found by `code`.');
			const person = people.find(segments[3]);
			if (!person) return fail(400, 'No person found by `person_slug`.');
			const checks = {
				coupon_unissued: !found.issued,
				coupon_expired: false,
				friend_offer_expired: false,
				different_owner: found.issued && found.owner !== person.email,
				coupon_used: found.used,
			};
			const messages = {
				coupon_unissued: 'This coupon code has not been issued yet',
				different_owner: 'This coupon code belongs to another person',
				coupon_used: 'This coupon code has already been used',
			};
			const failed = Object.keys(checks).find((key) => checks[key]);
			return ok({
				talkable_coupon: true,
				coupon: publicCoupon(found),
				associated_reward: found.reward || null,
				allowed: !failed,
				error_message: failed ? messages[failed] : null,
				checks,
			});
		}
		return undefined;
	}

	return { handle };
}

module.exports = { seedCoupons, createCoupons, newCoupon, publicCoupon };
