'use strict';
/**
 * Person: GET/PUT /people/{slug} and its sub-resources (referrals, rewards, shares, personal
 * data, unsubscribe, anonymize).
 */
const { ok, fail, isEmail, isObject, unpermitted, NOW } = require('./common');

function newPerson(email) {
	return {
		personal_claim_url: `https://share.mystore.com/by/${email}`,
		events_count: 0,
		first_name: null,
		last_name: null,
		email,
		phone_number: null,
		username: null,
		subscribed_at: null,
		unsubscribed_at: null,
		sub_choice: false,
		gated_param_subscribed: false,
		customer_id: null,
		custom_properties: {},
		referred_by: null,
		referral_counts: { total: 0, approved: 0, pending: 0 },
		reward_counts: { total: 0, unpaid: 0, paid: 0 },
		share_counts: { total: 0, facebook: 0, other: 0 },
		created_at: '2018-04-30T02:14:35.000-07:00',
		referrals: [],
		referrals_as_friend: [],
		rewards: [],
		shares: [],
	};
}

function seedPeople() {
	const people = new Map();
	const ann = newPerson('customer@example.com');
	Object.assign(ann, {
		first_name: 'John',
		last_name: 'Smith',
		customer_id: '1',
		custom_properties: { price_plan: 'platinum' },
		referral_counts: { total: 3, approved: 1, pending: 1 },
		reward_counts: { total: 2, unpaid: 1, paid: 1 },
		share_counts: { total: 2, facebook: 1, other: 1 },
	});
	const advocate = { id: 39198, email: 'customer@example.com', first_name: null, last_name: null };
	ann.referrals = [
		{ id: 4, status: 'pending', campaign_id: 145, offer_id: 71, track_method: 'coupon', referred_subtotal: 100, advocate_person: advocate, friend_person: { id: 39202, email: 'friend@example.com', first_name: null, last_name: null }, created_at: '2021-03-02T09:24:55.000-08:00' },
		{ id: 2, status: 'approved', campaign_id: 145, offer_id: 71, track_method: 'cookie', referred_subtotal: 100, advocate_person: advocate, friend_person: { id: 39200, email: 'john@example.com', first_name: 'John', last_name: null }, created_at: '2021-03-02T09:16:15.000-08:00' },
		{ id: 5332, status: 'blocked', campaign_id: 143, offer_id: 74, track_method: 'cookie', referred_subtotal: 23, advocate_person: advocate, friend_person: { id: 39202, email: 'friend@example.com', first_name: null, last_name: null }, fraud_details: 'Self Referral', created_at: '2021-03-15T04:44:55.000-07:00' },
	];
	ann.rewards = [
		{ amount: 5, id: 11, reason: 'referrer', status: 'Unpaid', coupon: null, coupon_code: null, incentive_type: 'discount_coupon' },
		{ amount: 5, id: 10, reason: 'referrer', status: 'Paid', coupon_code: 'AD_5_OFF', incentive_type: 'discount_coupon' },
	];
	ann.shares = [
		{ id: 11, short_url: 'https://www.talkable.com/x/8t9d2p', channel_identifier: 'facebook', type: 'SocialOfferShare', friends_count: 0, friend_clicks_count: 0 },
		{ id: 10, short_url: 'https://www.talkable.com/x/14PMvl', channel_identifier: 'other', type: 'SocialOfferShare', friends_count: 4, friend_clicks_count: 1 },
	];
	people.set(ann.email, ann);
	const friend = newPerson('friend@example.com');
	friend.referrals_as_friend = [ann.referrals[0]];
	people.set(friend.email, friend);
	return people;
}

const PUBLIC_FIELDS = [
	'personal_claim_url', 'events_count', 'first_name', 'last_name', 'email', 'phone_number', 'username', 'subscribed_at',
	'unsubscribed_at', 'sub_choice', 'gated_param_subscribed', 'customer_id', 'custom_properties', 'referred_by',
	'referral_counts', 'reward_counts', 'share_counts',
];
const publicPerson = (p) => Object.fromEntries(PUBLIC_FIELDS.map((k) => [k, p[k]]));
const personalData = (p) => ({
	created_at: p.created_at,
	customer_id: p.customer_id,
	email: p.email,
	first_name: p.first_name,
	last_name: p.last_name,
	opted_in_at: p.subscribed_at,
	unsubscribed_at: p.unsubscribed_at,
	username: p.username,
	origins: [{ type: 'AffiliateMember', created_at: p.created_at, ip_address: '1.2.3.4', order_number: p.email, subtotal: 0.0 }],
});

/** The `data` keys PUT /people/{slug} permits (the OpenAPI's updatePerson schema). */
const DATA_FIELDS = [
	'first_name', 'last_name', 'email', 'phone_number', 'username', 'customer_id', 'identifier_hash', 'custom_properties',
	'gated_param_subscribed', 'unsubscribed', 'unsubscribed_at',
];
const E164 = /^\+[1-9]\d{6,14}$/;

function createPeople(state) {
	const find = (slug) =>
		state.people.get(slug) ||
		[...state.people.values()].find(
			(p) => p.username === slug || (p.customer_id !== null && p.customer_id === slug) || (p.phone_number && p.phone_number === slug),
		);

	/** A person by email, created when missing (origins, claims). */
	function ensure(email) {
		let person = state.people.get(email);
		if (!person) {
			person = newPerson(email);
			state.people.set(email, person);
		}
		return person;
	}

	function upsert(slug, data) {
		if (!isObject(data) || Object.keys(data).length === 0) return fail(400, 'Missing parameter: data');
		const refused = unpermitted(data, DATA_FIELDS);
		if (refused) return refused;
		if (data.email !== undefined && !isEmail(data.email)) return fail(422, "Validation failed: Email isn't valid");
		if (data.phone_number !== undefined && data.phone_number !== null && !E164.test(data.phone_number)) {
			return fail(422, 'Validation failed: Phone number is invalid');
		}
		if (data.custom_properties !== undefined && !isObject(data.custom_properties)) {
			return fail(400, '`custom_properties` must be an object');
		}
		let person = find(slug);
		if (!person) {
			const email = isEmail(slug) ? slug : data.email;
			if (!isEmail(email)) return fail(422, "Validation failed: Email isn't valid");
			person = newPerson(email);
			state.people.set(email, person);
		}
		if (data.username && [...state.people.values()].some((p) => p !== person && p.username === data.username)) {
			return fail(422, 'Validation failed: Username has already been taken');
		}
		for (const key of ['first_name', 'last_name', 'username', 'customer_id', 'phone_number', 'gated_param_subscribed', 'identifier_hash']) {
			if (key in data) person[key] = data[key];
		}
		if (data.email && data.email !== person.email) {
			state.people.delete(person.email);
			person.email = data.email;
			state.people.set(person.email, person);
		}
		if (data.unsubscribed === true) {
			person.unsubscribed_at = data.unsubscribed_at || person.unsubscribed_at || NOW;
			person.sub_choice = false;
		} else if (data.unsubscribed === false) {
			person.unsubscribed_at = null;
		} else if (data.unsubscribed_at) {
			person.unsubscribed_at = data.unsubscribed_at;
		}
		if (data.custom_properties) person.custom_properties = { ...person.custom_properties, ...data.custom_properties };
		if (person.username) person.personal_claim_url = `https://share.mystore.com/by/${person.username}`;
		return ok({ person: publicPerson(person) });
	}

	function handle(req, segments) {
		if (segments.length < 2 || segments.length > 3) return undefined;
		const [, slug, action] = segments;
		if (req.method === 'PUT' && !action) return upsert(slug, req.body && req.body.data);

		const person = find(slug);
		// The current OpenAPI: an unknown person is a 400 with this message (not a 404).
		if (!person) return fail(400, 'No person found by `person_slug`.');
		if (req.method === 'GET') {
			switch (action) {
				case undefined:
					return ok({ person: publicPerson(person) });
				case 'referrals_as_advocate':
					return ok({ referrals: person.referrals });
				case 'referrals_as_friend':
					return ok({ referrals: person.referrals_as_friend });
				case 'rewards':
					return ok({ rewards: person.rewards });
				case 'shares_by':
					return ok({ shares: person.shares });
				case 'personal_data':
					return ok({ person: personalData(person) });
				default:
					return undefined;
			}
		}
		if (req.method === 'POST' && action === 'unsubscribe') {
			person.unsubscribed_at = person.unsubscribed_at || '2014-11-18T05:49:54.000-07:00';
			person.sub_choice = false;
			return ok({ person: publicPerson(person) });
		}
		if (req.method === 'POST' && action === 'anonymize') {
			state.anonymized += 1;
			state.people.delete(person.email);
			Object.assign(person, {
				email: `b19b4a80-3bb2-48f2-831a-${String(state.anonymized).padStart(12, '0')}@anonymized.email`,
				first_name: null,
				last_name: null,
				username: null,
				customer_id: null,
				phone_number: null,
				personal_claim_url: null,
			});
			state.people.set(person.email, person);
			return ok({ person: publicPerson(person) });
		}
		return undefined;
	}

	return { handle, ensure, find };
}

module.exports = { seedPeople, createPeople };
