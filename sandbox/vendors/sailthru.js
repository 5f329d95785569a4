'use strict';
/**
 * Sailthru sandbox: the whole core API, stateful: users, sends, events, purchases, returns, lists,
 * content, templates, blasts, jobs and stats. This file seeds the state, authenticates, keeps
 * the rate limits and routes by method and path; each resource of the node has its module in
 * sailthru/, which seeds its part of the state and answers its routes:
 *   user.js      GET/POST /user (and userFor: a profile by email, created when missing)
 *   send.js      GET/POST/DELETE /send
 *   event.js     POST /event
 *   purchase.js  GET/POST /purchase
 *   return.js    POST /return
 *   list.js      GET/POST/DELETE /list (and allLists)
 *   content.js   GET/POST/DELETE /content
 *   template.js  GET/POST/DELETE /template
 *   blast.js     GET/POST/DELETE /blast
 *   stats.js     GET /stats
 *   job.js       POST/GET /job
 *   common.js    the error envelope, checks, dates and IDs
 *
 * Authentication is checked the way Sailthru documents it, independently of the node's code:
 * every call carries api_key, format, json and sig, where sig is the MD5 hex of the shared
 * secret followed by the values of all the other parameters sorted (by UTF-8 bytes) and joined.
 * GET and DELETE read them from the query string only; POST from a form-encoded body, or from
 * the fields of a multipart/form-data body (file uploads: the `file` part is not signed). A JSON
 * body is refused. Errors use Sailthru's envelope {"error": N, "errormsg": "…"} with a non-200
 * status; every answer carries X-Rate-Limit-Limit / -Remaining / -Reset per method and endpoint
 * (per-minute window, the documented ceilings; `state.rateLimit.limit` overrides them all, and
 * `state.rateLimit.limits['POST /send']` one of them); past the limit: HTTP 429, error 43.
 */
const crypto = require('node:crypto');

const { fail } = require('./sailthru/common');
const { seedUsers, userRoutes } = require('./sailthru/user');
const { seedLists, listRoutes } = require('./sailthru/list');
const { seedContent, contentRoutes } = require('./sailthru/content');
const { seedTemplates, templateRoutes } = require('./sailthru/template');
const { seedSends, sendRoutes } = require('./sailthru/send');
const { seedEvents, eventRoutes } = require('./sailthru/event');
const { seedPurchases, purchaseRoutes } = require('./sailthru/purchase');
const { seedReturns, returnRoutes } = require('./sailthru/return');
const { seedBlasts, blastRoutes } = require('./sailthru/blast');
const { statsRoutes } = require('./sailthru/stats');
const { seedJobs, jobRoutes } = require('./sailthru/job');

const API_KEY = 'sandbox-sailthru-key';
const API_SECRET = 'sandbox-sailthru-secret-9f2c';

/** Per-minute ceilings (Sailthru's published numbers): by method and endpoint, else by method. */
const DEFAULT_LIMITS = { 'POST /user': 300, 'POST /send': 200, POST: 40, GET: 300, DELETE: 40 };

/** The signature as Sailthru's API documentation defines it (written separately from the node). */
function expectedSignature(secret, params) {
	const values = Object.keys(params)
		.filter((name) => name !== 'sig')
		.map((name) => Buffer.from(String(params[name]), 'utf8'))
		.sort(Buffer.compare);
	const hash = crypto.createHash('md5');
	hash.update(Buffer.from(secret, 'utf8'));
	for (const value of values) hash.update(value);
	return hash.digest('hex');
}

/** The fields and files of a multipart/form-data body (RFC 7578). */
function parseMultipart(rawBody, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!match) return undefined;
	const boundary = `--${match[1] || match[2]}`;
	const fields = {};
	const files = {};
	const sections = String(rawBody).split(boundary);
	if (sections.length < 3 || !sections[sections.length - 1].startsWith('--')) return undefined;
	for (const section of sections.slice(1, -1)) {
		const headerEnd = section.indexOf('\r\n\r\n');
		if (!section.startsWith('\r\n') || headerEnd === -1 || !section.endsWith('\r\n')) return undefined;
		const headers = section.slice(2, headerEnd);
		const data = section.slice(headerEnd + 4, -2);
		const name = /name="([^"]*)"/i.exec(headers);
		if (!name) return undefined;
		const fileName = /filename="([^"]*)"/i.exec(headers);
		const type = /^content-type:\s*(.+)$/im.exec(headers);
		if (fileName) files[name[1]] = { fileName: fileName[1], contentType: type ? type[1].trim() : undefined, data };
		else fields[name[1]] = data;
	}
	return { fields, files, order: sections.slice(1, -1).map((s) => (/name="([^"]*)"/i.exec(s) || [])[1]) };
}

function seed() {
	const state = {
		/** Every accepted call: { method, path, params } (the decoded `json`), plus files. */
		calls: [],
		rateLimit: { windowMs: 60_000, limit: undefined, limits: { ...DEFAULT_LIMITS } },
		windows: {},
	};
	seedUsers(state);
	seedLists(state);
	seedContent(state);
	seedTemplates(state);
	seedSends(state);
	seedEvents(state);
	seedPurchases(state);
	seedReturns(state);
	seedBlasts(state);
	seedJobs(state);
	return state;
}

function limitFor(state, method, path) {
	const { limit, limits = DEFAULT_LIMITS } = state.rateLimit;
	if (limit !== undefined) return limit;
	return limits[`${method} ${path}`] ?? limits[method] ?? 300;
}

function rateHeaders(state, method, path, now) {
	const key = `${method} ${path}`;
	const windowMs = state.rateLimit.windowMs ?? 60_000;
	const limit = limitFor(state, method, path);
	let window = state.windows[key];
	if (!window || now >= window.start + windowMs) {
		// Windows start on the minute (or on the window size), like Sailthru's.
		window = { start: Math.floor(now / windowMs) * windowMs, count: 0 };
		state.windows[key] = window;
	}
	window.count += 1;
	const headers = {
		'X-Rate-Limit-Limit': String(limit),
		'X-Rate-Limit-Remaining': String(Math.max(0, limit - window.count)),
		'X-Rate-Limit-Reset': String(Math.ceil((window.start + windowMs) / 1000)),
	};
	return { headers, exceeded: window.count > limit, limit };
}

function create() {
	const state = seed();
	const routes = {
		...userRoutes(state),
		...listRoutes(state),
		...contentRoutes(state),
		...templateRoutes(state),
		...sendRoutes(state),
		...eventRoutes(state),
		...purchaseRoutes(state),
		...returnRoutes(state),
		...blastRoutes(state),
		...statsRoutes(state),
		...jobRoutes(state),
	};

	function authenticate(req) {
		const contentType = String(req.headers['content-type'] || '');
		let params;
		let files = {};
		if (req.method === 'GET' || req.method === 'DELETE') {
			params = req.query;
		} else if (req.method === 'POST') {
			if (contentType.includes('multipart/form-data')) {
				const parsed = parseMultipart(req.rawBody, contentType);
				if (!parsed) return { error: fail(400, 2, 'Malformed multipart/form-data body') };
				params = parsed.fields;
				files = parsed.files;
			} else if (contentType.includes('application/x-www-form-urlencoded')) {
				params = req.body && typeof req.body === 'object' ? req.body : {};
			} else {
				return {
					error: fail(
						400,
						2,
						`POST parameters must be form-encoded (application/x-www-form-urlencoded), not ${contentType || 'missing'}`,
					),
				};
			}
		} else {
			return { error: fail(405, 1, `Unsupported HTTP method: ${req.method}`) };
		}
		for (const name of ['api_key', 'sig', 'json']) {
			if (typeof params[name] !== 'string' || params[name] === '') {
				return { error: fail(400, 2, `Missing required parameter: ${name}`) };
			}
		}
		if (params.api_key !== API_KEY) return { error: fail(401, 3, 'Invalid API key') };
		if (params.sig !== expectedSignature(API_SECRET, params)) {
			return { error: fail(401, 5, 'Authentication failed') };
		}
		if (params.format !== undefined && params.format !== 'json') {
			return { error: fail(400, 2, `Unsupported format: ${params.format}`) };
		}
		let call;
		try {
			call = JSON.parse(params.json);
		} catch {
			return { error: fail(400, 2, 'Invalid json parameter: not valid JSON') };
		}
		if (call === null || typeof call !== 'object' || Array.isArray(call)) {
			return { error: fail(400, 2, 'Invalid json parameter: not an object') };
		}
		return { call, files };
	}

	function handle(req) {
		const rate = rateHeaders(state, req.method, req.path, Date.now());
		const withHeaders = (reply) => ({ ...reply, headers: { ...rate.headers, ...(reply.headers || {}) } });
		if (rate.exceeded) {
			return withHeaders(
				fail(429, 43, `Too many requests: more than ${rate.limit} ${req.method} ${req.path} calls this minute`),
			);
		}
		const auth = authenticate(req);
		if (auth.error) return withHeaders(auth.error);
		state.calls.push({ method: req.method, path: req.path, params: auth.call, files: auth.files });
		const route = routes[`${req.method} ${req.path}`];
		if (route) return withHeaders(route(auth.call, { ...req, files: auth.files }));
		if (Object.keys(routes).some((key) => key.endsWith(` ${req.path}`))) {
			return withHeaders(fail(405, 1, `Unsupported HTTP method for ${req.path.slice(1)}: ${req.method}`));
		}
		return withHeaders(fail(404, 99, `Unknown API call: ${req.method} ${req.path}`));
	}

	return { state, handle };
}

module.exports = {
	name: 'sailthru',
	prefix: '/sailthru',
	credentials: { apiKey: API_KEY, apiSecret: API_SECRET },
	create,
	expectedSignature,
	parseMultipart,
};
