'use strict';
/**
 * PersonaClick subscriptions (seed doc): /subscriptions/manage, /callback, /check, /changes
 * (offset/limit, at most 20,000 per request, from/to dates, event and channel filters) and
 * /confirm_email. Contacts live in `state.contacts`, the change log in `state.changes`
 * (ascending by datetime; the shape a polling trigger reads).
 */
const { ok, fail, failNested, EMAIL, PHONE, DATE, CHANNELS, CAMPAIGN_TYPES, FLAGS, IDENTIFIERS, formatDatetime, wallTimeToMs, newContact } = require('./common');

const MAX_LIMIT = 20000;
const CONTACT_TYPE = { email: 'email', sms: 'sms', web_push: 'wpush', mobile_push: 'mpush' };
const CALLBACK_EVENTS = ['hard_bounced', 'complained', 'blacklisted', 'unsubscribed'];
const CHANGE_EVENTS = ['subscribe', 'unsubscribe', 'hard_bounced', 'complained', 'blacklisted'];
const CHANGE_CHANNELS = [
	'email_feedback_processing', 'api', 'api_callback', 'popup', 'import', 'crm', 'unsubscribe_page', 'resubscribe_page',
];

function seedContacts() {
	return [
		newContact({
			email: 'john.doe@examplemail.com',
			phone: '+15550100001',
			external_id: 'cust-1',
			loyalty_id: 'card-1',
			email_confirmed: true,
			email_bulk: true,
			email_chain: true,
			email_transactional: true,
			sms_transactional: true,
			web_push: true,
			web_push_bulk: true,
		}),
		newContact({
			email: 'jane.roe@examplemail.com',
			phone: '+447700900123',
			telegram_id: '987654321',
			email_transactional: true,
			sms_bulk: true,
			sms_chain: true,
			sms_transactional: true,
		}),
	];
}

/**
 * 45 changes within the last 24 hours (one every 20 minutes, oldest first) and 5 on
 * 2021-05-04/05 (the doc's example period), so that paging and period filters both mean something.
 */
function seedChanges(now) {
	const old = [
		['email', 'old1@examplemail.com', 'bulk', 'subscribe', 'import', '2021-05-04T08:00:00.000'],
		['email', 'old2@examplemail.com', 'chain', 'subscribe', 'import', '2021-05-04T12:30:00.000'],
		['sms', '+15550100077', 'bulk', 'unsubscribe', 'crm', '2021-05-04T23:59:59.000'],
		['email', 'old3@examplemail.com', 'everything', 'hard_bounced', 'email_feedback_processing', '2021-05-05T09:15:00.000'],
		['email', 'old4@examplemail.com', 'bulk', 'subscribe', 'popup', '2021-05-06T00:00:01.000'],
	].map(([contact_type, contact, campaign_type, event, channel, datetime]) => ({
		contact_type, contact, campaign_type, event, channel, datetime, ip: '192.168.0.1',
	}));
	const recent = Array.from({ length: 45 }, (_, index) => {
		const n = index + 1;
		return {
			contact_type: n % 5 === 0 ? 'sms' : 'email',
			contact: n % 5 === 0 ? `+1555010${String(1000 + n)}` : `seed${n}@examplemail.com`,
			campaign_type: CAMPAIGN_TYPES[n % 3],
			event: n % 4 === 0 ? 'unsubscribe' : 'subscribe',
			channel: n % 3 === 0 ? 'popup' : 'import',
			datetime: formatDatetime(now - (45 - index) * 20 * 60 * 1000),
			ip: `10.0.0.${n}`,
		};
	});
	return [...old, ...recent];
}

/** The instant a day (`YYYY-MM-DD`) starts in `zone`. */
const dayStart = (date, zone) => wallTimeToMs(`${date}T00:00:00.000`, zone);
const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00.000Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** The subscription routes over the shared state (`log` appends to the change log). */
function subscriptionRoutes(state) {
	const log = (entry) =>
		state.changes.push({ ip: '127.0.0.1', datetime: formatDatetime(state.now(), state.zone), ...entry });

	const findBy = (key, value) => state.contacts.find((contact) => contact[key] === value);

	function manage(params) {
		const given = IDENTIFIERS.filter((key) => params[key] !== undefined && params[key] !== '');
		if (given.length === 0) return fail(404, 'There are no mandatory parameters in the request');
		for (const key of given) {
			if (typeof params[key] !== 'string') return fail(400, `${key} must be a string`);
		}
		if (params.email !== undefined && !EMAIL.test(params.email)) return fail(400, 'Invalid email');
		if (params.phone !== undefined && !PHONE.test(params.phone)) return fail(400, 'Invalid phone');
		const flags = FLAGS.filter((flag) => flag in params);
		if (flags.length === 0) return fail(400, 'There are no parameters to change the status of subscriptions');
		const values = {};
		for (const flag of flags) {
			const value = params[flag];
			if (value === true || value === 'true') values[flag] = true;
			else if (value === false || value === 'false') values[flag] = false;
			else return fail(400, `${flag} must be a boolean`);
		}
		let contact = given.map((key) => findBy(key, params[key])).find(Boolean);
		if (!contact) {
			contact = newContact({});
			state.contacts.push(contact);
		}
		delete contact.removed;
		for (const key of given) contact[key] = params[key];
		for (const flag of flags) {
			contact[flag] = values[flag];
			const channel = CHANNELS.find((name) => flag.startsWith(`${name}_`));
			const contactValue =
				channel === 'email' ? contact.email : channel === 'sms' ? contact.phone : params[given[0]];
			log({
				contact_type: CONTACT_TYPE[channel],
				contact: contactValue ?? params[given[0]],
				campaign_type: flag.slice(channel.length + 1),
				event: values[flag] ? 'subscribe' : 'unsubscribe',
				channel: 'api',
			});
		}
		contact.web_push = contact.web_push || CAMPAIGN_TYPES.some((type) => contact[`web_push_${type}`]);
		contact.mobile_push = contact.mobile_push || CAMPAIGN_TYPES.some((type) => contact[`mobile_push_${type}`]);
		return ok();
	}

	function callback(params) {
		if (params.email === undefined || params.email === '') {
			return fail(404, 'There are no mandatory parameters in the request');
		}
		if (!CALLBACK_EVENTS.includes(params.event)) {
			return fail(400, `Incorrect event: use one of ${CALLBACK_EVENTS.join(', ')}`);
		}
		if (!EMAIL.test(params.email)) return fail(400, 'Invalid email');
		let contact = findBy('email', params.email);
		if (!contact) {
			contact = newContact({ email: params.email });
			state.contacts.push(contact);
		}
		for (const type of CAMPAIGN_TYPES) contact[`email_${type}`] = false;
		if (params.event === 'hard_bounced') {
			// "Permanently removes the email from the database": only the bounce mark remains.
			state.contacts.splice(state.contacts.indexOf(contact), 1);
			state.contacts.push(newContact({ email: params.email, email_bounced: true, removed: true }));
		}
		if (params.event === 'complained') contact.email_suppressed = true;
		if (params.event === 'blacklisted') contact.email_blacklisted = true;
		log({
			contact_type: 'email',
			contact: params.email,
			campaign_type: 'everything',
			event: params.event === 'unsubscribed' ? 'unsubscribe' : params.event,
			channel: 'api_callback',
		});
		return ok();
	}

	const CHECK_FIELDS = [
		'email_confirmed', 'email_bulk', 'email_chain', 'email_transactional', 'email_bounced', 'email_suppressed',
		'email_blacklisted', 'email_invalid', 'sms_bulk', 'sms_chain', 'sms_transactional', 'web_push',
		'web_push_bulk', 'web_push_chain', 'web_push_transactional', 'mobile_push', 'mobile_push_bulk',
		'mobile_push_chain', 'mobile_push_transactional', 'telegram_bulk', 'telegram_chain', 'telegram_transactional',
	];

	function check(params) {
		const email = params.email;
		const phone = params.phone;
		if (!email && !phone) return fail(400, 'There are no email or phone parameters');
		const contact = (email && findBy('email', email)) || (phone && findBy('phone', phone)) || undefined;
		const fields = contact || newContact({});
		return {
			status: 200,
			body: {
				exists: Boolean(contact) && !contact.removed,
				...Object.fromEntries(CHECK_FIELDS.map((field) => [field, Boolean(fields[field])])),
			},
		};
	}

	function changes(params) {
		const offset = params.offset === undefined ? 0 : Number(params.offset);
		const limit = params.limit === undefined ? MAX_LIMIT : Number(params.limit);
		if (!Number.isInteger(offset) || offset < 0) return failNested(400, 'offset must be an integer of 0 or more');
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
			return failNested(400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
		}
		for (const key of ['from', 'to']) {
			if (params[key] !== undefined && !DATE.test(params[key])) return failNested(400, `${key} must be YYYY-MM-DD`);
		}
		if (params.event !== undefined && !CHANGE_EVENTS.includes(params.event)) {
			return failNested(400, `Unknown event ${params.event}`);
		}
		if (params.channel !== undefined && !CHANGE_CHANNELS.includes(params.channel)) {
			return failNested(400, `Unknown channel ${params.channel}`);
		}
		const now = state.now();
		// from: that day's start (default 24 hours ago); to: through the end of that day (default now).
		// Days count in state.dayZone, datetimes are wall times in state.zone (both UTC unless a test says).
		const from = params.from !== undefined ? dayStart(params.from, state.dayZone) : now - 24 * 60 * 60 * 1000;
		const to = params.to !== undefined ? dayStart(nextDay(params.to), state.dayZone) - 1 : now;
		const matching = state.changes.filter((change) => {
			const at = wallTimeToMs(change.datetime, state.zone);
			if (at < from || at > to) return false;
			if (params.event !== undefined && change.event !== params.event) return false;
			if (params.channel !== undefined && change.channel !== params.channel) return false;
			if (params.email !== undefined && !(change.contact_type === 'email' && change.contact === params.email)) return false;
			if (params.phone !== undefined && !(change.contact_type === 'sms' && change.contact === params.phone)) return false;
			return true;
		});
		return { status: 200, body: matching.slice(offset, offset + limit) };
	}

	function confirmEmail(params) {
		if (params.email === undefined || params.email === '') {
			return fail(404, 'There are no mandatory parameters in the request');
		}
		if (!state.doubleOptIn) return fail(400, 'The "Double Opt-In" chain is off');
		const contact = findBy('email', params.email);
		if (!contact || contact.removed) return fail(400, 'No email address was found');
		if (contact.email_confirmed) return fail(400, 'The email address is already confirmed');
		state.confirmationsSent.push(params.email);
		return ok();
	}

	return {
		'POST /subscriptions/manage': manage,
		'POST /subscriptions/callback': callback,
		'GET /subscriptions/check': check,
		'GET /subscriptions/changes': changes,
		'POST /subscriptions/confirm_email': confirmEmail,
	};
}

module.exports = { seedContacts, seedChanges, subscriptionRoutes, MAX_LIMIT };
