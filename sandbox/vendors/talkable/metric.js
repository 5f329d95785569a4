'use strict';
/**
 * Metric: GET /metrics/{name} and /metrics/{name}/segmentize, computed from the origins and
 * referrals in the state.
 */
const { ok, fail, DATE } = require('./common');

const METRICS = ['sharing_rate', 'purchases_count', 'referrals_count'];
const PERIODS = ['day', 'week', 'month', 'quarter', 'year'];

function createMetrics(state) {
	function handle(req, segments) {
		return req.method === 'GET' && segments.length >= 2 && segments.length <= 3 ? metric(req, segments) : undefined;
	}

	function metric(req, segments) {
		const name = segments[1];
		const { start_date: start, end_date: end } = req.query;
		if (!start || !end) return fail(400, '`start_date` and `end_date` are required');
		if (!DATE.test(start) || !DATE.test(end)) return fail(400, 'Invalid date format');
		if (!METRICS.includes(name)) return fail(400, 'No metric found.');
		const origins = [...state.origins.values()].filter((o) => {
			const day = (o.data.created_at || '2026-07-07').slice(0, 10);
			return day >= start && day <= end;
		});
		const plainFor = (list) => {
			if (name === 'purchases_count') return list.filter((o) => o.type === 'Purchase').length;
			if (name === 'referrals_count') return list.filter((o) => state.referrals.has(o.slug)).length;
			return list.length ? 0.25 : 0;
		};
		const value = (plain) => ({
			plain,
			formatted: name === 'sharing_rate' ? `${(plain * 100).toFixed(Number(req.query.precision ?? 0))}%` : String(plain),
			result_type: name === 'sharing_rate' ? 'percentage' : 'number',
		});
		if (segments[2] === undefined) return ok(value(plainFor(origins)));
		if (segments[2] !== 'segmentize') return undefined;
		const period = req.query['segment_by[period]'];
		if (period !== undefined && !PERIODS.includes(period)) {
			return fail(400, 'Unsupported option for period segmentation. Supported options: day, week, month, quarter, year');
		}
		const months = [...new Set(origins.map((o) => (o.data.created_at || '2026-07-07').slice(0, 7)))].sort();
		const buckets = months.length ? months : [start.slice(0, 7)];
		return ok({ segmented: buckets.map((month) => ({ ...value(plainFor(origins.filter((o) => (o.data.created_at || '2026-07-07').startsWith(month)))), period: month })) });
	}

	return { handle };
}

module.exports = { createMetrics };
