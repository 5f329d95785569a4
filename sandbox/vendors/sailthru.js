'use strict';
/**
 * Sailthru sandbox (user API, plus GET /list for the credential test).
 *
 * Authentication is checked the way Sailthru documents it, independently of the node's code:
 * every call carries api_key, format, json and sig, where sig is the MD5 hex of the shared
 * secret followed by the values of all the other parameters sorted (by UTF-8 bytes) and joined.
 * GET reads them from the query string only; POST only from a form-encoded body (a JSON body
 * is refused). Errors use Sailthru's envelope {"error": N, "errormsg": "…"} with a non-200
 * status; every answer carries X-Rate-Limit-Limit / -Remaining / -Reset (per method and
 * endpoint, per minute window; the state's rateLimit can shrink both for tests).
 *
 * User profiles keep keys (email, sid, cookie, sms, fb, twitter, extid), vars, lists (with
 * signup dates), optout_email, engagement, activity and smart lists; POST honours keys +
 * keysconflict (error: 409 duplicate; merge: the referenced profile wins) and login.
 */
const crypto = require('node:crypto');

const API_KEY = 'sandbox-sailthru-key';
const API_SECRET = 'sandbox-sailthru-secret-9f2c';

const KEY_TYPES = ['email', 'sid', 'cookie', 'sms', 'fb', 'twitter', 'extid'];
/** Keys a POST may set (the sid and the cookie are Sailthru's own). */
const SETTABLE_KEYS = ['email', 'sms', 'fb', 'twitter', 'extid'];
const FIELDS = ['activity', 'engagement', 'keys', 'lists', 'optout_email', 'smart_lists', 'vars'];
const DEFAULT_FIELDS = ['keys', 'vars', 'lists', 'engagement', 'optout_email'];
const OPT_OUT = ['none', 'all', 'basic', 'blast'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const SIGNUP_DATE = 'Mon, 02 Mar 2026 09:16:15 -0500';

/** Sailthru's error envelope. */
const fail = (status, error, errormsg) => ({ status, body: { error, errormsg } });

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

const sidFor = (n) => `5f${String(n).padStart(22, '0')}`;
const cookieFor = (sid) => crypto.createHash('sha256').update(`hid:${sid}`).digest('hex').repeat(2).slice(0, 88);

function newProfile(state, keys) {
	state.nextSid += 1;
	return {
		keys: { sid: sidFor(state.nextSid), ...keys },
		vars: {},
		lists: {},
		optout_email: 'none',
		engagement: 'new',
		activity: { signup_time: SIGNUP_DATE },
		smart_lists: [],
		logins: [],
	};
}

function seed() {
	const state = {
		nextSid: 0,
		users: [],
		/** Every accepted call: { method, path, params } (the decoded `json`). */
		calls: [],
		merges: [],
		rateLimit: { limit: 1000, windowMs: 60_000 },
		windows: {},
	};
	state.users.push({
		keys: {
			sid: '4e2879472d7acd6d97144f9e',
			email: 'old@example.com',
			sms: '+15551234567',
			cookie: cookieFor('4e2879472d7acd6d97144f9e'),
		},
		vars: { first_name: 'Joe', plan: 'gold' },
		lists: { 'All Users': SIGNUP_DATE },
		optout_email: 'none',
		engagement: 'engaged',
		activity: {
			signup_time: SIGNUP_DATE,
			open_time: 'Tue, 10 Nov 2026 08:00:00 -0500',
			click_time: 'Tue, 10 Nov 2026 08:01:00 -0500',
			login_time: 'Wed, 11 Nov 2026 19:30:00 -0500',
		},
		smart_lists: ['Engaged Readers'],
		logins: [],
	});
	state.users.push({
		keys: { sid: '4e2879472d7acd6d97144f9f', email: 'emailtobeoverwritten@domain.com' },
		vars: { source: 'import' },
		lists: {},
		optout_email: 'basic',
		engagement: 'dormant',
		activity: { signup_time: SIGNUP_DATE },
		smart_lists: [],
		logins: [],
	});
	return state;
}

const normalize = (type, value) => (type === 'email' ? String(value).trim().toLowerCase() : String(value).trim());

function findUser(state, type, value) {
	const wanted = normalize(type, value);
	return state.users.find((user) => user.keys[type] !== undefined && normalize(type, user.keys[type]) === wanted);
}

function fieldsOf(user, requested) {
	const names = requested === undefined ? DEFAULT_FIELDS : Object.keys(requested).filter((name) => requested[name]);
	const result = {};
	for (const name of names) {
		if (name === 'keys') result.keys = { ...user.keys };
		else if (name === 'vars') result.vars = { ...user.vars };
		else if (name === 'lists') result.lists = { ...user.lists };
		else if (name === 'activity') result.activity = { ...user.activity };
		else if (name === 'smart_lists') result.smart_lists = [...user.smart_lists];
		else result[name] = user[name];
	}
	return result;
}

/** Merge profile `other` into `kept` (kept wins), then drop `other`. */
function merge(state, kept, other) {
	kept.vars = { ...other.vars, ...kept.vars };
	kept.lists = { ...other.lists, ...kept.lists };
	for (const [type, value] of Object.entries(other.keys)) {
		if (type !== 'sid' && kept.keys[type] === undefined) kept.keys[type] = value;
	}
	state.users = state.users.filter((user) => user !== other);
	state.merges.push({ kept: kept.keys.sid, removed: other.keys.sid });
}

function rateHeaders(state, method, path, now) {
	const key = `${method} ${path}`;
	const { limit, windowMs } = state.rateLimit;
	let window = state.windows[key];
	if (!window || now >= window.start + windowMs) {
		window = { start: now, count: 0 };
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

	function authenticate(req) {
		const contentType = String(req.headers['content-type'] || '');
		let params;
		if (req.method === 'GET' || req.method === 'DELETE') {
			params = req.query;
		} else if (req.method === 'POST') {
			if (!contentType.includes('application/x-www-form-urlencoded')) {
				return {
					error: fail(
						400,
						2,
						`POST parameters must be form-encoded (application/x-www-form-urlencoded), not ${contentType || 'missing'}`,
					),
				};
			}
			params = req.body && typeof req.body === 'object' ? req.body : {};
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
		return { call };
	}

	function validateFields(fields) {
		if (fields === undefined) return undefined;
		if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
			return fail(400, 2, 'Invalid fields parameter: must be an object such as {"keys":1}');
		}
		const unknown = Object.keys(fields).filter((name) => !FIELDS.includes(name));
		return unknown.length ? fail(400, 2, `Unknown fields: ${unknown.join(', ')}`) : undefined;
	}

	function lookup(call, forPost) {
		if (call.id === undefined || call.id === null || String(call.id).trim() === '') {
			return { error: fail(400, 2, 'Missing required parameter: id') };
		}
		const type = call.key === undefined ? 'email' : call.key;
		const allowed = forPost ? KEY_TYPES.filter((t) => t !== 'cookie') : KEY_TYPES;
		if (!allowed.includes(type)) return { error: fail(400, 2, `Invalid key: ${type}`) };
		if (type === 'email' && !EMAIL.test(String(call.id).trim())) {
			return { error: fail(400, 11, `Invalid email: ${call.id}`) };
		}
		return { type, user: findUser(state, type, call.id) };
	}

	function getUser(call) {
		const invalid = validateFields(call.fields);
		if (invalid) return invalid;
		const found = lookup(call, false);
		if (found.error) return found.error;
		if (!found.user) return fail(404, 99, `User not found with ${found.type}: ${call.id}`);
		return { status: 200, body: fieldsOf(found.user, call.fields) };
	}

	function postUser(call) {
		const invalid = validateFields(call.fields);
		if (invalid) return invalid;
		const found = lookup(call, true);
		if (found.error) return found.error;
		if (call.keysconflict !== undefined && !['error', 'merge'].includes(call.keysconflict)) {
			return fail(400, 2, `Invalid keysconflict: ${call.keysconflict}`);
		}
		if (call.optout_email !== undefined && !OPT_OUT.includes(call.optout_email)) {
			return fail(400, 2, `Invalid optout_email: ${call.optout_email} (use none, all, basic or blast)`);
		}
		for (const name of ['keys', 'vars', 'lists', 'login']) {
			const value = call[name];
			if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
				return fail(400, 2, `Invalid ${name} parameter: must be an object`);
			}
		}
		const keys = call.keys || {};
		for (const [type, value] of Object.entries(keys)) {
			if (!SETTABLE_KEYS.includes(type)) return fail(400, 2, `Key ${type} cannot be set`);
			if (type === 'email' && !EMAIL.test(String(value))) return fail(400, 11, `Invalid email: ${value}`);
		}
		if (call.login && typeof call.login.site !== 'string' && typeof call.login.app !== 'string') {
			return fail(400, 2, 'Invalid login parameter: pass site or app');
		}

		let user = found.user;
		if (!user) {
			if (found.type === 'sid') return fail(404, 99, `User not found with sid: ${call.id}`);
			user = newProfile(state, { [found.type]: normalize(found.type, call.id) });
			state.users.push(user);
		}
		// Key changes first: a conflict must leave the profile untouched.
		const conflicts = [];
		for (const [type, value] of Object.entries(keys)) {
			const owner = findUser(state, type, value);
			if (owner && owner !== user) conflicts.push({ type, value, owner });
		}
		if (conflicts.length && call.keysconflict !== 'merge') {
			if (!found.user) state.users = state.users.filter((candidate) => candidate !== user);
			const { type, value } = conflicts[0];
			return fail(
				409,
				99,
				`Duplicate: ${type} ${value} already belongs to another user profile (keysconflict=merge merges them)`,
			);
		}
		for (const { owner } of conflicts) {
			if (state.users.includes(owner)) merge(state, user, owner);
		}
		for (const [type, value] of Object.entries(keys)) user.keys[type] = normalize(type, value);

		for (const [name, join] of Object.entries(call.lists || {})) {
			if (Number(join) === 1) user.lists[name] = user.lists[name] || SIGNUP_DATE;
			else delete user.lists[name];
		}
		for (const [name, value] of Object.entries(call.vars || {})) {
			if (value === null) delete user.vars[name];
			else user.vars[name] = value;
		}
		if (call.optout_email !== undefined) user.optout_email = call.optout_email;
		if (call.login) {
			user.logins.push({ ...call.login });
			user.activity.login_time = 'Mon, 23 Nov 2026 10:00:00 -0500';
			if (!user.keys.cookie) user.keys.cookie = cookieFor(user.keys.sid);
		}
		return { status: 200, body: call.fields === undefined ? { ok: true } : fieldsOf(user, call.fields) };
	}

	function getLists() {
		const counts = {};
		for (const user of state.users) {
			for (const name of Object.keys(user.lists)) counts[name] = (counts[name] || 0) + 1;
		}
		const lists = Object.keys(counts)
			.sort()
			.map((name) => ({
				list_id: crypto.createHash('md5').update(name).digest('hex').slice(0, 24),
				name,
				email_count: counts[name],
				type: 'normal',
			}));
		return { status: 200, body: { lists } };
	}

	function route(req, call) {
		if (req.path === '/user') {
			if (req.method === 'GET') return getUser(call);
			if (req.method === 'POST') return postUser(call);
			return fail(405, 1, `Unsupported HTTP method for user: ${req.method}`);
		}
		if (req.path === '/list' && req.method === 'GET') return getLists();
		return fail(404, 99, `Unknown API call: ${req.method} ${req.path}`);
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
		state.calls.push({ method: req.method, path: req.path, params: auth.call });
		return withHeaders(route(req, auth.call));
	}

	return { state, handle };
}

module.exports = {
	name: 'sailthru',
	prefix: '/sailthru',
	credentials: { apiKey: API_KEY, apiSecret: API_SECRET },
	create,
	expectedSignature,
};
