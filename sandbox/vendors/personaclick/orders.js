'use strict';
/**
 * Order sync: POST /sync/orders. At most 1,000 orders and 32 MB per request, 40 requests a
 * minute (a 41st within 60 s answers 429 with the flat error envelope). Accepted orders are
 * upserted into `state.orders` (by id); processing is asynchronous at the vendor, so problems that
 * only processing finds (a new order without channel/date/value/items, a status update of an
 * unknown order) land in `state.processingErrors` (the error email), not in the answer.
 * `state.syncRequests` lists each accepted request's order count.
 */
const { ok, fail, EMAIL, PHONE } = require('./common');

const MAX_ORDERS = 1000;
const MAX_BYTES = 32 * 1024 * 1024;
const NEW_ORDER_FIELDS = ['channel', 'date', 'value', 'items'];
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Structural checks of one order: the message, or undefined when it can be accepted. */
function invalidOrder(order, index) {
	const at = `orders[${index}]`;
	if (!isObject(order)) return `${at} must be an object`;
	if (!(typeof order.id === 'string' || typeof order.id === 'number') || String(order.id) === '') return `${at}.id is required`;
	if (typeof order.status !== 'string' || order.status === '') return `${at}.status is required`;
	if (order.date !== undefined && !(Number.isInteger(order.date) && order.date >= 0 && order.date < 1e11)) {
		return `${at}.date must be a Unix timestamp in seconds`;
	}
	if (order.value !== undefined && !isObject(order.value)) return `${at}.value must be an object`;
	if (order.items !== undefined) {
		if (!Array.isArray(order.items)) return `${at}.items must be an array`;
		if (order.items.some((item) => !isObject(item) || item.id === undefined)) return `${at}.items[] need an id`;
	}
	if (order.offline !== undefined && typeof order.offline !== 'boolean') return `${at}.offline must be a boolean`;
	if (order.email !== undefined && !EMAIL.test(order.email)) return `${at}.email is not valid`;
	if (order.phone !== undefined && !PHONE.test(order.phone)) return `${at}.phone is not valid`;
	return undefined;
}

function orderRoutes(state) {
	/** Start times of the requests of the last minute (the rate limit's window). */
	const recent = [];

	function sync(params, req) {
		const now = state.now();
		while (recent.length && recent[0] <= now - state.syncLimit.perMs) recent.shift();
		if (recent.length >= state.syncLimit.requests) {
			state.rateLimited += 1;
			return fail(429, `Rate limit exceeded: ${state.syncLimit.requests} requests per minute`);
		}
		recent.push(now);
		if (Buffer.byteLength(req.rawBody || '') > MAX_BYTES) return fail(413, 'Request is larger than 32 MB');
		const { orders } = params;
		if (!Array.isArray(orders)) return fail(400, 'orders must be an array');
		if (orders.length === 0) {
			state.processingErrors.push('The orders array is empty');
			return fail(400, 'orders is empty');
		}
		if (orders.length > MAX_ORDERS) return fail(400, `Too many orders: at most ${MAX_ORDERS} per request`);
		for (const [index, order] of orders.entries()) {
			const problem = invalidOrder(order, index);
			if (problem) return fail(400, problem);
		}
		for (const order of orders) {
			const id = String(order.id);
			const existing = state.orders.find((candidate) => candidate.id === id);
			if (existing) {
				Object.assign(existing, JSON.parse(JSON.stringify(order)), { id });
				continue;
			}
			const missing = NEW_ORDER_FIELDS.filter((key) => order[key] === undefined);
			if (missing.length) {
				state.processingErrors.push(`Order ${id}: not found, and a new order needs ${missing.join(', ')}`);
				continue;
			}
			state.orders.push({ offline: false, ...JSON.parse(JSON.stringify(order)), id });
		}
		state.syncRequests.push(orders.length);
		return ok();
	}

	return { 'POST /sync/orders': sync };
}

module.exports = { orderRoutes, MAX_ORDERS };
