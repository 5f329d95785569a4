'use strict';
/**
 * Sailthru sandbox: campaigns (GET/POST/DELETE /blast). Blasts are created (draft), scheduled,
 * sending or sent; "now" sends at once; a blast that started sending cannot be deleted (403).
 * Unknown blast: error 13.
 */
const { fail, ok, EMAIL, blank, rfc2822, parseTime, missing } = require('./common');
const { allLists } = require('./list');

const STATUSES = ['created', 'scheduled', 'sending', 'sent'];
const CONTENT_FIELDS = ['name', 'list', 'schedule_time', 'from_name', 'from_email', 'subject', 'content_html', 'content_text'];

function seedBlasts(state) {
	state.blasts = [];
	state.nextBlast = 7000;
	const base = Date.parse('2026-11-01T15:00:00Z');
	for (const [index, name] of ['Launch', 'October news', 'November news'].entries()) {
		state.nextBlast += 1;
		state.blasts.push({
			blast_id: state.nextBlast,
			name,
			list: 'Newsletter',
			subject: name,
			from_name: 'Acme',
			from_email: 'news@example.com',
			content_html: `<p>${name}</p>`,
			content_text: name,
			status: 'sent',
			schedule_time: rfc2822(base + index * 86_400_000),
			schedule_ms: base + index * 86_400_000,
			email_count: 2,
			labels: [],
		});
	}
}

/** A blast by its ID (as is: not settled). */
const findBlast = (state, id) => state.blasts.find((blast) => String(blast.blast_id) === String(id));

function blastRoutes(state) {
	const view = (blast) => {
		const copy = { ...blast };
		delete copy.schedule_ms;
		return copy;
	};
	const find = (id) => findBlast(state, id);

	function settle(blast) {
		if (blast.status === 'scheduled' && blast.schedule_ms <= Date.now()) blast.status = 'sent';
		return blast;
	}

	function getBlast(call) {
		if (!blank(call.blast_id)) {
			const blast = find(call.blast_id);
			return blast ? ok(view(settle(blast))) : fail(400, 13, `Unknown blast_id: ${call.blast_id}`);
		}
		const wanted = call.status === 'unscheduled' ? 'created' : call.status;
		if (!STATUSES.includes(wanted)) return fail(400, 2, 'Missing or invalid parameter: status (created, scheduled, sending, sent)');
		const limit = call.limit === undefined ? 20 : Number(call.limit);
		const skip = call.skip === undefined ? 0 : Number(call.skip);
		if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(skip) || skip < 0) return fail(400, 2, 'Invalid limit or skip');
		let from;
		let to;
		if (call.start_date !== undefined && (from = parseTime(call.start_date)) === undefined) return fail(400, 18, 'Could not parse start_date');
		if (call.end_date !== undefined && (to = parseTime(call.end_date)) === undefined) return fail(400, 18, 'Could not parse end_date');
		const matching = state.blasts
			.map(settle)
			.filter((blast) => blast.status === wanted)
			.filter((blast) => blank(call.list) || blast.list === call.list)
			.filter((blast) => from === undefined || (blast.schedule_ms !== undefined && blast.schedule_ms >= from))
			.filter((blast) => to === undefined || (blast.schedule_ms !== undefined && blast.schedule_ms <= to))
			.sort((a, b) => b.blast_id - a.blast_id);
		const page = limit === 0 ? matching.slice(skip) : matching.slice(skip, skip + limit);
		return ok({ [`${wanted}_count`]: matching.length, status: wanted, skip, limit, blasts: page.map(view) });
	}

	function schedule(blast, value) {
		if (value === '') {
			blast.status = 'created';
			blast.schedule_time = '';
			delete blast.schedule_ms;
			return undefined;
		}
		const ms = parseTime(value);
		if (ms === undefined) return fail(400, 18, `Could not parse schedule_time: ${value}`);
		blast.schedule_ms = ms;
		blast.schedule_time = rfc2822(ms);
		blast.status = ms <= Date.now() ? 'sent' : 'scheduled';
		if (blast.status === 'sent') blast.email_count = state.users.filter((user) => user.lists[blast.list] !== undefined).length;
		return undefined;
	}

	function createBlast(call) {
		let blast;
		if (!blank(call.copy_blast)) {
			const absent = missing(call, ['schedule_time']);
			if (absent) return absent;
			const source = find(call.copy_blast);
			if (!source) return fail(400, 13, `Unknown blast_id: ${call.copy_blast}`);
			blast = { ...view(source), name: call.name || `Copy of ${source.name}` };
		} else if (!blank(call.copy_template)) {
			const absent = missing(call, ['list', 'schedule_time']);
			if (absent) return absent;
			const template = state.templates[call.copy_template];
			if (!template) return fail(400, 14, `Unknown template: ${call.copy_template}`);
			blast = {
				name: call.name || template.name,
				list: call.list,
				subject: template.subject,
				from_name: template.from_name,
				from_email: template.from_email,
				content_html: template.content_html,
				content_text: template.content_text,
				copy_template: template.name,
			};
		} else {
			const absent = missing(call, CONTENT_FIELDS);
			if (absent) return absent;
			if (!EMAIL.test(call.from_email)) return fail(400, 36, `From address not verified: ${call.from_email}`);
			blast = {};
			for (const name of CONTENT_FIELDS) blast[name] = call[name];
		}
		if (!allLists(state).some((list) => list.name === blast.list)) return fail(400, 15, `Unknown list: ${blast.list}`);
		for (const [name, value] of Object.entries(call)) {
			if (!['copy_blast', 'copy_template', 'schedule_time', 'blast_id'].includes(name) && blast[name] === undefined) blast[name] = value;
		}
		state.nextBlast += 1;
		blast.blast_id = state.nextBlast;
		blast.email_count = 0;
		blast.labels = blast.labels || [];
		const error = schedule(blast, call.schedule_time);
		if (error) return error;
		state.blasts.push(blast);
		return ok(view(blast));
	}

	function updateBlast(call) {
		const blast = find(call.blast_id);
		if (!blast) return fail(400, 13, `Unknown blast_id: ${call.blast_id}`);
		settle(blast);
		if (blast.status === 'sent' && call.paused === undefined) return fail(403, 41, `Blast ${blast.blast_id} has already been sent`);
		for (const [name, value] of Object.entries(call)) {
			if (['blast_id', 'schedule_time', 'status', 'paused'].includes(name)) continue;
			if (name === 'from_email' && !EMAIL.test(value)) return fail(400, 36, `From address not verified: ${value}`);
			blast[name] = value;
		}
		if (call.paused !== undefined) {
			if (typeof call.paused !== 'boolean') return fail(400, 2, 'Invalid paused: true or false');
			blast.paused = call.paused;
		}
		if (call.schedule_time !== undefined) {
			const error = schedule(blast, call.schedule_time);
			if (error) return error;
		}
		if (call.status === 'draft') blast.status = 'created';
		return ok(view(blast));
	}

	function postBlast(call) {
		if (!blank(call.blast_id)) return updateBlast(call);
		return createBlast(call);
	}

	function deleteBlast(call) {
		const absent = missing(call, ['blast_id']);
		if (absent) return absent;
		const blast = find(call.blast_id);
		if (!blast) return fail(400, 13, `Unknown blast_id: ${call.blast_id}`);
		settle(blast);
		if (['sending', 'sent'].includes(blast.status)) return fail(403, 41, `Cannot delete blast ${blast.blast_id}: sending has started`);
		state.blasts = state.blasts.filter((entry) => entry !== blast);
		return ok({ ok: true, blast_id: blast.blast_id });
	}

	return { 'GET /blast': getBlast, 'POST /blast': postBlast, 'DELETE /blast': deleteBlast };
}

module.exports = { seedBlasts, blastRoutes, findBlast };
