'use strict';
/**
 * Sailthru sandbox: stats (GET /stats): stat=list (a primary list's members by engagement),
 * stat=blast (one blast, or the sent ones in a date range) and stat=send (a template's sends),
 * computed from the state. Unknown stat: error 99.
 */
const { fail, ok, blank, rfc2822, parseTime, missing } = require('./common');
const { allLists } = require('./list');
const { findBlast } = require('./blast');

function statsRoutes(state) {
	const find = (id) => findBlast(state, id);

	function getStats(call) {
		if (call.stat === 'list') {
			const lists = allLists(state).filter((list) => list.primary === 1);
			let selected = lists;
			if (!blank(call.list)) {
				const list = state.lists[call.list];
				if (!list) return fail(400, 15, `Unknown list: ${call.list}`);
				if (list.primary !== 1) return fail(400, 99, `List stats are kept for primary lists only: ${call.list}`);
				selected = [list];
			}
			if (!blank(call.date) && parseTime(call.date) === undefined) return fail(400, 18, `Could not parse date: ${call.date}`);
			const members = state.users.filter((user) => selected.some((list) => user.lists[list.name] !== undefined));
			const by = (level) => members.filter((user) => user.engagement === level).length;
			return ok({
				day: blank(call.date) ? rfc2822(Date.now()).slice(0, 16) : String(call.date),
				...(blank(call.list) ? {} : { list: call.list }),
				email_count: members.length,
				engaged_count: by('engaged'),
				active_count: by('active'),
				passive_count: by('passive'),
				dormant_count: by('dormant'),
				disengaged_count: by('disengaged'),
				hardbounce_count: 0,
				optout_count: members.filter((user) => user.optout_email !== 'none').length,
			});
		}
		if (call.stat === 'blast') {
			let blasts;
			if (!blank(call.blast_id)) {
				const blast = find(call.blast_id);
				if (!blast) return fail(400, 13, `Unknown blast_id: ${call.blast_id}`);
				blasts = [blast];
			} else {
				const absent = missing(call, ['start_date', 'end_date']);
				if (absent) return fail(400, 2, 'Pass blast_id, or start_date and end_date');
				const from = parseTime(call.start_date);
				const to = parseTime(call.end_date);
				if (from === undefined || to === undefined) return fail(400, 18, 'Could not parse start_date or end_date');
				blasts = state.blasts.filter((blast) => blast.status === 'sent' && blast.schedule_ms >= from && blast.schedule_ms <= to);
			}
			if (!blank(call.list)) blasts = blasts.filter((blast) => blast.list === call.list);
			const count = blasts.reduce((sum, blast) => sum + (blast.email_count || 0), 0);
			return ok({ count, estopens: Math.floor(count / 2), click_total: Math.floor(count / 4), rev: 0, ...(blank(call.blast_id) ? { blast_count: blasts.length } : {}) });
		}
		if (call.stat === 'send') {
			const absent = missing(call, ['template', 'start_date', 'end_date']);
			if (absent) return absent;
			if (!state.templates[call.template]) return fail(400, 14, `Unknown template: ${call.template}`);
			const from = parseTime(call.start_date);
			const to = parseTime(call.end_date);
			if (from === undefined || to === undefined) return fail(400, 18, 'Could not parse start_date or end_date');
			const sends = state.sends.filter((send) => send.template === call.template);
			return ok({ template: call.template, count: sends.length, delivered: sends.filter((s) => s.status === 'delivered').length });
		}
		return fail(400, 99, `Unknown stat: ${call.stat}`);
	}

	return { 'GET /stats': getStats };
}

module.exports = { statsRoutes };
