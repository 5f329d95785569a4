'use strict';
/**
 * Sailthru sandbox: transactional sends (GET/POST/DELETE /send). Sends are recorded and can be
 * read back; a scheduled send can be cancelled until it goes out (then 403, error 41).
 */
const { fail, ok, EMAIL, isObject, rfc2822, parseTime, missing } = require('./common');
const { userFor } = require('./user');

function seedSends(state) {
	state.sends = [];
	state.nextSend = 0;
}

function sendRoutes(state) {
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

	return { 'GET /send': getSend, 'POST /send': postSend, 'DELETE /send': deleteSend };
}

module.exports = { seedSends, sendRoutes };
