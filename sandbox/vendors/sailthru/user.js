'use strict';
/**
 * Sailthru sandbox: user profiles (GET/POST /user). Profiles keep keys (email, sid, cookie, sms,
 * fb, twitter, extid), vars, lists (with signup dates), optout_email, engagement, activity and
 * smart lists; POST honours keys + keysconflict (error: 409 duplicate; merge: the referenced
 * profile wins) and login.
 */
const crypto = require('node:crypto');

const { fail, EMAIL } = require('./common');

const KEY_TYPES = ['email', 'sid', 'cookie', 'sms', 'fb', 'twitter', 'extid'];
/** Keys a POST may set (the sid and the cookie are Sailthru's own). */
const SETTABLE_KEYS = ['email', 'sms', 'fb', 'twitter', 'extid'];
const FIELDS = ['activity', 'engagement', 'keys', 'lists', 'optout_email', 'smart_lists', 'vars'];
const DEFAULT_FIELDS = ['keys', 'vars', 'lists', 'engagement', 'optout_email'];
const OPT_OUT = ['none', 'all', 'basic', 'blast'];

const SIGNUP_DATE = 'Mon, 02 Mar 2026 09:16:15 -0500';


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

function seedUsers(state) {
	state.nextSid = 0;
	state.users = [];
	state.merges = [];
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
}

const normalize = (type, value) => (type === 'email' ? String(value).trim().toLowerCase() : String(value).trim());

function findUser(state, type, value) {
	const wanted = normalize(type, value);
	return state.users.find((user) => user.keys[type] !== undefined && normalize(type, user.keys[type]) === wanted);
}

/** A profile by email, created when missing (sends, purchases, jobs). */
function userFor(state, email) {
	let user = findUser(state, 'email', email);
	if (!user) {
		user = newProfile(state, { email: email.toLowerCase() });
		state.users.push(user);
	}
	return user;
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

function userRoutes(state) {
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


	return { 'GET /user': getUser, 'POST /user': postUser };
}

module.exports = { seedUsers, userRoutes, findUser, newProfile, userFor, normalize, SIGNUP_DATE };
