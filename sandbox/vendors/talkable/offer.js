'use strict';
/**
 * Offers, shares, offer claims, coupons, rewards, visitors and visitor offers: what a purchase
 * or a claim creates and what a referral approval pays out.
 */
const { ok, fail, isEmail, isObject, NOW } = require('./common');

const SOCIAL_CHANNELS = ['facebook', 'twitter', 'linkedin', 'whatsapp', 'sms', 'other'];
const NO_CLAIM_LINK = ['email', 'reminder', 'facebook_sponsored', 'coupon'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL_SHARE_LIMIT = 25;

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

function seedOffers(state) {
	state.ids = { offer: 1, coupon: 4, reward: 100, share: 20, visitorOffer: 43, asset: 3, origin: 1, referral: 6000, action: 1 };
	state.coupons = new Map([
		['COUPON_CODE_1', newCoupon(1, 'COUPON_CODE_1', { amount: 10.0, description: '10%', percentage_discount: true, owner: 'customer@example.com' })],
		['AD_5_OFF', newCoupon(2, 'AD_5_OFF', { amount: 5.0, description: '$5', owner: 'customer@example.com' })],
		['COUPON_CODE_7', newCoupon(3, 'COUPON_CODE_7', { description: '10%', percentage_discount: true, issued: false })],
	]);
	state.offers = new Map();
	state.claims = new Map(); // friend email → { advocate, offerId, coupon }
	state.visitors = new Set(['123e4567-e89b-32d1-a456-426614174000']);
	state.visitorRewards = new Map([
		['123e4567-e89b-32d1-a456-426614174000', [
			{ amount: 10.0, id: 1, reason: 'referrer', status: 'Paid', coupon: null, coupon_code: null, incentive_type: 'rebate', incentive_description: '$10 back', incentive_custom_description: null },
		]],
	]);
	state.visitorOffers = new Map([[42, { id: 42, visited_at: null }]]);
	createOffer(state, 'customer@example.com', [], 'mwCn1l');
	// A friend who already claimed customer@example.com's offer: their purchase makes a referral.
	state.coupons.set('FRIEND_10', newCoupon(4, 'FRIEND_10', { owner: 'new.friend@example.com' }));
	state.claims.set('new.friend@example.com', { advocate: 'customer@example.com', offerId: 1, coupon: 'FRIEND_10' });
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

function createOffers(state, people) {
	function offerRoute(req, segments) {
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
		if (req.method === 'POST' && action === 'shares/email') return emailShare(req, entry);
		if (req.method === 'POST' && action === 'shares/social') return socialShare(req, entry);
		return undefined;
	}

	function emailShare(req, entry) {
		const body = req.body || {};
		if (typeof body.recipients !== 'string' || body.recipients.trim() === '') return fail(400, '`recipients` is required');
		const emails = body.recipients.split(/[,\n]/).map((e) => e.trim()).filter(Boolean);
		const validationOnly = body.validation_only === true;
		const recipients = {};
		let currentlySent = 0;
		let previouslySent = 0;
		for (const email of emails) {
			const valid = isEmail(email);
			const self = email === entry.offer.email;
			const previously = entry.emailed.has(email);
			const sharable = valid && !self && (!previously || body.reminder === true);
			const limitLeft = EMAIL_SHARE_LIMIT - entry.emailed.size;
			const send = sharable && limitLeft > 0;
			if (send && !validationOnly) {
				entry.emailed.add(email);
				currentlySent += 1;
			} else if (send) {
				currentlySent += 1;
			}
			if (previously) previouslySent += 1;
			recipients[email] = {
				currently_sent: send && !validationOnly,
				previously_sent: previously,
				email_valid: valid,
				self_referral: self,
				unsubscribed: false,
				blocklisted: false,
				blacklisted: false,
				meets_criteria: true,
				sharable,
			};
		}
		if (!validationOnly && currentlySent > 0) {
			entry.shares.push({ id: ++state.ids.share, channel_identifier: 'email', subject: body.subject ?? null, body: body.body ?? null });
		}
		return ok({
			success: true,
			validation_only: validationOnly,
			stats: {
				currently_sent: validationOnly ? 0 : currentlySent,
				currently_not_sent: emails.length - (validationOnly ? 0 : currentlySent),
				previously_sent: previouslySent,
				total_sent: entry.emailed.size,
				sent_limit_exceeded: entry.emailed.size >= EMAIL_SHARE_LIMIT,
				left_emails: EMAIL_SHARE_LIMIT - entry.emailed.size,
				advocate_blocked: false,
			},
			recipients,
		});
	}

	function socialShare(req, entry) {
		const channel = (req.body || {}).channel;
		if (!SOCIAL_CHANNELS.includes(channel)) return fail(400, '`channel` is invalid');
		const share = {
			shared_at: NOW,
			short_url: `https://share.my-store.com/x/${channel}-${entry.offer.short_url_code}`,
			channel_identifier: channel,
			id: ++state.ids.share,
			type: 'SocialOfferShare',
			offer: entry.offer,
		};
		entry.shares.push(share);
		const advocate = people.find(entry.offer.email);
		if (advocate) advocate.shares.unshift({ id: share.id, short_url: share.short_url, channel_identifier: channel, type: share.type, friends_count: 0, friend_clicks_count: 0 });
		return ok({ share, reward: null });
	}

	function offerClaim(req) {
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

	function coupon(req, segments) {
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

	function visitorOffer(req, segments) {
		if (req.method !== 'PUT' || segments.length !== 3 || segments[2] !== 'track_visit') return undefined;
		const entry = state.visitorOffers.get(Number(segments[1]));
		if (!entry || !/^\d+$/.test(segments[1])) return fail(400, 'No visitor offer found by id.');
		entry.visited_at = entry.visited_at || NOW;
		return ok();
	}

	function visitor(req) {
		const data = (req.body || {}).data;
		if (!isObject(data) || !UUID.test(String(data.uuid || ''))) return fail(400, '`uuid` is invalid');
		state.visitors.add(data.uuid);
		return ok({ uuid: data.uuid });
	}

	function rewards(req) {
		const uuid = req.query.visitor_uuid;
		if (!uuid) return fail(400, '`visitor_uuid` is required');
		return ok({ rewards: state.visitorRewards.get(uuid) || [] });
	}

	function handle(req, segments) {
		switch (segments[0]) {
			case 'offers':
				return segments.length >= 2 ? offerRoute(req, segments) : undefined;
			case 'offer_claims':
				return req.method === 'POST' && segments.length === 1 ? offerClaim(req) : undefined;
			case 'coupons':
				return coupon(req, segments);
			case 'visitor_offers':
				return visitorOffer(req, segments);
			case 'visitors':
				return req.method === 'POST' && segments.length === 1 ? visitor(req) : undefined;
			case 'rewards':
				return req.method === 'GET' && segments.length === 1 ? rewards(req) : undefined;
			default:
				return undefined;
		}
	}

	return { handle };
}

module.exports = { seedOffers, createOffers, createOffer, issueReward, publicCoupon };
