'use strict';
/**
 * Sailthru sandbox: lists (GET/POST/DELETE /list), the Content Library (GET/POST/DELETE
 * /content) and templates (GET/POST/DELETE /template). Unknown list: error 15; unknown
 * template: error 14; unknown content: error 99.
 */
const { fail, ok, isObject, blank, rfc2822, md5, missing, parseTime } = require('./common');

const CREATED = 'Mon, 02 Mar 2026 09:16:15 -0500';

function seedLibrary(state) {
	state.lists = {};
	for (const [name, primary] of [
		['All Users', 1],
		['Newsletter', 1],
		['Daily Deals', 0],
	]) {
		state.lists[name] = { list_id: md5(name).slice(0, 24), name, type: 'normal', primary, vars: {}, create_time: CREATED };
	}
	state.content = [
		{
			url: 'https://shop.example.com/p/sku-1',
			title: 'Water Bottle',
			keys: { sku: 'SKU-1' },
			price: 1099,
			inventory: 50,
			tags: ['outdoor'],
			vars: {},
			date: CREATED,
			seq: 1,
		},
		{
			url: 'https://shop.example.com/p/sku-2',
			title: 'Trail Map',
			keys: { sku: 'SKU-2' },
			price: 499,
			inventory: 12,
			tags: ['outdoor', 'maps'],
			vars: {},
			date: CREATED,
			seq: 2,
		},
	];
	state.contentSeq = 2;
	state.templates = {};
	state.nextRevision = 1000;
	for (const [name, subject] of [
		['welcome', 'Welcome, {first_name}'],
		['order-shipped', 'Your order {order_id} has shipped'],
		['weekly', 'This week at Acme'],
	]) {
		saveTemplate(state, name, {
			subject,
			from_name: 'Acme',
			from_email: 'news@example.com',
			content_html: `<p>${subject}</p>`,
			content_text: subject,
			labels: [],
		});
	}
}

function saveTemplate(state, name, fields) {
	const existing = state.templates[name];
	state.nextRevision += 1;
	const template = existing || { template_id: md5(`t:${name}`).slice(0, 24), name, revisions: {} };
	Object.assign(template, fields, { name, revision_id: state.nextRevision, modify_time: rfc2822(Date.now()) });
	const snapshot = { ...template };
	delete snapshot.revisions;
	template.revisions[state.nextRevision] = snapshot;
	state.templates[name] = template;
	return template;
}

const templateView = (template) => {
	const view = { ...template, revision_ids: Object.keys(template.revisions).map(Number) };
	delete view.revisions;
	return view;
};

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

function libraryRoutes(state) {
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

	const findContent = (call) => {
		const key = call.key === undefined ? 'url' : call.key;
		if (!['url', 'sku'].includes(key)) return { error: fail(400, 2, `Invalid key: ${key}`) };
		const id = String(call.id);
		const item = state.content.find((entry) => (key === 'url' ? entry.url === id : entry.keys.sku === id));
		return { key, item };
	};
	const contentView = (item) => {
		const view = { ...item };
		delete view.seq;
		return view;
	};

	function getContent(call) {
		if (blank(call.id)) {
			const count = call.items === undefined ? 20 : Number(call.items);
			if (!Number.isInteger(count) || count < 1 || count > 20000) return fail(400, 2, 'Invalid items: 1 to 20000');
			const recent = [...state.content].sort((a, b) => b.seq - a.seq).slice(0, count);
			return ok({ content: recent.map(contentView) });
		}
		const found = findContent(call);
		if (found.error) return found.error;
		if (!found.item) return fail(404, 99, `Content not found: ${call.id}`);
		return ok(contentView(found.item));
	}

	function postContent(call) {
		const absent = missing(call, ['id']);
		if (absent) return absent;
		const found = findContent(call);
		if (found.error) return found.error;
		let item = found.item;
		if (!item) {
			if (found.key === 'sku') return fail(400, 99, `Unknown sku: ${call.id} (create the item by URL first)`);
			if (!/^https?:\/\//.test(String(call.id))) return fail(400, 2, `Invalid url: ${call.id}`);
			state.contentSeq += 1;
			item = { url: String(call.id), title: '', keys: {}, tags: [], vars: {}, date: rfc2822(Date.now()), seq: state.contentSeq };
			state.content.push(item);
		}
		for (const name of ['price', 'inventory']) {
			if (call[name] !== undefined && !Number.isInteger(call[name])) return fail(400, 2, `Invalid ${name}: must be an integer`);
		}
		for (const name of ['date', 'expire_date']) {
			if (call[name] !== undefined && parseTime(call[name]) === undefined) return fail(400, 18, `Could not parse ${name}: ${call[name]}`);
		}
		const copy = ['title', 'date', 'expire_date', 'images', 'location', 'price', 'inventory', 'description', 'site_name', 'author'];
		for (const name of copy) if (call[name] !== undefined) item[name] = call[name];
		if (call.tags !== undefined) item.tags = Array.isArray(call.tags) ? call.tags : String(call.tags).split(',').map((t) => t.trim());
		if (call.vars !== undefined) item.vars = { ...item.vars, ...call.vars };
		if (call.keys !== undefined) item.keys = { ...item.keys, ...call.keys };
		return ok({ content: contentView(item) });
	}

	function deleteContent(call) {
		const absent = missing(call, ['id']);
		if (absent) return absent;
		const found = findContent(call);
		if (found.error) return found.error;
		if (!found.item) return fail(404, 99, `Content not found: ${call.id}`);
		state.content = state.content.filter((entry) => entry !== found.item);
		return ok({ id: call.id, ok: true });
	}

	function getTemplate(call) {
		if (!blank(call.revision)) {
			for (const template of Object.values(state.templates)) {
				const revision = template.revisions[Number(call.revision)];
				if (revision) return ok({ ...revision, revision_ids: Object.keys(template.revisions).map(Number) });
			}
			return fail(400, 14, `Unknown template revision: ${call.revision}`);
		}
		if (blank(call.template)) {
			return ok({
				templates: Object.values(state.templates).map((t) => ({
					template_id: t.template_id,
					name: t.name,
					labels: t.labels || [],
					subject: t.subject,
					modify_time: t.modify_time,
				})),
			});
		}
		const template = state.templates[call.template];
		if (!template) return fail(400, 14, `Unknown template: ${call.template}`);
		return ok(templateView(template));
	}

	function postTemplate(call) {
		const absent = missing(call, ['template']);
		if (absent) return absent;
		const fields = { ...call };
		delete fields.template;
		if (fields.revision !== undefined) {
			const existing = state.templates[call.template];
			const revision = existing && existing.revisions[Number(fields.revision)];
			if (!revision) return fail(400, 14, `Unknown template revision: ${fields.revision}`);
			delete fields.revision;
			Object.assign(fields, { ...revision, ...fields });
			delete fields.revision_id;
		}
		if (fields.from_email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(fields.from_email)) {
			return fail(400, 36, `From address not verified: ${fields.from_email}`);
		}
		return ok(templateView(saveTemplate(state, call.template, fields)));
	}

	function deleteTemplate(call) {
		const absent = missing(call, ['template']);
		if (absent) return absent;
		if (!state.templates[call.template]) return fail(400, 14, `Unknown template: ${call.template}`);
		delete state.templates[call.template];
		return ok({ template: call.template, ok: true });
	}

	return {
		'GET /list': getList,
		'POST /list': postList,
		'DELETE /list': deleteList,
		'GET /content': getContent,
		'POST /content': postContent,
		'DELETE /content': deleteContent,
		'GET /template': getTemplate,
		'POST /template': postTemplate,
		'DELETE /template': deleteTemplate,
	};
}

module.exports = { seedLibrary, libraryRoutes, allLists };
