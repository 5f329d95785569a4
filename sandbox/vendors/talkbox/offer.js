'use strict';
/**
 * TalkBox sandbox: offers (/offers, /offers/:id; bodies as `{ offer: { … } }`; GET /offers/:id adds
 * the voucher stats). `create(state, helpers)` puts the seed on the shared state and returns the routes:
 *   state.offers         Map id → offer (dates as the API renders them)
 */
const { collectionRoutes, error, invalid, iso, isSet, ok, parseLooseTimestamp, unknownAttribute } = require('./common');

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const OFFER_KEYS = [
	'name',
	'description',
	'duration',
	'archived',
	'valid_from',
	'valid_to',
	'valid_from_datetime',
	'valid_to_datetime',
	'user_data',
	'reminder_message_ids',
	'expiry_message_id',
	'redemption_message_id',
	'creation_message_id',
	'restrict_days',
	'restrict_from_time',
	'restrict_to_time',
];

function create(state, helpers) {
	const { newId } = helpers;
	const now = () => state.clock();
	const baseOffer = {
		duration: null,
		user_data: {},
		archived: false,
		valid_from: null,
		valid_to: null,
		valid_from_datetime: null,
		valid_to_datetime: null,
		reminder_message_ids: [],
		expiry_message_id: null,
		redemption_message_id: null,
		creation_message_id: null,
		provider: 'talkbox',
		restrict_days: null,
		restrict_from_time: null,
		restrict_to_time: null,
		offer_type: 'Promo Code',
	};
	state.offers = new Map([
		[1, { id: 1, name: 'My custom voucher', description: 'Buy 1 Get 1 Free', ...baseOffer, created_at: '2024-01-12T04:28:51Z' }],
		[
			2,
			{
				id: 2,
				name: 'Free Pie',
				description: 'Footscray store only',
				...baseOffer,
				duration: 30,
				restrict_days: ['Monday', 'Tuesday'],
				created_at: '2024-01-20T01:00:00Z',
			},
		],
	]);

	const ddmmyyyy = (value) => {
		const ms = Date.parse(String(value).slice(0, 10));
		if (Number.isNaN(ms)) return undefined;
		const date = new Date(ms);
		return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
	};

	/** Apply an `offer[...]` hash to a record (create: record is fresh). Returns an error reply or undefined. */
	function applyOffer(record, offer, isCreate) {
		if (!offer || typeof offer !== 'object' || Array.isArray(offer)) {
			return error(400, 400, 'param is missing or the value is empty: offer');
		}
		const unknown = Object.keys(offer).find((key) => !OFFER_KEYS.includes(key));
		if (unknown) return unknownAttribute(unknown);
		if (isCreate && !isSet(offer.name)) return invalid('offer[name] is required');
		if (isCreate && !isSet(offer.description)) return invalid('offer[description] is required');
		if (offer.name !== undefined && !isSet(offer.name)) return invalid('offer[name] cannot be blank');
		if (offer.description !== undefined) {
			if (typeof offer.description !== 'string' || !isSet(offer.description)) return invalid('offer[description] cannot be blank');
			if (offer.description.length > 150) return invalid('offer[description] is too long (maximum is 150 characters)');
			if (/[\r\n]/.test(offer.description)) return invalid('offer[description] cannot contain line breaks');
		}
		if (offer.duration !== undefined && offer.duration !== null && !Number.isInteger(offer.duration)) {
			return invalid('offer[duration] must be an integer');
		}
		if (offer.archived !== undefined && typeof offer.archived !== 'boolean') return invalid('offer[archived] must be true or false');
		for (const key of ['valid_from', 'valid_to', 'valid_from_datetime', 'valid_to_datetime']) {
			if (isSet(offer[key]) && parseLooseTimestamp(offer[key]) === undefined) return invalid(`offer[${key}] is not a timestamp`);
		}
		if (offer.user_data !== undefined && (typeof offer.user_data !== 'object' || Array.isArray(offer.user_data))) {
			return invalid('offer[user_data] must be a hash');
		}
		if (offer.reminder_message_ids !== undefined) {
			if (!Array.isArray(offer.reminder_message_ids) || !offer.reminder_message_ids.every(Number.isInteger)) {
				return invalid('offer[reminder_message_ids] must be an array of promotion IDs');
			}
		}
		for (const key of ['expiry_message_id', 'redemption_message_id', 'creation_message_id']) {
			if (isSet(offer[key]) && !Number.isInteger(offer[key])) return invalid(`offer[${key}] must be a promotion ID`);
		}
		if (offer.restrict_days !== undefined && offer.restrict_days !== null) {
			if (!Array.isArray(offer.restrict_days)) return invalid('offer[restrict_days] must be a list of days');
			const bad = offer.restrict_days.find((day) => !WEEKDAYS.includes(day));
			if (bad !== undefined) return invalid(`offer[restrict_days] contains an invalid day: ${bad}`);
		}
		for (const key of OFFER_KEYS) {
			if (offer[key] === undefined) continue;
			record[key] = offer[key];
		}
		if (isSet(offer.valid_from)) record.valid_from = ddmmyyyy(offer.valid_from);
		if (isSet(offer.valid_to)) record.valid_to = ddmmyyyy(offer.valid_to);
		if (Array.isArray(offer.restrict_days)) record.restrict_days = WEEKDAYS.filter((day) => offer.restrict_days.includes(day));
		// A time window needs both ends; one alone is ignored.
		if (!isSet(record.restrict_from_time) || !isSet(record.restrict_to_time)) {
			record.restrict_from_time = null;
			record.restrict_to_time = null;
		}
		return undefined;
	}

	function offerStats(offerId) {
		const list = state.vouchers.filter((voucher) => voucher.offer_id === offerId);
		const statuses = list.map(state.campaigns.voucherStatus);
		return {
			total: list.length,
			redeemable: statuses.filter((status) => status === 'redeemable').length,
			redeemed: statuses.filter((status) => status === 'redeemed').length,
			unused: statuses.filter((status) => status === 'after_valid_period' || status === 'before_valid_period').length,
		};
	}

	const offers = collectionRoutes(state, 'offers', 'Offer', {
		create(req) {
			const record = { id: newId(), name: null, description: null, ...baseOffer, user_data: null, created_at: iso(now()) };
			const problem = applyOffer(record, req.body && req.body.offer, true);
			if (problem) return problem;
			state.offers.set(record.id, record);
			return ok(record);
		},
		get: (offer) => ok({ ...offer, stats: offerStats(offer.id) }),
		update(offer, req) {
			const updated = { ...offer };
			const problem = applyOffer(updated, req.body && req.body.offer, false);
			if (problem) return problem;
			state.offers.set(offer.id, updated);
			return ok(updated);
		},
	});

	return { offers };
}

module.exports = { create };
