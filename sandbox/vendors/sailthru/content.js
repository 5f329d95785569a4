'use strict';
/**
 * Sailthru sandbox: the Content Library (GET/POST/DELETE /content), by URL or by SKU. Unknown
 * content: error 99.
 */
const { fail, ok, blank, rfc2822, missing, parseTime, CREATED } = require('./common');

function seedContent(state) {
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
}

function contentRoutes(state) {
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

	return { 'GET /content': getContent, 'POST /content': postContent, 'DELETE /content': deleteContent };
}

module.exports = { seedContent, contentRoutes };
