'use strict';
/**
 * Sailthru sandbox: purchases (GET/POST /purchase). A complete purchase takes its items' quantity
 * off the inventory of the Content Library items with the same URL.
 */
const { fail, ok, EMAIL, isObject, blank, rfc2822, parseTime, hexId, missing } = require('./common');
const { userFor } = require('./user');

function seedPurchases(state) {
	state.purchases = [];
	state.nextPurchase = 0;
}

function purchaseRoutes(state) {
	function checkItems(items, required) {
		if (!Array.isArray(items) || items.length === 0) return fail(400, 99, 'No items in purchase');
		for (const [index, item] of items.entries()) {
			if (!isObject(item)) return fail(400, 2, `Invalid item ${index}: must be an object`);
			const name = required.find((field) => blank(item[field]));
			if (name) return fail(400, 2, `Item ${index} is missing ${name}`);
			if (!Number.isInteger(item.price)) return fail(400, 2, `Item ${index}: price must be an integer number of cents`);
			if (!Number.isInteger(item.qty) || item.qty < 1) return fail(400, 2, `Item ${index}: qty must be a positive integer`);
		}
		return undefined;
	}

	function postPurchase(call) {
		const absent = missing(call, ['email']);
		if (absent) return absent;
		if (!EMAIL.test(String(call.email))) return fail(400, 11, `Invalid email: ${call.email}`);
		const invalid = checkItems(call.items, ['qty', 'title', 'price', 'id', 'url']);
		if (invalid) return invalid;
		for (const name of ['adjustments', 'tenders']) {
			const rows = call[name];
			if (rows !== undefined && (!Array.isArray(rows) || rows.some((row) => !isObject(row) || !Number.isInteger(row.price)))) {
				return fail(400, 2, `Invalid ${name}: [{title, price (cents)}]`);
			}
		}
		if (call.incomplete !== undefined && ![0, 1].includes(Number(call.incomplete))) return fail(400, 2, 'Invalid incomplete: use 0 or 1');
		if (call.date !== undefined && parseTime(call.date) === undefined) return fail(400, 18, `Could not parse date: ${call.date}`);
		if (call.channel !== undefined && !['online', 'offline', 'app'].includes(call.channel)) {
			return fail(400, 2, `Invalid channel: ${call.channel}`);
		}
		const user = userFor(state, String(call.email));
		state.nextPurchase += 1;
		const total =
			call.items.reduce((sum, item) => sum + item.qty * item.price, 0) +
			(call.adjustments || []).reduce((sum, row) => sum + row.price, 0);
		const purchase = {
			_id: hexId('5c', state.nextPurchase),
			email: String(call.email).toLowerCase(),
			sid: user.keys.sid,
			items: call.items,
			qty: call.items.reduce((sum, item) => sum + item.qty, 0),
			price: total,
			time: rfc2822(call.date !== undefined ? parseTime(call.date) : Date.now()),
			incomplete: Number(call.incomplete || 0),
			...(call.purchase_keys ? { purchase_keys: call.purchase_keys } : {}),
			...(call.message_id ? { message_id: call.message_id } : {}),
			...(call.adjustments ? { adjustments: call.adjustments } : {}),
			...(call.tenders ? { tenders: call.tenders } : {}),
			...(call.vars ? { vars: call.vars } : {}),
			...(call.channel ? { channel: call.channel } : {}),
		};
		state.purchases.push(purchase);
		if (!purchase.incomplete) {
			for (const item of call.items) {
				const content = state.content.find((entry) => entry.url === item.url);
				if (content && Number.isInteger(content.inventory)) content.inventory -= item.qty;
			}
		}
		return ok({ purchase });
	}

	function getPurchase(call) {
		const absent = missing(call, ['purchase_id']);
		if (absent) return absent;
		const key = call.purchase_key === undefined ? 'sid' : call.purchase_key;
		if (!['sid', 'extid'].includes(key)) return fail(400, 2, `Invalid purchase_key: ${call.purchase_key}`);
		const id = String(call.purchase_id);
		const purchase = state.purchases.find((entry) =>
			key === 'sid' ? entry._id === id : entry.purchase_keys && entry.purchase_keys.extid === id,
		);
		return purchase ? ok({ purchase }) : fail(404, 99, `Purchase not found: ${id}`);
	}

	return { 'GET /purchase': getPurchase, 'POST /purchase': postPurchase };
}

module.exports = { seedPurchases, purchaseRoutes };
