'use strict';
/**
 * Sailthru sandbox: jobs (POST/GET /job). A job is pending for `state.jobPolls` reads of
 * GET /job, then completed (its effect applied then: users imported, updated, purchases and
 * content loaded; exports get an export_url). Import-type jobs take their data from a multipart
 * `file` part, `emails`, a `url` or a `query`.
 */
const { fail, ok, EMAIL, isObject, blank, rfc2822, hexId, missing } = require('./common');
const { userFor, SIGNUP_DATE } = require('./user');

const TYPES = [
	'import',
	'update',
	'purchase_import',
	'content_update',
	'export_list_data',
	'export_purchase_log',
	'export_scheduled_sends',
	'blast_query',
	'snapshot',
];
const FILE_TYPES = ['import', 'update', 'purchase_import', 'content_update'];

function seedJobs(state) {
	state.jobs = [];
	state.nextJob = 0;
	/** GET /job reads a job answers "pending" before it is completed. */
	state.jobPolls = 2;
	/** Set to a job type to make jobs of that type end with status "error" (for tests). */
	state.failJobType = undefined;
}

const lines = (text) =>
	String(text)
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);

function jsonLines(text) {
	const records = [];
	for (const [index, line] of lines(text).entries()) {
		let record;
		try {
			record = JSON.parse(line);
		} catch {
			return { error: fail(400, 99, `Line ${index + 1} of the file is not JSON`) };
		}
		if (!isObject(record)) return { error: fail(400, 99, `Line ${index + 1} of the file is not a JSON object`) };
		records.push(record);
	}
	return { records };
}

function csvEmails(text) {
	const rows = lines(text).map((line) => line.split(',')[0].replace(/^"|"$/g, '').trim());
	if (rows.length && !EMAIL.test(rows[0])) rows.shift();
	return rows;
}

function applyUpdate(user, update) {
	for (const [name, value] of Object.entries(update.vars || {})) user.vars[name] = value;
	for (const [name, join] of Object.entries(update.lists || {})) {
		if (Number(join) === 1) user.lists[name] = user.lists[name] || SIGNUP_DATE;
		else delete user.lists[name];
	}
	if (update.optout_email) user.optout_email = update.optout_email;
}

function jobRoutes(state) {
	/** The job's effect, when it completes. */
	function run(job) {
		const { call, file } = job;
		const result = {};
		if (job.name === 'import') {
			const emails = call.emails ? String(call.emails).split(',').map((e) => e.trim()) : csvEmails(file || '');
			const valid = emails.filter((email) => EMAIL.test(email));
			for (const email of valid) userFor(state, email).lists[call.list] = SIGNUP_DATE;
			Object.assign(result, { list: call.list, count: valid.length, invalid_count: emails.length - valid.length });
		} else if (job.name === 'update') {
			let records = [];
			if (file !== undefined) records = jsonLines(file).records;
			else if (call.emails) records = String(call.emails).split(',').map((email) => ({ email: email.trim() }));
			else if (call.query) records = state.users.filter((user) => user.keys.email).map((user) => ({ email: user.keys.email }));
			for (const record of records) {
				if (!record.email || !EMAIL.test(record.email)) continue;
				const user = userFor(state, record.email);
				applyUpdate(user, record);
				if (call.update) applyUpdate(user, call.update);
			}
			result.count = records.length;
		} else if (job.name === 'purchase_import') {
			const { records } = jsonLines(file);
			for (const record of records) {
				state.nextPurchase += 1;
				state.purchases.push({ _id: hexId('5c', state.nextPurchase), ...record });
			}
			result.count = records.length;
		} else if (job.name === 'content_update') {
			const { records } = jsonLines(file);
			for (const record of records) {
				const item = state.content.find((entry) => entry.url === record.url);
				if (item) Object.assign(item, record);
			}
			result.count = records.length;
		} else {
			result.export_url = `https://exports.sailthru.example/${job.job_id}.csv`;
			result.expired = false;
		}
		return result;
	}

	function postJob(call, req) {
		const absent = missing(call, ['job']);
		if (absent) return absent;
		if (!TYPES.includes(call.job)) return fail(400, 99, `Unknown job type: ${call.job}`);
		const file = req.files && req.files.file !== undefined ? req.files.file.data : undefined;
		if (file !== undefined && !FILE_TYPES.includes(call.job)) return fail(400, 99, `Job ${call.job} takes no file`);
		if (call.job === 'import') {
			const noList = missing(call, ['list']);
			if (noList) return noList;
			if (file === undefined && blank(call.emails) && blank(call.url)) return fail(400, 2, 'Import needs a file, emails or a url');
			if (!blank(call.emails)) {
				const bad = String(call.emails).split(',').map((e) => e.trim()).find((email) => !EMAIL.test(email));
				if (bad) return fail(400, 11, `Invalid email: ${bad}`);
			}
		}
		if (call.job === 'update' && file === undefined && blank(call.emails) && blank(call.url) && !isObject(call.query)) {
			return fail(400, 2, 'Update needs a file, emails, a url or a query');
		}
		if (call.job === 'update' && call.update !== undefined && !isObject(call.update)) return fail(400, 2, 'Invalid update: must be an object');
		if (['purchase_import', 'content_update'].includes(call.job)) {
			if (file === undefined && blank(call.url)) return fail(400, 2, `${call.job} needs a file or a url`);
			if (file !== undefined) {
				const parsed = jsonLines(file);
				if (parsed.error) return parsed.error;
			}
		}
		if (call.job === 'export_list_data' && !state.lists[call.list]) {
			return blank(call.list) ? fail(400, 2, 'Missing required parameter: list') : fail(400, 15, `Unknown list: ${call.list}`);
		}
		if (call.job === 'export_purchase_log') {
			const noDates = missing(call, ['start_date', 'end_date']);
			if (noDates) return noDates;
		}
		if (call.job === 'blast_query' && !state.blasts.some((blast) => String(blast.blast_id) === String(call.blast_id))) {
			return fail(400, 13, `Unknown blast_id: ${call.blast_id}`);
		}
		if (call.job === 'snapshot' && !isObject(call.query)) return fail(400, 2, 'Missing required parameter: query');
		state.nextJob += 1;
		const job = {
			job_id: hexId('5e', state.nextJob),
			name: call.job,
			status: 'pending',
			start_time: rfc2822(Date.now()),
			polls: 0,
			call,
			file,
			fileName: req.files && req.files.file ? req.files.file.fileName : undefined,
		};
		state.jobs.push(job);
		return ok({ job_id: job.job_id, name: job.name, status: job.status });
	}

	const view = (job) => {
		const copy = { job_id: job.job_id, name: job.name, status: job.status, start_time: job.start_time };
		if (job.end_time) copy.end_time = job.end_time;
		return { ...copy, ...(job.result || {}) };
	};

	function getJob(call) {
		const absent = missing(call, ['job_id']);
		if (absent) return absent;
		const job = state.jobs.find((entry) => entry.job_id === String(call.job_id));
		if (!job) return fail(400, 99, `Unknown job_id: ${call.job_id}`);
		if (job.status === 'pending') {
			job.polls += 1;
			if (job.polls > state.jobPolls && state.failJobType === job.name) {
				job.status = 'error';
				job.end_time = rfc2822(Date.now());
				job.result = { error_message: 'The file could not be processed' };
			} else if (job.polls > state.jobPolls) {
				job.result = run(job);
				job.status = 'completed';
				job.end_time = rfc2822(Date.now());
			}
		}
		return ok(view(job));
	}

	return { 'POST /job': postJob, 'GET /job': getJob };
}

module.exports = { seedJobs, jobRoutes };
