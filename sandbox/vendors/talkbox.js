'use strict';
/**
 * TalkBox sandbox (service/v1): HTTP Basic auth, the hourly 10,000-request quota reset on the
 * UTC hour (429), JSON-only POST/PUT bodies, {code, description} errors, page/per_page paging.
 *
 * Where things live: this file (auth, quota, body checks, routing, the webhook after a contact
 * write) and talkbox/, one module per resource of the node. Each resource module's
 * `create(state, helpers)` adds its collections and seed to the one shared state and returns its
 * routes keyed by the first path segment; they are merged here.
 * helpers: `error(status, code, description)`, `paginate(list, query, { pageRequired })`, `newId()`.
 *   talkbox/account.js            /account                       state.account
 *   talkbox/field.js              /fields                        state.fields (and the field types contacts are checked against)
 *   talkbox/tag.js                /tags, /tags/:id/contacts      state.tags
 *   talkbox/subscription.js       /subscriptions                 state.subscriptions
 *   talkbox/contact.js            /contact                       state.contacts, state.audience (the 25 seeded contacts)
 *   talkbox/unsubscription.js     /unsubscriptions
 *   talkbox/survey.js             /surveys, /surveys/score       state.surveys
 *   talkbox/editor.js             /editor, /editors              state.audience.editorSessions, .editorPaths
 *   talkbox/emailSenderDetail.js  /email_sender_details          state.emailSenderDetails
 *   talkbox/template.js           /templates                     state.templates
 *   talkbox/section.js            /sections                      state.sections
 *   talkbox/offer.js              /offers                        state.offers
 *   talkbox/recipient.js          /recipients (and the recipient selection promotions and communications use) state.campaigns
 *   talkbox/promotion.js          /promotions                    state.promotions
 *   talkbox/communication.js      /communications, /promotions/:id/communications  state.communications
 *   talkbox/voucher.js            /vouchers, /contacts/:id/vouchers  state.vouchers
 *   talkbox/common.js             what several of them share: errors, paging, patterns, timestamps
 *   talkbox/webhook.js            the outbound contact webhook   state.webhook
 *
 * Test hooks on `state`: `clock()` (ms since epoch; the sandbox's notion of now, also sent as the
 * Date header), `rate.limit` (requests per hour), `rate.count`, and `beforeRequest(req)`: when
 * set, called with every request before it is answered, so a test can change TalkBox between two
 * requests of one poll (a record created, updated or deleted between page 1 and page 2).
 *
 * Outbound webhook (talkbox/webhook.js): once configured (POST /_sandbox/talkbox/webhook), every
 * contact created or changed through this API (POST /contact, /contact/create_or_update,
 * PUT /contact/:id) is POSTed whole to the webhook URL when `API` is among its change methods.
 *
 * Lists answer in ascending `id` order (the order of the doc's examples; the doc does not state
 * one); `created_after`/`updated_after`/`…_before` (and /surveys' `from`/`to`) are exclusive.
 */
const { error, paginate } = require('./talkbox/common');
const webhook = require('./talkbox/webhook');

/**
 * The resource modules in the order they are created: the seeded fields take the first ids, then
 * the seeded contacts' subscriptions; contact.js makes state.audience before editor.js adds to it,
 * recipient.js makes state.campaigns before voucher.js adds to it.
 */
const RESOURCES = [
	require('./talkbox/account'),
	require('./talkbox/field'),
	require('./talkbox/tag'),
	require('./talkbox/subscription'),
	require('./talkbox/contact'),
	require('./talkbox/unsubscription'),
	require('./talkbox/survey'),
	require('./talkbox/editor'),
	require('./talkbox/emailSenderDetail'),
	require('./talkbox/template'),
	require('./talkbox/section'),
	require('./talkbox/offer'),
	require('./talkbox/recipient'),
	require('./talkbox/promotion'),
	require('./talkbox/communication'),
	require('./talkbox/voucher'),
];

const USERNAME = 'sandbox-user';
const PASSWORD = 'sandbox-pass';
const HOUR = 3_600_000;

function create() {
	const state = {
		clock: () => Date.now(),
		beforeRequest: undefined,
		rate: { limit: 10_000, count: 0, hour: undefined },
		nextId: 1000,
	};
	const helpers = { error, paginate, newId: () => ++state.nextId };
	const routes = Object.assign({}, ...RESOURCES.map((resource) => resource.create(state, helpers)));
	// POSTs go through sandbox/triggers.js (the sandbox's HTTP sender), required lazily: it loads vendor modules itself.
	webhook.create(state, (url, contact) => require('../triggers').sendTalkBoxWebhook(url, contact));

	function handle(req) {
		if (typeof state.beforeRequest === 'function') state.beforeRequest(req);
		const now = state.clock();
		const dateHeader = { Date: new Date(now).toUTCString() };
		const expected = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')}`;
		if (req.headers.authorization !== expected) {
			return { ...error(401, 401, 'Authentication failed'), headers: dateHeader };
		}
		const hour = Math.floor(now / HOUR);
		if (state.rate.hour !== hour) {
			state.rate.hour = hour;
			state.rate.count = 0;
		}
		state.rate.count += 1;
		if (state.rate.count > state.rate.limit) {
			return { ...error(429, 429, 'Rate limit exceeded: 10000 requests per hour'), headers: dateHeader };
		}
		if ((req.method === 'POST' || req.method === 'PUT') && req.rawBody) {
			if (!(req.headers['content-type'] || '').includes('application/json')) {
				return error(400, 400, 'Content-Type must be application/json');
			}
			if (typeof req.body !== 'object') return error(400, 400, 'Body is not valid JSON');
		}
		const segments = req.path.split('/').filter(Boolean).map(decodeURIComponent);
		const logged = state.audience.changeLog.length;
		// An own route only: a path such as /constructor or /__proto__ is a 404, not Object's member.
		const route = Object.hasOwn(routes, segments[0]) ? routes[segments[0]] : undefined;
		const reply = route ? route(req, segments) : undefined;
		if (reply) {
			// Contacts this request created or changed (the change log grows only on success).
			const changed = new Set(state.audience.changeLog.slice(logged).map((entry) => entry.contact_id));
			for (const id of changed) state.webhook.contactChanged(id, 'API');
			return { ...reply, headers: { ...dateHeader, ...(reply.headers || {}) } };
		}
		return error(404, 404, `No route for ${req.method} ${req.path}`);
	}

	return { state, handle };
}

module.exports = {
	name: 'talkbox',
	prefix: '/talkbox/service/v1',
	credentials: { username: USERNAME, password: PASSWORD },
	create,
};
