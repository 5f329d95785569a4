'use strict';
/**
 * TalkBox sandbox: the account (GET /account, PUT /account with the updatable properties).
 * `create(state)` puts the seed on the shared state and returns the routes:
 *   state.account        object: the account properties and statistics (GET /account; the counts
 *                        are refreshed from state.contacts on every answer)
 */
const { EMAIL, invalid, ok, unknownAttribute } = require('./common');

const ACCOUNT_UPDATABLE = [
	'street_address',
	'suburb',
	'postcode',
	'state',
	'country',
	'website',
	'public_email',
	'public_phone',
];

function create(state) {
	state.account = {
		created_at: '2015-01-20T09:41:04+11:00',
		name: 'The Pub On The Corner',
		contact_name: "Barry O'Manager",
		email: 'barry@tpotc.example.com',
		address: 'PO Box 4556, Brunswick',
		phone: '0423 456 789',
		street_address: 'Cnr. High Street and Low Road',
		suburb: 'Brunswick',
		postcode: '3056',
		state: 'VIC',
		country: 'Australia',
		website: 'http://www.tpotc.com.au',
		public_email: 'hello@tpotc.example.com',
		public_phone: '03 9876 5432',
		default_email_sender_detail_id: 123,
		default_sms_sender_detail_id: 456,
		auto_purchase_sms_credits_amount: 1000,
		timezone: 'Melbourne',
		sms_credit_price_ex_tax: '$0.0750',
		statistics_created_at: '2015-01-20T08:00:00+11:00',
		last_login: 1,
		last_send: 5,
		contacts_count: 0,
		thirty_day_change: 512,
		eligible_email_count: 0,
		eligible_sms_count: 0,
		forms: 3,
		auto_comms: 2,
	};

	function accountRoutes(req, segments) {
		if (segments.length !== 1) return undefined;
		const refresh = () => {
			const contacts = [...state.contacts.values()];
			state.account.contacts_count = contacts.length;
			state.account.eligible_email_count = contacts.filter((c) => c.email && c.email_subscribed).length;
			state.account.eligible_sms_count = contacts.filter((c) => c.mobile_number && c.mobile_subscribed).length;
			return ok({ ...state.account });
		};
		if (req.method === 'GET') return refresh();
		if (req.method === 'PUT') {
			const body = req.body || {};
			const keys = Object.keys(body);
			if (keys.length === 0) return invalid('No account properties given');
			for (const key of keys) {
				if (!ACCOUNT_UPDATABLE.includes(key)) {
					return key in state.account ? invalid(`${key} cannot be updated via the API`) : unknownAttribute(key);
				}
				if (typeof body[key] !== 'string') return invalid(`${key} must be a string`);
			}
			if (body.public_email !== undefined && body.public_email !== '' && !EMAIL.test(body.public_email)) {
				return invalid('Public email is invalid');
			}
			Object.assign(state.account, body);
			return refresh();
		}
		return undefined;
	}

	return { account: accountRoutes };
}

module.exports = { create };
