'use strict';
/**
 * TalkBox sandbox: templates (/templates, /templates/:id; bodies as `{ template: { … } }`).
 * `create(state, helpers)` puts the seed on the shared state and returns the routes:
 *   state.templates      Map id → { id, name, structure, enabled }
 */
const { collectionRoutes, error, invalid, isSet, ok, unknownAttribute } = require('./common');

function create(state, helpers) {
	const { newId } = helpers;
	state.templates = new Map([
		[1067046281, { id: 1067046281, name: 'My account-specific template', structure: '{"version":1}', enabled: true }],
		[1067046282, { id: 1067046282, name: 'Custom template', structure: '{"version":1}', enabled: false }],
	]);

	function checkTemplate(body) {
		const template = body && body.template;
		if (!template || typeof template !== 'object') return error(400, 400, 'param is missing or the value is empty: template');
		const unknown = Object.keys(template).find((key) => !['name', 'structure', 'enabled'].includes(key));
		if (unknown) return unknownAttribute(unknown);
		if (!isSet(template.name)) return invalid('template[name] is required');
		if (typeof template.structure !== 'string' || !isSet(template.structure)) {
			return invalid('template[structure] is required and must be a JSON string');
		}
		try {
			JSON.parse(template.structure);
		} catch {
			return invalid('template[structure] is not valid JSON');
		}
		if (typeof template.enabled !== 'boolean') return invalid('template[enabled] is required (true or false)');
		return undefined;
	}

	const templates = collectionRoutes(state, 'templates', 'Template', {
		create(req) {
			const problem = checkTemplate(req.body);
			if (problem) return problem;
			const template = { id: newId(), ...req.body.template };
			state.templates.set(template.id, template);
			return ok(template);
		},
		get: (template) => ok(template),
		update(template, req) {
			const problem = checkTemplate(req.body);
			if (problem) return problem;
			Object.assign(template, req.body.template);
			return ok(template);
		},
	});

	return { templates };
}

module.exports = { create };
