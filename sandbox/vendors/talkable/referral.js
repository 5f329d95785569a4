'use strict';
/**
 * Referral: PUT /origins/{slug}/referral (origin.js finds the origin and routes here). A referral
 * is created pending by a friend's purchase or event (origin.js); approving it pays the advocate
 * a reward with a new coupon and records the Referral webhook (state.webhooks).
 */
const { ok, fail, isObject, NOW } = require('./common');
const { issueReward } = require('./reward');

const STATUSES = ['pending', 'flagged', 'approved', 'voided', 'blocked'];

function createReferrals(state, people) {
	function update(req, origin) {
		const data = (req.body || {}).data;
		if (!isObject(data) || !STATUSES.includes(data.status)) {
			return fail(400, `\`status\` must be within [${STATUSES.join(', ')}]`);
		}
		const found = state.referrals.get(origin.slug);
		if (!found) return fail(400, 'No referral found for the origin.');
		const pair = [found.status, data.status].sort().join('>');
		if (pair === 'approved>voided' && found.status !== data.status) {
			return fail(400, `Referral cannot be moved from ${found.status} to ${data.status}`);
		}
		const advocate = people.find(found.advocate_person.email);
		if (found.status === 'pending' && advocate) advocate.referral_counts.pending -= 1;
		found.status = data.status;
		found.updated_at = NOW;
		if (data.status === 'approved' && !found.ad_rewarded) {
			found.ad_rewarded = true;
			if (advocate) {
				advocate.referral_counts.approved += 1;
				const { reward, coupon } = issueReward(state, advocate.email, 'referrer');
				coupon.reward = { id: reward.id, reason: reward.reason, status: reward.status };
				advocate.rewards.unshift(reward);
				advocate.reward_counts.total += 1;
				advocate.reward_counts.paid += 1;
				state.webhooks.push({ type: 'referral', referral_id: found.id, status: 'approved' });
			}
		}
		return ok({ referral: found });
	}

	return { update };
}

module.exports = { createReferrals };
