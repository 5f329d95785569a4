'use strict';
/** Sailthru sandbox: returns (POST /return), recorded as sent. */
const { fail, ok, EMAIL, blank, missing } = require('./common');

function seedReturns(state) {
	state.returns = [];
}

function returnRoutes(state) {
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

	return { 'POST /return': postReturn };
}

module.exports = { seedReturns, returnRoutes };
