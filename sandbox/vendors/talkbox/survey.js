'use strict';
/**
 * TalkBox sandbox: surveys (GET /surveys and GET /surveys/score, the net promoter score, both
 * with exclusive `from`/`to`). `create(state)` puts the seed on the shared state and returns the routes:
 *   state.surveys        Array of { id, contact_id, score, comments, created_at }
 */
const { invalid, isoSeconds, ok, parseTimestamp } = require('./common');

function create(state) {
	state.surveys = [];
	const surveyScores = [9, 10, 7, 3, 10, 9, 6, 8];
	surveyScores.forEach((score, index) => {
		state.surveys.push({
			id: index + 1,
			contact_id: 300 + index,
			score,
			comments: score >= 9 ? 'A+++ would survey again' : score <= 6 ? 'Too loud on Fridays' : 'Fine',
			created_at: isoSeconds(Date.UTC(2015, 0, 5 + index * 4, 9, 26, 11)),
		});
	});

	function surveysInRange(query) {
		const bounds = {};
		for (const key of ['from', 'to']) {
			if (query[key] === undefined) continue;
			const ms = parseTimestamp(query[key]);
			if (ms === undefined) return { problem: invalid(`${key} must be a UTC timestamp (ISO-8601)`) };
			bounds[key] = ms;
		}
		return {
			list: state.surveys.filter((survey) => {
				const at = Date.parse(survey.created_at);
				return (bounds.from === undefined || at > bounds.from) && (bounds.to === undefined || at < bounds.to);
			}),
		};
	}

	function surveyRoutes(req, segments) {
		if (req.method !== 'GET') return undefined;
		const range = surveysInRange(req.query);
		if (range.problem) return range.problem;
		if (segments.length === 1) return ok(range.list);
		if (segments.length === 2 && segments[1] === 'score') {
			const total = range.list.length;
			if (total === 0) return ok({ score: 0 });
			const promoters = range.list.filter((survey) => survey.score >= 9).length;
			const detractors = range.list.filter((survey) => survey.score <= 6).length;
			return ok({ score: Math.round(((promoters - detractors) / total) * 100) });
		}
		return undefined;
	}

	return { surveys: surveyRoutes };
}

module.exports = { create };
