'use strict';
/**
 * Sailthru sandbox: lists (GET/POST/DELETE /list). A list a user joins exists from then on
 * (allLists). Unknown list: error 15.
 */
const { fail, ok, isObject, blank, rfc2822, md5, missing, CREATED } = require('./common');

function seedLists(state) {
	state.lists = {};
	for (const [name, primary] of [
		['All Users', 1],
		['Newsletter', 1],
		['Daily Deals', 0],
	]) {
		state.lists[name] = { list_id: md5(name).slice(0, 24), name, type: 'normal', primary, vars: {}, create_time: CREATED };
	}
}

/** Every list: the saved ones plus those users joined (Sailthru creates a list on first join). */
function allLists(state) {
	for (const user of state.users) {
		for (const name of Object.keys(user.lists)) {
			if (!state.lists[name]) {
				state.lists[name] = { list_id: md5(name).slice(0, 24), name, type: 'normal', primary: 0, vars: {}, create_time: CREATED };
			}
		}
	}
	return Object.values(state.lists);
}

const countOf = (state, name) => state.users.filter((user) => user.lists[name] !== undefined).length;

function listRoutes(state) {
	function getList(call) {
		const lists = allLists(state);
		const wanted = blank(call.list) ? (blank(call.list_id) ? undefined : { id: String(call.list_id) }) : { name: String(call.list) };
		if (!wanted) {
			const selected = Number(call.primary) === 1 ? lists.filter((list) => list.primary === 1) : lists;
			return ok({
				lists: selected.map((list) => ({
					list_id: list.list_id,
					name: list.name,
					email_count: countOf(state, list.name),
					valid_count: countOf(state, list.name),
					create_time: list.create_time,
					type: list.type,
				})),
			});
		}
		const list = wanted.name !== undefined ? state.lists[wanted.name] : lists.find((entry) => entry.list_id === wanted.id);
		if (!list) return fail(400, 15, `Unknown list: ${wanted.name ?? wanted.id}`);
		const body = {
			list_id: list.list_id,
			list: list.name,
			create_time: list.create_time,
			count: countOf(state, list.name),
			type: list.type,
			primary: list.primary,
		};
		if (list.query) body.query = list.query;
		if (isObject(call.fields) && call.fields.vars) body.vars = list.vars;
		return ok(body);
	}

	function postList(call) {
		const absent = missing(call, ['list']);
		if (absent) return absent;
		if (call.type !== undefined && !['normal', 'smart'].includes(call.type)) return fail(400, 2, `Invalid type: ${call.type}`);
		if (call.primary !== undefined && ![0, 1].includes(Number(call.primary))) return fail(400, 2, 'Invalid primary: use 0 or 1');
		for (const name of ['vars', 'query']) {
			if (call[name] !== undefined && !isObject(call[name])) return fail(400, 2, `Invalid ${name} parameter: must be an object`);
		}
		if (call.type === 'smart' && !call.query && !(state.lists[call.list] || {}).query) {
			return fail(400, 2, 'A smart list needs a query');
		}
		allLists(state);
		const list = state.lists[call.list] || {
			list_id: md5(call.list).slice(0, 24),
			name: call.list,
			type: 'normal',
			primary: 0,
			vars: {},
			create_time: rfc2822(Date.now()),
		};
		if (call.type !== undefined) list.type = call.type;
		if (call.primary !== undefined) list.primary = Number(call.primary);
		if (call.query !== undefined) list.query = call.query;
		if (call.vars !== undefined) list.vars = { ...list.vars, ...call.vars };
		state.lists[call.list] = list;
		return ok({ list_id: list.list_id, list: list.name, type: list.type, primary: list.primary, vars: list.vars });
	}

	function deleteList(call) {
		const absent = missing(call, ['list']);
		if (absent) return absent;
		allLists(state);
		if (!state.lists[call.list]) return fail(400, 15, `Unknown list: ${call.list}`);
		delete state.lists[call.list];
		for (const user of state.users) delete user.lists[call.list];
		return ok({ list: call.list, ok: true });
	}

	return { 'GET /list': getList, 'POST /list': postList, 'DELETE /list': deleteList };
}

module.exports = { seedLists, listRoutes, allLists };
