'use strict';
/**
 * Sailthru sandbox: transactional sends (GET/POST/DELETE /send), custom events (POST /event),
 * purchases (GET/POST /purchase) and returns (POST /return). Sends are recorded and can be read
 * back; a scheduled send can be cancelled until it goes out (then 403, error 41).
 */
const { fail, ok, EMAIL, isObject, blank, rfc2822, parseTime, hexId, missing } = require('./common');
const { findUser, newProfile } = require('./user');

const RESERVED_EVENTS = ['send', 'cancel', 'open', 'click', 'purchase', 'daily'];
const EVENT_KEYS = ['email', 'sid', 'extid', 'sms', 'cookie'];

function seedMessaging(state) {
	state.sends = [];
	state.events = [];
	state.purchases = [];
	state.returns = [];
	state.nextSend = 0;
	state.nextPurchase = 0;
}

function userFor(state, email) {
	let user = findUser(state, 'email', email);
	if (!user) {
		user = newProfile(state, { email: email.toLowerCase() });
		state.users.push(user);
	}
	return user;
}

function messagingRoutes(state) {
	/** A scheduled send whose time has come is sent (status delivered). */
	function settle(send, now = Date.now()) {
		if (send.status === 'scheduled' && send.schedule_ms <= now) {
			send.status = 'delivered';
			send.send_time = rfc2822(send.schedule_ms);
		}
		return send;
	}
	const sendView = (send) => {
		const view = { ...settle(send) };
		delete view.schedule_ms;
		return view;
	};

	function postSend(call) {
		const absent = missing(call, ['template', 'email']);
		if (absent) return absent;
		if (!state.templates[call.template]) return fail(400, 14, `Unknown template: ${call.template}`);
		for (const name of ['vars', 'evars', 'options', 'limit']) {
			if (call[name] !== undefined && !isObject(call[name])) return fail(400, 2, `Invalid ${name} parameter: must be an object`);
		}
		const emails = String(call.email).split(',').map((email) => email.trim());
		const bad = emails.find((email) => !EMAIL.test(email));
		if (bad) return fail(400, 11, `Invalid email: ${bad}`);
		let scheduleMs;
		if (call.schedule_time !== undefined) {
			scheduleMs = parseTime(call.schedule_time);
			if (scheduleMs === undefined) return fail(400, 18, `Could not parse schedule_time: ${call.schedule_time}`);
		}
		if (call.options && call.options.behalf_email !== undefined && !EMAIL.test(call.options.behalf_email)) {
			return fail(400, 11, `Invalid email: ${call.options.behalf_email}`);
		}
		const evars = call.evars || {};
		const created = emails.map((email) => {
			state.nextSend += 1;
			const sendId = `TE8EZ3-LmosnA${String(state.nextSend).padStart(3, '0')}`;
			userFor(state, email);
			const later = scheduleMs !== undefined && scheduleMs > Date.now();
			const send = {
				send_id: sendId,
				email,
				template: call.template,
				status: later ? 'scheduled' : 'delivered',
				vars: { ...(call.vars || {}), ...(evars[email] || {}) },
				options: call.options || {},
				...(call.limit ? { limit: call.limit } : {}),
				...(later ? { schedule_time: rfc2822(scheduleMs), schedule_ms: scheduleMs } : { send_time: rfc2822(Date.now()) }),
				view_url: `https://link.sailthru.example/view/${sendId}`,
			};
			state.sends.push(send);
			return send;
		});
		if (emails.length === 1 && !String(call.email).includes(',')) {
			return ok(sendView(created[0]));
		}
		return ok({
			sent_count: created.length,
			send_ids: Object.fromEntries(created.map((send) => [send.email, send.send_id])),
			template: call.template,
		});
	}

	const findSend = (call) => state.sends.find((send) => send.send_id === String(call.send_id));

	function getSend(call) {
		const absent = missing(call, ['send_id']);
		if (absent) return absent;
		const send = findSend(call);
		return send ? ok(sendView(send)) : fail(400, 12, `Unknown send_id: ${call.send_id}`);
	}

	function deleteSend(call) {
		const absent = missing(call, ['send_id']);
		if (absent) return absent;
		const send = findSend(call);
		if (!send) return fail(400, 12, `Unknown send_id: ${call.send_id}`);
		settle(send);
		if (send.status !== 'scheduled') return fail(403, 41, `Cannot cancel send ${send.send_id}: it has already been sent`);
		send.status = 'cancelled';
		return ok({ send_id: send.send_id, ok: true });
	}

	function postEvent(call) {
		const absent = missing(call, ['id', 'event']);
		if (absent) return absent;
		if (RESERVED_EVENTS.includes(String(call.event).toLowerCase())) {
			return fail(400, 99, `Reserved event name: ${call.event}`);
		}
		const key = call.key === undefined ? 'email' : call.key;
		if (!EVENT_KEYS.includes(key)) return fail(400, 2, `Invalid key: ${key}`);
		if (key === 'email' && !EMAIL.test(String(call.id))) return fail(400, 11, `Invalid email: ${call.id}`);
		if (call.vars !== undefined && !isObject(call.vars)) return fail(400, 2, 'Invalid vars parameter: must be an object');
		if (key !== 'email' && !findUser(state, key, call.id)) return fail(404, 99, `User not found with ${key}: ${call.id}`);
		state.events.push({ id: call.id, key, event: call.event, vars: call.vars || {} });
		return ok({ ok: true });
	}

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

	function postReturn(call) {
		const absent = missing(call, ['email']);
		if (absent) return absent;
		if (!EMAIL.test(String(call.email))) return fail(400, 11, `Invalid email: ${call.email}`);
		if (!Array.isArray(call.items) || call.items.length === 0) return fail(400, 99, 'No items in return');
		for (const [index, item] of call.items.entries()) {
			const name = ['qty', 'price', 'url'].find((field) => blank(item[field]));
			if (name) return fail(400, 2, `Item ${index} is missing ${name}`);
			if (!Number.isInteger(item.price)) return fail(400, 2, `Item ${index}: price must be an integer number of cents`);
		}
		const record = { email: String(call.email).toLowerCase(), items: call.items };
		state.returns.push(record);
		return ok({ ok: true, return: record });
	}

	return {
		'GET /send': getSend,
		'POST /send': postSend,
		'DELETE /send': deleteSend,
		'POST /event': postEvent,
		'GET /purchase': getPurchase,
		'POST /purchase': postPurchase,
		'POST /return': postReturn,
	};
}

module.exports = { seedMessaging, messagingRoutes };
