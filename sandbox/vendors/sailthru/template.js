'use strict';
/**
 * Sailthru sandbox: templates (GET/POST/DELETE /template), with revisions. Unknown template:
 * error 14.
 */
const { fail, ok, blank, rfc2822, md5, missing } = require('./common');

function seedTemplates(state) {
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

function templateRoutes(state) {
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

	return { 'GET /template': getTemplate, 'POST /template': postTemplate, 'DELETE /template': deleteTemplate };
}

module.exports = { seedTemplates, templateRoutes };
