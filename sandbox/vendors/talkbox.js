'use strict';
/**
 * TalkBox sandbox (service/v1): HTTP Basic auth, the hourly 10,000-request quota reset on the
 * UTC hour (429), JSON-only POST/PUT bodies, {code, description} errors, page/per_page paging.
 * Resource routes live in talkbox/contact.js (the audience resources) and talkbox/promotion.js (the
 * campaign resources), split per resource next; they share one state.
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
const audience = require('./talkbox/contact');
const campaigns = require('./talkbox/promotion');
const webhook = require('./talkbox/webhook');

const USERNAME = 'sandbox-user';
const PASSWORD = 'sandbox-pass';
const HOUR = 3_600_000;

const error = (status, code, description) => ({ status, body: { code, description } });

/** page/per_page paging of a list: `page` starts at 1; `per_page` defaults to 10. */
function paginate(list, query, { pageRequired = false } = {}) {
	if (query.page === undefined && pageRequired) return { error: error(400, 400, 'page is required') };
	const page = query.page === undefined ? 1 : Number(query.page);
	const perPage = query.per_page === undefined ? 10 : Number(query.per_page);
	if (!Number.isInteger(page) || page < 1) return { error: error(400, 400, 'page must be a positive integer') };
	if (!Number.isInteger(perPage) || perPage < 1) {
		return { error: error(400, 400, 'per_page must be a positive integer') };
	}
	return { items: list.slice((page - 1) * perPage, page * perPage) };
}

function create() {
	const state = {
		clock: () => Date.now(),
		beforeRequest: undefined,
		rate: { limit: 10_000, count: 0, hour: undefined },
		nextId: 1000,
	};
	const helpers = { error, paginate, newId: () => ++state.nextId };
	const groups = [audience, campaigns].map((group) => group.create(state, helpers));
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
		for (const group of groups) {
			const reply = group.handle(req, segments);
			if (!reply) continue;
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
