'use strict';
/**
 * Reward: GET /rewards?visitor_uuid=… (a visitor's rewards), and issueReward: the reward with a
 * new coupon that claims, referral approvals and loyalty redemptions pay.
 */
const { ok, fail } = require('./common');
const { newCoupon, publicCoupon } = require('./coupon');

function seedVisitorRewards() {
	return new Map([
		['123e4567-e89b-32d1-a456-426614174000', [
			{ amount: 10.0, id: 1, reason: 'referrer', status: 'Paid', coupon: null, coupon_code: null, incentive_type: 'rebate', incentive_description: '$10 back', incentive_custom_description: null },
		]],
	]);
}

/** A reward with a new coupon, for a person (advocate or friend). */
function issueReward(state, email, reason, amount = 10.0) {
	const couponId = ++state.ids.coupon;
	const code = `COUPON_CODE_${couponId}`;
	const coupon = newCoupon(couponId, code, { amount, description: `$${amount}`, owner: email });
	state.coupons.set(code, coupon);
	const reward = {
		amount,
		id: ++state.ids.reward,
		reason,
		status: 'Paid',
		coupon: publicCoupon(coupon),
		coupon_code: code,
		incentive_type: 'discount_coupon',
		incentive_description: `single use coupon for $${amount} off`,
		incentive_custom_description: null,
	};
	return { reward, coupon };
}

function createRewards(state) {
	function handle(req, segments) {
		if (req.method !== 'GET' || segments.length !== 1) return undefined;
		const uuid = req.query.visitor_uuid;
		if (!uuid) return fail(400, '`visitor_uuid` is required');
		return ok({ rewards: state.visitorRewards.get(uuid) || [] });
	}

	return { handle };
}

module.exports = { seedVisitorRewards, createRewards, issueReward };
