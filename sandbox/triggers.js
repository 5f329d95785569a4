'use strict';
/**
 * Trigger side of the sandbox:
 *
 *  (a) it SENDS what the vendors send: signed Talkable Custom App requests and legacy form
 *      webhooks, Sailthru postbacks, and forged ones (wrong key or secret, missing or malformed
 *      signature) to any URL, e.g. an n8n production webhook URL;
 *  (b) it CHANGES TalkBox and PersonaClick state on request, so that polling triggers have
 *      something to find (new/updated contacts, subscriptions, vouchers, survey responses;
 *      PersonaClick subscription changes); TalkBox's contact webhook (configured with
 *      POST /_sandbox/talkbox/webhook) posts a contact changed here as a `User` change;
 *  (c) both over HTTP admin routes under /_sandbox/ (see ROUTES below; GET /_sandbox lists them).
 *
 * Used by the trigger tests (test/triggers-*.test.ts, test/e2e/triggers.js) and by `npm start`.
 */
const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');
const { URL } = require('node:url');

const sailthru = require('./vendors/sailthru');

/** The Talkable site's Webhook security key in the sandbox (put it into the credential's webhookKey). */
const TALKABLE_WEBHOOK_KEY = 'sbx-talkable-webhook-key-7d1e';

/** The TalkBox sandbox credential's Webhook Token under `npm start` (append ?token=… to the URL). */
const TALKBOX_WEBHOOK_TOKEN = 'sbx-talkbox-webhook-token-5e0c9a41';

// ------------------------------------------------------------------------------------ Talkable

/** base64 of the lowercase-hex HMAC-SHA256 of the raw body (Talkable's x-talkable-signature). */
function talkableSignature(rawBody, key) {
	const hex = crypto.createHmac('sha256', key).update(rawBody).digest('hex');
	return Buffer.from(hex, 'utf8').toString('base64');
}

/** `postShare` → `post_share_web_hook` (a value that already ends in _web_hook is kept). */
function legacyType(event) {
	if (/_web_hook$/.test(event)) return event;
	return `${event.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}_web_hook`;
}

const SAMPLE_CUSTOM_APP = {
	site_id: '1',
	description: '$10 off your next order',
	amount: '10.0',
	coupon_code: 'SBX-REWARD-10',
	reason: 'referrer',
	email: 'advocate@example.com',
};

const SAMPLE_LEGACY = {
	reward: {
		person: { email: 'advocate@example.com', first_name: 'Ann', last_name: 'Lee' },
		reward: { id: 501, reason: 'referrer', status: 'Paid', incentive_type: 'rebate', amount: 10.0, coupon: null },
		campaign: { id: 12, type: 'StandaloneCampaign' },
	},
	checkUnsubscribe: { recipient: { email: 'friend@example.com' }, email_type: 'notifier_offers_email', campaign: { id: 12 } },
};

/**
 * The request Talkable would send. `mode`: 'customApp' (default) or 'legacy'. `payload`: the
 * JSON body (Custom App) or the `payload` field (legacy). Legacy: `event` (e.g. 'reward',
 * 'postShare') or `type`, `site`, `extras`. `forge`: 'signature' (signed with another key),
 * 'missing' (no signature header / no key), 'rawDigest' (base64 of the raw digest, the common
 * mistake), 'key' (legacy: another key), 'tamper' (body changed after signing).
 */
function talkableWebhookRequest({ mode = 'customApp', key = TALKABLE_WEBHOOK_KEY, payload, event = 'reward', type, site = 'sandbox-site', extras = {}, forge } = {}) {
	if (mode === 'legacy') {
		const form = new URLSearchParams();
		if (forge !== 'missing') form.set('key', forge === 'key' || forge === 'signature' ? `${key}-forged` : key);
		form.set('site', site);
		form.set('type', type || legacyType(event));
		form.set('extras', JSON.stringify(extras));
		form.set('payload', JSON.stringify(payload ?? SAMPLE_LEGACY[event] ?? SAMPLE_LEGACY.reward));
		return { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() };
	}
	const body = typeof payload === 'string' ? payload : JSON.stringify(payload ?? SAMPLE_CUSTOM_APP);
	const headers = { 'content-type': 'application/json' };
	if (forge === 'rawDigest') {
		headers['x-talkable-signature'] = crypto.createHmac('sha256', key).update(body).digest('base64');
	} else if (forge === 'signature') {
		headers['x-talkable-signature'] = talkableSignature(body, `${key}-forged`);
	} else if (forge !== 'missing') {
		headers['x-talkable-signature'] = talkableSignature(body, key);
	}
	return { headers, body: forge === 'tamper' ? body.replace(/}$/, ',"tampered":true}') : body };
}

// ------------------------------------------------------------------------------------ Sailthru

/** Nested fields → bracket-key form pairs (`{lists: {Daily: 0}}` → `lists[Daily]=0`), in order. */
function flatten(fields, prefix = '') {
	const pairs = [];
	for (const [name, value] of Object.entries(fields)) {
		const key = prefix ? `${prefix}[${name}]` : name;
		if (value !== null && typeof value === 'object') pairs.push(...flatten(value, key));
		else pairs.push([key, value === null || value === undefined ? '' : String(value)]);
	}
	return pairs;
}

/**
 * A Sailthru postback body: `fields` (e.g. {action:'optout', email, optout:1, mode:'all'}), plus
 * api_key and sig (MD5 of the secret and the sorted values, as Sailthru signs). `forge`:
 * 'signature' (signed with another secret), 'apiKey' (another api_key, correctly signed for it),
 * 'missing' (no sig), 'tamper' (a value changed after signing).
 */
function sailthruPostbackBody({ apiKey = sailthru.credentials.apiKey, apiSecret = sailthru.credentials.apiSecret, fields = {}, forge } = {}) {
	const pairs = [...flatten(fields), ['api_key', forge === 'apiKey' ? `${apiKey}-forged` : apiKey]];
	const params = Object.fromEntries(pairs.map(([name, value], index) => [`${index}:${name}`, value]));
	const sig = sailthru.expectedSignature(forge === 'signature' ? `${apiSecret}-forged` : apiSecret, params);
	if (forge !== 'missing') pairs.push(['sig', sig]);
	if (forge === 'tamper') pairs[0] = [pairs[0][0], `${pairs[0][1]}x`];
	return new URLSearchParams(pairs).toString();
}

// ------------------------------------------------------------------------------------ sending

/** POST a body to a URL; resolves to { status, headers, body } (body parsed as JSON when it is). */
function post(url, { headers, body }) {
	const target = new URL(url);
	const transport = target.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const request = transport.request(
			target,
			{ method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let parsed = text;
					try {
						parsed = JSON.parse(text);
					} catch {
						/* not JSON */
					}
					resolve({ status: response.statusCode, headers: response.headers, body: parsed });
				});
			},
		);
		request.on('error', reject);
		request.setTimeout(30_000, () => request.destroy(new Error(`no answer from ${url} within 30 s`)));
		request.end(body);
	});
}

const sendTalkableWebhook = (url, options = {}) => post(url, talkableWebhookRequest(options));

/** What TalkBox's contact webhook sends: the whole contact as JSON, unsigned (the token rides in the URL). */
const sendTalkBoxWebhook = (url, contact) =>
	post(url, { headers: { 'content-type': 'application/json' }, body: typeof contact === 'string' ? contact : JSON.stringify(contact) });

/**
 * A request to a TalkBox API as the TalkBox node sends it (Basic auth, JSON): on the sandbox, a
 * contact created or changed this way fires the contact webhook as change method `API`.
 * Resolves to { status, body }.
 */
async function talkBoxApiRequest({ baseUrl, username, password }, method, apiPath, body) {
	const response = await fetch(`${baseUrl}${apiPath}`, {
		method,
		headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: await response.json() };
}

const sendSailthruPostback = (url, options = {}) =>
	post(url, { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: sailthruPostbackBody(options) });

// ------------------------------------------------------------------------------------ TalkBox state

const isoSeconds = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const talkboxId = (state) => ++state.nextId;

/** TalkBox changes over time: each call stamps records with the sandbox clock (state.clock()). */
const talkbox = {
	/**
	 * A new contact (and its email subscription, as the API's create does), made by a user in the
	 * TalkBox app: the webhook fires when `User` is among its change methods.
	 */
	addContact(state, fields = {}) {
		const contact = state.audience.addContact({ id: talkboxId(state), ...fields }, state.clock());
		if (contact.email) talkbox.addSubscription(state, { contact_id: contact.id, subscribed: true });
		state.webhook.contactChanged(contact.id, 'User');
		return state.audience.renderContact(contact);
	},
	/** Change a contact's fields (updated_at moves to now), as a user in the app (method `User`). */
	updateContact(state, { id, ...fields }) {
		const contact = state.contacts.get(Number(id));
		if (!contact) throw new Error(`no TalkBox contact ${id}`);
		Object.assign(contact, fields, { updated_at: isoSeconds(state.clock()) });
		state.webhook.contactChanged(contact.id, 'User');
		return state.audience.renderContact(contact);
	},
	/** A subscription record (subscribed true) or an unsubscription (false) for a contact or an address. */
	addSubscription(state, { contact_id, email, channel = 'email', subscribed = true }) {
		const contact =
			contact_id !== undefined ? state.contacts.get(Number(contact_id)) : state.audience.findContact({ email });
		if (contact && channel === 'email') {
			contact.email_subscribed = Boolean(subscribed);
			contact.updated_at = isoSeconds(state.clock());
		}
		const record = {
			id: talkboxId(state),
			contact_id: contact ? contact.id : null,
			external_identifier: contact ? contact.external_identifier ?? null : null,
			recipient_id: contact ? 50_000 + contact.id : null,
			channel,
			subscribed: Boolean(subscribed),
			destination: email ?? (contact ? (channel === 'email' ? contact.email : contact.mobile_number) : null),
			created_at: isoSeconds(state.clock()),
		};
		state.subscriptions.push(record);
		return record;
	},
	/** A voucher issued to a contact now. */
	issueVoucher(state, { contact_id = 300, offer_id = 2, name = 'Free Pie' } = {}) {
		const id = state.vouchers.reduce((max, voucher) => Math.max(max, voucher.id), 0) + 1;
		const contact = state.contacts.get(Number(contact_id));
		const voucher = {
			id,
			string_id: null,
			offer_id,
			name,
			description: 'Issued by the sandbox',
			created_at: isoSeconds(state.clock()),
			redeemed_at: null,
			valid_to: null,
			valid_from: null,
			expires_at: null,
			user_data: {},
			url: `https://talkbox.impactapp.com.au/recipients/r${id}x/offers/o${offer_id}/voucher`,
			contact_id: Number(contact_id),
			communication_id: 10567000,
			promotion_id: 10023789,
			external_identifier: contact ? contact.external_identifier ?? null : null,
		};
		state.vouchers.push(voucher);
		return voucher;
	},
	/** Redeem a voucher now. */
	redeemVoucher(state, { id }) {
		const voucher = state.vouchers.find((entry) => entry.id === Number(id));
		if (!voucher) throw new Error(`no TalkBox voucher ${id}`);
		voucher.redeemed_at = isoSeconds(state.clock());
		return voucher;
	},
	/** A survey response now. */
	addSurveyResponse(state, { contact_id = 300, score = 9, comments = 'Great night out' } = {}) {
		const id = state.surveys.reduce((max, survey) => Math.max(max, survey.id), 0) + 1;
		const survey = { id, contact_id: Number(contact_id), score: Number(score), comments, created_at: isoSeconds(state.clock()) };
		state.surveys.push(survey);
		return survey;
	},
};

// ------------------------------------------------------------------------------------ PersonaClick state

/** `YYYY-MM-DDThh:mm:ss.SSS` (UTC), the format of the sandbox's change log. */
const personaClickDatetime = (ms) => new Date(ms).toISOString().slice(0, 23);

const personaclick = {
	/** One subscription change dated now (the sandbox's `changes` shape). */
	addChange(state, fields = {}) {
		const change = {
			contact_type: 'email',
			contact: 'someone@examplemail.com',
			campaign_type: 'bulk',
			event: 'subscribe',
			channel: 'api',
			datetime: personaClickDatetime(state.now()),
			ip: '127.0.0.1',
			...fields,
		};
		state.changes.push(change);
		return change;
	},
	/** A person unsubscribes from email on the unsubscribe page (the change log and the contact). */
	unsubscribe(state, { email, campaign_type = 'bulk' }) {
		if (!email) throw new Error('email is required');
		const contact = state.contacts.find((entry) => entry.email === email);
		if (contact) contact[`email_${campaign_type}`] = false;
		return personaclick.addChange(state, { contact: email, campaign_type, event: 'unsubscribe', channel: 'unsubscribe_page' });
	},
};

// ------------------------------------------------------------------------------------ Sailthru sends

/**
 * Make GET /send (and GET /blast) answer for sends the sandbox seeded here, when the Sailthru
 * sandbox module does not serve them itself: its own answer wins unless it is "unknown call"
 * (error 99, 404). Authentication is still checked by the module first.
 */
function seedSailthruSend(instance, send) {
	const state = instance.state;
	state.triggerSends = state.triggerSends || new Map();
	state.triggerBlasts = state.triggerBlasts || new Map();
	if (send.send_id) state.triggerSends.set(String(send.send_id), { ...send });
	if (send.blast_id && !send.send_id) state.triggerBlasts.set(String(send.blast_id), { ...send });
	// The Sailthru sandbox's own records, when it keeps sends and blasts (it then answers itself).
	if (send.send_id && Array.isArray(state.sends)) {
		state.sends.push({ status: 'delivered', template: 'sandbox', vars: {}, options: {}, ...send, send_id: String(send.send_id) });
	}
	if (send.blast_id && !send.send_id && Array.isArray(state.blasts)) {
		state.blasts.push({ name: 'Sandbox blast', list: 'Newsletter', status: 'sent', email_count: 1, labels: [], ...send });
	}
	if (instance.triggerSendsInstalled) return;
	instance.triggerSendsInstalled = true;
	const original = instance.handle;
	instance.handle = async (req) => {
		const reply = await original(req);
		const unknownCall = reply && reply.status === 404 && reply.body && reply.body.error === 99;
		if (!unknownCall || req.method !== 'GET' || !['/send', '/blast'].includes(req.path)) return reply;
		let call = {};
		try {
			call = JSON.parse(req.query.json || '{}');
		} catch {
			/* keep {} */
		}
		const found =
			req.path === '/send' ? state.triggerSends.get(String(call.send_id)) : state.triggerBlasts.get(String(call.blast_id));
		if (!found) return { ...reply, status: 400, body: { error: 99, errormsg: `Unknown ${req.path.slice(1)}` } };
		return { status: 200, headers: reply.headers, body: found };
	};
}

// ------------------------------------------------------------------------------------ admin routes

const ROUTES = {
	'POST /_sandbox/talkable/webhook': {
		help: '{url, mode?: "customApp"|"legacy", event?, payload?, key?, forge?} → sends a (forged) Talkable webhook to url',
		run: (_vendor, body) => sendTalkableWebhook(body.url, body),
	},
	'POST /_sandbox/sailthru/postback': {
		help: '{url, fields: {action, email, …}, forge?} → sends a signed (or forged) Sailthru postback to url',
		run: (_vendor, body) => sendSailthruPostback(body.url, body),
	},
	'POST /_sandbox/sailthru/send': {
		help: '{send_id, email, template?} → GET /send answers it (for confirmWithApi)',
		run: (vendor, body) => {
			seedSailthruSend(vendor('sailthru'), body);
			return { ok: true };
		},
	},
	'POST /_sandbox/talkbox/contacts': {
		help: '{email, first_name?, …} → a new TalkBox contact now',
		run: (vendor, body) => talkbox.addContact(vendor('talkbox').state, body),
	},
	'POST /_sandbox/talkbox/contacts/update': {
		help: '{id, …fields} → the contact changes now',
		run: (vendor, body) => talkbox.updateContact(vendor('talkbox').state, body),
	},
	'POST /_sandbox/talkbox/webhook': {
		help: '{url, methods?: ["API"]} → TalkBox posts every contact created or changed by those methods (API, User, Form, Upload, Admin, Web Page) to url; {url: null} removes it',
		run: (vendor, body) => vendor('talkbox').state.webhook.configure(body),
	},
	'GET /_sandbox/talkbox/webhook': {
		help: '→ {webhook, deliveries: [{contact_id, method, url, contact, status, body | error}]}',
		run: (vendor) => vendor('talkbox').state.webhook.report(),
	},
	'POST /_sandbox/talkbox/subscriptions': {
		help: '{contact_id | email, subscribed?: true, channel?: "email"} → a (un)subscription now',
		run: (vendor, body) => talkbox.addSubscription(vendor('talkbox').state, body),
	},
	'POST /_sandbox/talkbox/vouchers': {
		help: '{contact_id?} → a voucher issued now',
		run: (vendor, body) => talkbox.issueVoucher(vendor('talkbox').state, body),
	},
	'POST /_sandbox/talkbox/vouchers/redeem': {
		help: '{id} → the voucher is redeemed now',
		run: (vendor, body) => talkbox.redeemVoucher(vendor('talkbox').state, body),
	},
	'POST /_sandbox/talkbox/surveys': {
		help: '{contact_id?, score?, comments?} → a survey response now',
		run: (vendor, body) => talkbox.addSurveyResponse(vendor('talkbox').state, body),
	},
	'POST /_sandbox/personaclick/unsubscribe': {
		help: '{email} → an email unsubscribe in the PersonaClick change log, now',
		run: (vendor, body) => personaclick.unsubscribe(vendor('personaclick').state, body),
	},
	'POST /_sandbox/personaclick/changes': {
		help: '{contact, event?, channel?, contact_type?, campaign_type?} → one PersonaClick subscription change now',
		run: (vendor, body) => personaclick.addChange(vendor('personaclick').state, body),
	},
};

/**
 * Answer an admin request. `vendor(name)` returns the live vendor instance. Resolves to a
 * sandbox reply ({ status, body }).
 */
async function handleAdmin(method, pathname, rawBody, vendor) {
	if (method === 'GET' && (pathname === '/_sandbox' || pathname === '/_sandbox/')) {
		return { status: 200, body: Object.fromEntries(Object.entries(ROUTES).map(([route, { help }]) => [route, help])) };
	}
	const route = ROUTES[`${method} ${pathname.replace(/\/+$/, '')}`];
	if (!route) return { status: 404, body: { error: `no sandbox admin route ${method} ${pathname} (GET /_sandbox lists them)` } };
	let body = {};
	if (rawBody) {
		try {
			body = JSON.parse(rawBody);
		} catch {
			return { status: 400, body: { error: 'the body must be JSON' } };
		}
	}
	try {
		const result = await route.run(vendor, body);
		return { status: 200, body: result };
	} catch (error) {
		return { status: 400, body: { error: error.message } };
	}
}

module.exports = {
	TALKABLE_WEBHOOK_KEY,
	TALKBOX_WEBHOOK_TOKEN,
	talkableSignature,
	talkableWebhookRequest,
	sendTalkableWebhook,
	sendTalkBoxWebhook,
	talkBoxApiRequest,
	sailthruPostbackBody,
	sendSailthruPostback,
	seedSailthruSend,
	talkbox,
	personaclick,
	handleAdmin,
	ROUTES,
};
