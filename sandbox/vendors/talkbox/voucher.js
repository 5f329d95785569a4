'use strict';
/**
 * TalkBox sandbox: vouchers (GET /vouchers, filtered and paged; GET/PUT /vouchers/:id, the redemption;
 * GET /contacts/:id/vouchers). A voucher is redeemed once. `create(state, helpers)` puts the seed on
 * the shared state and returns the routes:
 *   state.vouchers       Array of vouchers (id, string_id, offer_id, contact_id, …; status is computed)
 *   state.campaigns      gets voucherStatus(voucher) and renderVoucher(voucher) (offer.js counts by status)
 */
const { allContacts, error, invalid, iso, isSet, notFound, parseLooseTimestamp } = require('./common');

/** Seeded vouchers (by index) that are already redeemed. */
const REDEEMED_SEED = [1, 2, 5, 10, 13, 17];

function create(state, helpers) {
	const { paginate } = helpers;
	const now = () => state.clock();

	// 23 vouchers (ids 1..23) for contacts 300..304, one day apart from 2024-02-01; every fourth is a
	// string voucher; 6 redeemed, 3 expired (indices 4, 8, 12), 1 not yet valid (index 22).
	state.vouchers = [];
	const voucherStart = Date.UTC(2024, 1, 1, 3, 45, 55);
	for (let index = 0; index < 23; index++) {
		const offerId = index % 2 === 0 ? 2 : 1;
		const createdAt = voucherStart + index * 86_400_000;
		const redeemed = REDEEMED_SEED.includes(index);
		state.vouchers.push({
			id: index + 1,
			string_id: index % 4 === 3 ? `Y8VS${String(index).padStart(2, '0')}MZ` : null,
			offer_id: offerId,
			name: offerId === 2 ? 'Free Pie' : 'My custom voucher',
			description: offerId === 2 ? 'Footscray store only' : 'Buy 1 Get 1 Free',
			created_at: iso(createdAt),
			redeemed_at: redeemed ? iso(createdAt + 2 * 86_400_000) : null,
			valid_to: null,
			valid_from: index === 22 ? '2099-01-01' : null,
			expires_at: index === 4 || index === 8 || index === 12 ? iso(createdAt + 10 * 86_400_000) : null,
			user_data: {},
			url: `https://talkbox.impactapp.com.au/recipients/r${index}/offers/o${offerId}/voucher`,
			contact_id: 300 + (index % 5),
			communication_id: 10567000 + (index % 23),
			promotion_id: 10023789,
			external_identifier: `ext-${300 + (index % 5)}`,
		});
	}

	function voucherStatus(voucher) {
		const at = now();
		if (voucher.redeemed_at) return 'redeemed';
		if (voucher.valid_from && Date.parse(voucher.valid_from) > at) return 'before_valid_period';
		if ((voucher.expires_at && Date.parse(voucher.expires_at) < at) || (voucher.valid_to && Date.parse(voucher.valid_to) < at)) {
			return 'after_valid_period';
		}
		return 'redeemable';
	}
	const renderVoucher = (voucher) => {
		const { offer_id: _offer, ...visible } = voucher;
		return { ...visible, status: voucherStatus(voucher) };
	};
	Object.assign(state.campaigns, { voucherStatus, renderVoucher });

	const findVoucher = (key) =>
		state.vouchers.find((voucher) => String(voucher.id) === key || (voucher.string_id && voucher.string_id === key));

	function filterVouchers(query) {
		let list = state.vouchers;
		const contactKeys = ['contact_id', 'external_identifier', 'email', 'mobile_number'].filter((key) => isSet(query[key]));
		if (contactKeys.length) {
			const matches = allContacts(state).filter((contact) =>
				contactKeys.every((key) =>
					key === 'contact_id'
						? String(contact.id) === String(query.contact_id)
						: key === 'email'
							? String(contact.email ?? '').toLowerCase() === String(query.email).toLowerCase()
							: String(contact[key] ?? '') === String(query[key]),
				),
			);
			const ids = new Set(matches.map((contact) => contact.id));
			list = list.filter((voucher) => ids.has(voucher.contact_id));
		}
		for (const [key, field, after] of [
			['issued_after', 'created_at', true],
			['issued_before', 'created_at', false],
			['redeemed_after', 'redeemed_at', true],
			['redeemed_before', 'redeemed_at', false],
		]) {
			if (!isSet(query[key])) continue;
			const bound = parseLooseTimestamp(query[key]);
			if (bound === undefined) return { error: error(400, 400, `${key} must be an ISO-8601 timestamp`) };
			list = list.filter((voucher) => {
				if (!voucher[field]) return false;
				const at = Date.parse(voucher[field]);
				return after ? at > bound : at < bound;
			});
		}
		if (isSet(query.status)) {
			if (!['redeemable', 'redeemed', 'before_valid_period', 'after_valid_period'].includes(query.status)) {
				return { error: invalid(`status ${query.status} is not valid`) };
			}
			list = list.filter((voucher) => voucherStatus(voucher) === query.status);
		}
		return { list };
	}

	function vouchers(req, segments) {
		if (segments.length === 1 && req.method === 'GET') {
			const filtered = filterVouchers(req.query);
			if (filtered.error) return filtered.error;
			const page = paginate(filtered.list, req.query);
			return page.error ?? { status: 200, body: page.items.map(renderVoucher) };
		}
		if (segments.length !== 2) return undefined;
		const voucher = findVoucher(segments[1]);
		if (!voucher) return notFound(`Voucher ${segments[1]}`);
		if (req.method === 'GET') return { status: 200, body: renderVoucher(voucher) };
		if (req.method === 'PUT') {
			const body = req.body && typeof req.body === 'object' ? req.body : {};
			if (body.redeemed !== true) return invalid('redeemed must be true');
			const status = voucherStatus(voucher);
			if (status === 'redeemed') return invalid('Voucher has already been redeemed');
			if (status === 'after_valid_period') return invalid('Voucher has expired');
			if (status === 'before_valid_period') return invalid('Voucher is not yet valid');
			voucher.redeemed_at = iso(now());
			if (isSet(body.recipient_id)) voucher.redeemed_by_recipient_id = String(body.recipient_id);
			return { status: 200, body: renderVoucher(voucher) };
		}
		return undefined;
	}

	function contactVouchers(req, segments) {
		if (req.method !== 'GET' || segments.length !== 3 || segments[2] !== 'vouchers') return undefined;
		const contactId = Number(segments[1]);
		if (!(state.contacts instanceof Map) || !state.contacts.has(contactId)) {
			return notFound(`Contact ${segments[1]}`);
		}
		const filtered = filterVouchers({ contact_id: contactId, status: req.query.status });
		if (filtered.error) return filtered.error;
		return { status: 200, body: filtered.list.map(renderVoucher) };
	}

	return { vouchers, contacts: contactVouchers };
}

module.exports = { create };
