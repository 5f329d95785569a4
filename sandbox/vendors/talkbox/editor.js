'use strict';
/**
 * TalkBox sandbox: editor sessions (GET /editor/block/session or /editors/block/session): the
 * bare session key, as text. `create(state, helpers)` adds to state.audience (made by contact.js)
 * and returns the routes:
 *   state.audience.editorSessions  [{ key, query }], one per session handed out
 *   state.audience.editorPaths     ['editor', 'editors'] (the editor-session paths it answers)
 */
const { invalid, isoSeconds } = require('./common');

function create(state, helpers) {
	const { newId } = helpers;
	const now = () => state.clock();
	// The doc gives two editor-session paths; which ones this TalkBox answers (tests narrow it).
	const audience = Object.assign(state.audience, { editorSessions: [], editorPaths: ['editor', 'editors'] });

	function editorRoutes(req, segments) {
		// The resource table says /editor/block/session, the usage text /editors/block/session:
		// the sandbox answers those in state.audience.editorPaths (both by default).
		if (!audience.editorPaths.includes(segments[0])) return undefined;
		if (segments.length !== 3 || segments[1] !== 'block' || segments[2] !== 'session' || req.method !== 'GET') {
			return undefined;
		}
		const query = req.query;
		if (!query.callback_url) return invalid('callback_url is required');
		if (!query.structure_url && !query.templates_url) return invalid('structure_url or templates_url is required');
		if (query.callback_method && !['PUT', 'POST'].includes(query.callback_method)) {
			return invalid('callback_method must be PUT or POST');
		}
		if (query.save_buttons !== undefined) {
			try {
				if (!Array.isArray(JSON.parse(query.save_buttons))) throw new Error('not an array');
			} catch {
				return invalid('save_buttons must be a JSON array');
			}
		}
		const payload = Buffer.from(
			JSON.stringify({ account_id: 2, expires_at: isoSeconds(now() + 300_000) }),
		).toString('base64');
		const key = `2--${payload}--${String(newId()).padStart(40, '0')}`;
		audience.editorSessions.push({ key, query: { ...query } });
		// The documented answer is the bare key, not JSON.
		return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: key };
	}

	return { editor: editorRoutes, editors: editorRoutes };
}

module.exports = { create };
