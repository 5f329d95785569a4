'use strict';
/** Traffic source: GET /traffic_sources (a fixed list). */
const { ok } = require('./common');

const TRAFFIC_SOURCES = [{ identifier: 'in-store' }, { identifier: 'newsletter' }, { identifier: 'post-purchase' }];

function createTrafficSources() {
	function handle(req, segments) {
		return req.method === 'GET' && segments.length === 1 ? ok(TRAFFIC_SOURCES) : undefined;
	}

	return { handle };
}

module.exports = { createTrafficSources };
