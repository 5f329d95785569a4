'use strict';
/** Campaigns, traffic sources, metrics and assets (with multipart upload). */
const { ok, fail } = require('./common');

const CAMPAIGNS = [
	{ slug: 145, is_active: true, appearance: 'inline', id: 145, joinable_category_names: ['purchase'], name: 'Standalone landing page', origin_max_age: null, origin_min_age: null, status: 'Live', tag_names: ['default'], live_period: { starts_at: '2026-01-01T00:00:00.000-07:00', ends_at: null } },
	{ slug: 143, is_active: false, appearance: 'popup', id: 143, joinable_category_names: ['affiliate_member'], name: 'Post-purchase popup', origin_max_age: null, origin_min_age: null, status: 'Disabled', tag_names: ['post-purchase'], live_period: { starts_at: '2025-01-01T00:00:00.000-07:00', ends_at: '2025-06-01T00:00:00.000-07:00' } },
];
const TRAFFIC_SOURCES = [{ identifier: 'in-store' }, { identifier: 'newsletter' }, { identifier: 'post-purchase' }];
const METRICS = ['sharing_rate', 'purchases_count', 'referrals_count'];
const PERIODS = ['day', 'week', 'month', 'quarter', 'year'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function seedAssets() {
	const asset = (id, name, contentType, size) => ({
		content_type: contentType,
		id,
		name,
		url: `https://d2jjzw81hqbuqv.cloudfront.net/static_assets/files/${id}/original/${name}`,
		size,
		width: contentType.startsWith('image') ? 100 : null,
		height: contentType.startsWith('image') ? 100 : null,
		fingerprint: `fp${id}`,
		created_at: '2026-07-07T11:04:57.000-07:00',
		updated_at: '2026-07-07T11:04:57.000-07:00',
	});
	return [asset(3, 'frog_video_short.mp4', 'video/mp4', 281524), asset(2, 'closebutton.png', 'image/png', 6600), asset(1, 'santa.jpg', 'image/jpeg', 121059)];
}

/** The parts of a multipart/form-data body (text-safe: the sandbox reads bodies as UTF-8). */
function multipartParts(raw, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
	if (!match || typeof raw !== 'string') return undefined;
	const boundary = `--${match[1] || match[2]}`;
	const parts = [];
	for (const chunk of raw.split(boundary).slice(1)) {
		if (chunk.startsWith('--')) break;
		const [head, ...rest] = chunk.replace(/^\r\n/, '').split('\r\n\r\n');
		const content = rest.join('\r\n\r\n').replace(/\r\n$/, '');
		const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(head);
		if (!disposition) continue;
		const name = /\bname="([^"]*)"/.exec(disposition[1]);
		const filename = /\bfilename="([^"]*)"/.exec(disposition[1]);
		const type = /content-type:\s*([^\r\n]+)/i.exec(head);
		const unescape = (value) => value && value.replace(/%22/g, '"').replace(/%0D/g, '\r').replace(/%0A/g, '\n');
		parts.push({ name: name && unescape(name[1]), filename: filename && unescape(filename[1]), contentType: type ? type[1].trim() : 'text/plain', content });
	}
	return parts;
}

function createCatalog(state) {
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

	function assets(req, segments) {
		if (req.method === 'GET' && segments.length === 1) {
			const page = Number(req.query.page ?? 1);
			const perPage = Number(req.query.per_page ?? 25);
			if (!Number.isInteger(page) || page < 1) return fail(400, '`page` must be a positive integer');
			if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return fail(400, '`per_page` must be between 1 and 100');
			const prefix = req.query.content_type;
			const list = state.assets.filter((a) => !prefix || a.content_type.startsWith(prefix));
			return ok({ assets: list.slice((page - 1) * perPage, page * perPage), total: list.length });
		}
		if (req.method === 'GET' && segments.length === 2) {
			const found = /^\d+$/.test(segments[1]) && state.assets.find((a) => a.id === Number(segments[1]));
			return found ? ok({ asset: found }) : fail(400, 'No asset found by `id`.');
		}
		if (req.method === 'POST' && segments.length === 1) {
			const parts = multipartParts(req.rawBody, req.headers['content-type']);
			const file = parts && parts.find((part) => part.name === 'file' && part.filename);
			if (!file) return fail(400, '`file` is required');
			if (state.assets.some((a) => a.name === file.filename)) {
				return fail(422, 'Validation failed: File name has already been taken');
			}
			const id = ++state.ids.asset;
			const asset = {
				content_type: file.contentType,
				id,
				name: file.filename,
				url: `https://d2jjzw81hqbuqv.cloudfront.net/static_assets/files/${id}/original/${encodeURIComponent(file.filename)}`,
				size: Buffer.byteLength(file.content, 'utf8'),
				width: null,
				height: null,
				fingerprint: `fp${id}`,
				created_at: '2026-07-07T11:05:03.000-07:00',
				updated_at: '2026-07-07T11:05:03.000-07:00',
			};
			state.assets.unshift(asset);
			state.uploads.push({ name: file.filename, contentType: file.contentType, content: file.content });
			return ok({ asset }, 201);
		}
		return undefined;
	}

	function handle(req, segments) {
		switch (segments[0]) {
			case 'campaigns':
				return req.method === 'GET' && segments.length === 1 ? ok({ campaigns: CAMPAIGNS }) : undefined;
			case 'traffic_sources':
				return req.method === 'GET' && segments.length === 1 ? ok(TRAFFIC_SOURCES) : undefined;
			case 'metrics':
				return req.method === 'GET' && segments.length >= 2 && segments.length <= 3 ? metric(req, segments) : undefined;
			case 'assets':
				return assets(req, segments);
			default:
				return undefined;
		}
	}

	return { handle };
}

module.exports = { seedAssets, createCatalog, CAMPAIGNS };
