'use strict';
/** Asset: GET /assets (paged), GET /assets/{id} and POST /assets (multipart upload). */
const { ok, fail } = require('./common');

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

function createAssets(state) {
	function handle(req, segments) {
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

	return { handle };
}

module.exports = { seedAssets, createAssets };
