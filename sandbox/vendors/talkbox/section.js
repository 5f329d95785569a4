'use strict';
/**
 * TalkBox sandbox: sections (/sections, /sections/:id; lists and writes answer without the structure).
 * `create(state, helpers)` puts the seed on the shared state and returns the routes:
 *   state.sections       Map id → { id, system_name, structure, created_at, updated_at }
 */
const { collectionRoutes, error, invalid, iso, isSet, ok, unknownAttribute } = require('./common');

function create(state, helpers) {
	const { newId } = helpers;
	const now = () => state.clock();
	state.sections = new Map([
		[
			1,
			{
				id: 1,
				system_name: 'promo_header',
				structure: '{"version":1,"regions":{}}',
				created_at: '2020-10-29T21:55:32Z',
				updated_at: '2020-10-29T21:56:02Z',
			},
		],
		[
			2,
			{
				id: 2,
				system_name: 'promo_footer',
				structure: '{"version":1,"regions":{}}',
				created_at: '2020-10-29T21:56:27Z',
				updated_at: '2020-10-29T21:56:56Z',
			},
		],
	]);

	const sectionSummary = ({ structure: _structure, ...summary }) => summary;

	function checkSection(body, isCreate) {
		if (!body || typeof body !== 'object') return error(400, 400, 'Body must be a JSON object');
		const unknown = Object.keys(body).find((key) => !['system_name', 'structure'].includes(key));
		if (unknown) return unknownAttribute(unknown);
		if ((isCreate || body.system_name !== undefined) && !isSet(body.system_name)) return invalid('system_name is required');
		if ((isCreate || body.structure !== undefined) && (typeof body.structure !== 'string' || !isSet(body.structure))) {
			return invalid('structure is required');
		}
		if (isSet(body.system_name)) {
			const taken = [...state.sections.values()].find((section) => section.system_name === body.system_name);
			if (taken) return invalid(`system_name ${body.system_name} has already been taken`);
		}
		return undefined;
	}

	// Lists and writes answer the summary (no structure); GET /sections/:id the whole section.
	const sections = collectionRoutes(state, 'sections', 'Section', {
		create(req) {
			const problem = checkSection(req.body, true);
			if (problem) return problem;
			const at = iso(now());
			const section = { id: newId(), system_name: req.body.system_name, structure: req.body.structure, created_at: at, updated_at: at };
			state.sections.set(section.id, section);
			return ok(sectionSummary(section));
		},
		get: (section) => ok(section),
		update(section, req) {
			const problem = checkSection(req.body, false);
			if (problem) return problem;
			Object.assign(section, req.body, { updated_at: iso(now()) });
			return ok(sectionSummary(section));
		},
		render: sectionSummary,
	});

	return { sections };
}

module.exports = { create };
