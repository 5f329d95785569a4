'use strict';
/**
 * PersonaClick sandbox (Subscriptions REST API): shop_id / shop_secret in the JSON body of POSTs
 * and in the query of GETs (403 otherwise), per-contact channel subscriptions changed by
 * /subscriptions/manage and /subscriptions/callback, /subscriptions/check, a change log paged by
 * /subscriptions/changes (offset/limit, at most 20,000 per request, from/to dates, event and
 * channel filters) and /subscriptions/confirm_email.
 *
 * Envelopes: success `{"status":"success"}`; errors `{"status":"error","message":"…"}`, except
 * /subscriptions/changes, which nests the message as `{"status":"error","payload":{"message":"…"}}`
 * (the form the REES46 docs of the same API show).
 *
 * `state` (see create) can be seeded by tests: `contacts`, `changes` (ascending by datetime),
 * `addChanges(count, fields)`, `doubleOptIn`, `confirmationsSent`, `now()`.
 */
const SHOP_ID = 'sandbox-shop-0d42fd8b';
// Characters that URL-encoding changes, so tests can look for the encoded form too.
const SHOP_SECRET = 'pc+Sandbox/Secret=0123&456 789';

const MAX_LIMIT = 20000;

const ok = () => ({ status: 200, body: { status: 'success' } });
const fail = (status, message) => ({ status, body: { status: 'error', message } });
const failNested = (status, message) => ({ status, body: { status: 'error', payload: { message } } });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9]\d{6,14}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const CHANNELS = ['email', 'sms', 'web_push', 'mobile_push'];
const CAMPAIGN_TYPES = ['bulk', 'chain', 'transactional'];
const FLAGS = CHANNELS.flatMap((channel) => CAMPAIGN_TYPES.map((type) => `${channel}_${type}`));
const CONTACT_TYPE = { email: 'email', sms: 'sms', web_push: 'wpush', mobile_push: 'mpush' };
const IDENTIFIERS = ['email', 'phone', 'external_id', 'loyalty_id', 'telegram_id'];
const CALLBACK_EVENTS = ['hard_bounced', 'complained', 'blacklisted', 'unsubscribed'];
const CHANGE_EVENTS = ['subscribe', 'unsubscribe', 'hard_bounced', 'complained', 'blacklisted'];
const CHANGE_CHANNELS = [
	'email_feedback_processing', 'api', 'api_callback', 'popup', 'import', 'crm', 'unsubscribe_page', 'resubscribe_page',
];

/** `YYYY-MM-DDThh:mm:ss.SSS` (UTC), the documented datetime format. */
const formatDatetime = (ms) => new Date(ms).toISOString().slice(0, 23);

function newContact(fields) {
	const contact = {
		email: null,
		phone: null,
		external_id: null,
		loyalty_id: null,
		telegram_id: null,
		email_confirmed: false,
		email_bounced: false,
		email_suppressed: false,
		email_blacklisted: false,
		email_invalid: false,
		web_push: false,
		mobile_push: false,
		telegram_bulk: false,
		telegram_chain: false,
		telegram_transactional: false,
		...Object.fromEntries(FLAGS.map((flag) => [flag, false])),
	};
	return Object.assign(contact, fields);
}

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

const dayStart = (date) => Date.parse(`${date}T00:00:00.000Z`);

function create() {
	const state = {
		contacts: seedContacts(),
		changes: [],
		/** Whether the store's "Double Opt-In" chain is on (confirm_email answers 400 when off). */
		doubleOptIn: true,
		/** Emails that confirm_email sent a double opt-in email to. */
		confirmationsSent: [],
		now: () => Date.now(),
		/** Append `count` changes dated now (later calls are later), each `{...defaults, ...fields(i)}`. */
		addChanges(count, fields = () => ({})) {
			const base = state.now();
			for (let i = 0; i < count; i++) {
				state.changes.push({
					contact_type: 'email',
					contact: `added${i + 1}@examplemail.com`,
					campaign_type: 'bulk',
					event: 'subscribe',
					channel: 'import',
					datetime: formatDatetime(base),
					ip: '10.1.0.1',
					...(typeof fields === 'function' ? fields(i) : fields),
				});
			}
		},
	};
	state.changes = seedChanges(state.now());

	const log = (entry) =>
		state.changes.push({ ip: '127.0.0.1', datetime: formatDatetime(state.now()), ...entry });

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
		const from = params.from !== undefined ? dayStart(params.from) : now - 24 * 60 * 60 * 1000;
		const to = params.to !== undefined ? dayStart(params.to) + 24 * 60 * 60 * 1000 - 1 : now;
		const matching = state.changes.filter((change) => {
			const at = Date.parse(`${change.datetime}Z`);
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

	const ROUTES = {
		'POST /subscriptions/manage': manage,
		'POST /subscriptions/callback': callback,
		'GET /subscriptions/check': check,
		'GET /subscriptions/changes': changes,
		'POST /subscriptions/confirm_email': confirmEmail,
	};

	function handle(req) {
		const route = ROUTES[`${req.method} ${req.path}`];
		if (!route) return fail(404, `No route for ${req.method} ${req.path}`);
		if (req.method === 'POST' && !(req.headers['content-type'] || '').includes('application/json')) {
			return fail(415, 'Content-Type must be application/json');
		}
		const params = req.method === 'GET' ? req.query : req.body;
		if (!params || typeof params !== 'object' || Array.isArray(params)) return fail(400, 'Body must be a JSON object');
		const reply = req.path === '/subscriptions/changes' ? failNested : fail;
		if (params.shop_id !== SHOP_ID || params.shop_secret !== SHOP_SECRET) {
			return reply(403, 'Invalid shop_id or shop_secret');
		}
		return route(params);
	}

	return { state, handle };
}

module.exports = {
	name: 'personaclick',
	prefix: '/personaclick',
	credentials: { shopId: SHOP_ID, shopSecret: SHOP_SECRET },
	create,
};
