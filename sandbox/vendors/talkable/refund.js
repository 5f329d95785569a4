'use strict';
/**
 * Refund: POST /origins/{slug}/refund (origin.js finds the origin and routes here); it voids
 * the origin's referral unless that was approved.
 */
const { ok, fail, isObject, ISO, unpermitted, NOW, publicOrigin } = require('./common');

function createRefunds(state) {
	function create(req, origin) {
		const data = (req.body || {}).data || {};
		if (!isObject(data)) return fail(400, '`data` must be an object');
		const refused = unpermitted(data, ['refunded_at', 'refund_subtotal']);
		if (refused) return refused;
		if (origin.refunded_at) return fail(400, 'Origin has already been refunded');
		if (data.refunded_at !== undefined && !ISO.test(data.refunded_at)) return fail(400, '`refunded_at` is not a valid date');
		if (data.refund_subtotal !== undefined && typeof data.refund_subtotal !== 'number') {
			return fail(400, '`refund_subtotal` must be a number');
		}
		origin.refunded_at = data.refunded_at || NOW;
		origin.refund_subtotal = data.refund_subtotal ?? origin.data.subtotal ?? null;
		origin.partially_refunded = data.refund_subtotal !== undefined && data.refund_subtotal < (origin.data.subtotal ?? 0);
		const found = state.referrals.get(origin.slug);
		if (found && found.status !== 'approved') found.status = 'voided';
		return ok({ origin: publicOrigin(origin) });
	}

	return { create };
}

module.exports = { createRefunds };
