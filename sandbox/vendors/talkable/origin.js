'use strict';
/**
 * Origin: POST /origins (purchases, events, affiliate members, one at a time or in batches).
 * A purchase or event by a friend who claimed an advocate's offer creates a pending referral
 * (approving it: referral.js); PUT /origins/{slug}/referral and POST /origins/{slug}/refund are
 * routed here, to referral.js and refund.js, after the origin is found.
 */
const { ok, fail, isEmail, isObject, ISO, unpermitted, NOW, publicOrigin } = require('./common');
const { createOffer } = require('./offer');
const { createReferrals } = require('./referral');
const { createRefunds } = require('./refund');

const COMMON_FIELDS = [
	'email', 'first_name', 'last_name', 'username', 'customer_id', 'custom_properties', 'phone_number', 'campaign_tags',
	'sharing_channels', 'ip_address', 'uuid', 'created_at', 'traffic_source', 'segment1', 'segment2', 'segment3',
	'utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content',
];
const COMMERCE_FIELDS = ['subtotal', 'coupon_codes', 'currency_iso_code', 'shipping_address', 'shipping_zip', 'items'];
const FIELDS = {
	Purchase: [...COMMON_FIELDS, ...COMMERCE_FIELDS, 'order_number'],
	Event: [...COMMON_FIELDS, ...COMMERCE_FIELDS, 'event_category', 'event_number'],
	AffiliateMember: COMMON_FIELDS,
};

const slugOf = (type, data) =>
	type === 'Purchase' ? String(data.order_number) : type === 'Event' ? `${data.event_category}:${data.event_number}` : undefined;

/** Check one origin's data the way Talkable does; a response when refused. */
function validate(type, data) {
	if (!isObject(data)) return fail(400, 'Missing parameter: data');
	const refused = unpermitted(data, FIELDS[type]);
	if (refused) return refused;
	if (!isEmail(data.email)) return fail(400, "Email isn't valid");
	const required = type === 'Purchase' ? ['order_number', 'subtotal'] : type === 'Event' ? ['event_category', 'event_number', 'subtotal'] : [];
	for (const key of required) {
		if (data[key] === undefined || data[key] === null || data[key] === '') return fail(400, `\`${key}\` is required`);
	}
	if (data.subtotal !== undefined && typeof data.subtotal !== 'number') return fail(400, '`subtotal` must be a number');
	if (data.created_at !== undefined && !ISO.test(data.created_at)) return fail(400, '`created_at` is not a valid date');
	for (const key of ['coupon_codes', 'sharing_channels', 'items']) {
		if (data[key] !== undefined && !Array.isArray(data[key])) return fail(400, `\`${key}\` must be an array`);
	}
	if (data.custom_properties !== undefined && !isObject(data.custom_properties)) return fail(400, '`custom_properties` must be an object');
	return undefined;
}

function createOrigins(state, people) {
	const referrals = createReferrals(state, people);
	const refunds = createRefunds(state);

	/** Store one origin (after validation); a response for a refused duplicate. */
	function record(type, data) {
		const slug = slugOf(type, data);
		if (slug !== undefined && state.origins.has(slug)) {
			const existing = state.origins.get(slug);
			if (JSON.stringify(existing.data) !== JSON.stringify(data)) {
				const key = type === 'Purchase' ? 'order_number' : 'event_number';
				return { error: fail(400, `Duplicate entity: Talkable already has existing ${type} with the same ${key} but different data\n`) };
			}
			return { origin: existing, repeated: true };
		}
		const origin = {
			id: state.ids.origin++,
			type,
			slug: slug ?? `affiliate_member:${state.ids.origin}`,
			data,
			refunded_at: null,
			partially_refunded: false,
			refund_subtotal: null,
		};
		state.origins.set(origin.slug, origin);
		const person = people.ensure(data.email);
		person.events_count += 1;
		for (const key of ['first_name', 'last_name', 'username', 'customer_id', 'phone_number']) {
			if (data[key] !== undefined) person[key] = data[key];
		}
		if (data.custom_properties) person.custom_properties = { ...person.custom_properties, ...data.custom_properties };
		const claim = state.claims.get(data.email);
		if (claim && type !== 'AffiliateMember' && !claim.referralOrigin) {
			claim.referralOrigin = origin.slug;
			const advocate = people.ensure(claim.advocate);
			const referral = {
				referred_subtotal: data.subtotal,
				ad_rewarded: false,
				campaign_id: 145,
				created_at: NOW,
				fraud_details: null,
				id: state.ids.referral++,
				offer_id: claim.offerId,
				qa_generated: false,
				referred_origin_id: origin.id,
				status: 'pending',
				track_method: 'coupon',
				updated_at: NOW,
				advocate_person: { id: 1, email: advocate.email, phone_number: null, first_name: advocate.first_name, last_name: advocate.last_name },
				friend_person: { id: 2, email: data.email, phone_number: null, first_name: data.first_name ?? null, last_name: data.last_name ?? null },
			};
			state.referrals.set(origin.slug, referral);
			advocate.referrals.unshift(referral);
			advocate.referral_counts.total += 1;
			advocate.referral_counts.pending += 1;
			person.referrals_as_friend.unshift(referral);
		}
		return { origin };
	}

	function createOne(type, data) {
		const refused = validate(type, data);
		if (refused) return refused;
		const { error, origin, repeated } = record(type, data);
		if (error) return error;
		if (repeated) return ok({ origin: publicOrigin(origin), offer: origin.offer }, 201);
		const created = createOffer(state, data.email, data.sharing_channels);
		origin.offer = created.offer;
		return ok({ origin: publicOrigin(origin), ...created }, 201);
	}

	function batch(type, body) {
		if (!Array.isArray(body.data)) return fail(400, '`data` must be an array');
		// Asynchronous at Talkable: accepted as a whole, bad rows dropped without a word.
		const accepted = [];
		for (const data of body.data) {
			if (validate(type, data)) continue;
			const { error, origin } = record(type, data);
			if (!error) accepted.push(origin.slug);
		}
		state.batches.push({ type, size: body.data.length, accepted, create_offers: body.create_offers });
		return ok();
	}

	function handle(req, segments) {
		const body = req.body || {};
		if (req.method === 'POST' && segments.length === 1) {
			const types = ['AffiliateMember', 'Purchase', 'Event'];
			if (!types.includes(body.type)) return fail(400, `\`type\` must be within [${types.join(', ')}]`);
			return createOne(body.type, body.data);
		}
		if (req.method === 'POST' && segments.length === 2) {
			const type = { purchase: 'Purchase', event: 'Event', affiliate_member: 'AffiliateMember' }[segments[1]];
			if (type) return createOne(type, body.data);
		}
		if (req.method === 'POST' && segments.length === 3 && segments[1] === 'batch') {
			const type = { purchases: 'Purchase', events: 'Event', affiliate_members: 'AffiliateMember' }[segments[2]];
			if (type) return batch(type, body);
		}
		if (segments.length === 3 && ['referral', 'refund'].includes(segments[2])) {
			const origin = state.origins.get(segments[1]);
			if (req.method === 'PUT' && segments[2] === 'referral') return origin ? referrals.update(req, origin) : fail(400, 'No origin found by `origin_slug`.');
			if (req.method === 'POST' && segments[2] === 'refund') return origin ? refunds.create(req, origin) : fail(400, 'No origin found by `origin_slug`.');
		}
		return undefined;
	}

	return { handle };
}

module.exports = { createOrigins };
