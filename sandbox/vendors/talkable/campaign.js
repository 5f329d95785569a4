'use strict';
/** Campaign: GET /campaigns (a fixed list). */
const { ok } = require('./common');

const CAMPAIGNS = [
	{ slug: 145, is_active: true, appearance: 'inline', id: 145, joinable_category_names: ['purchase'], name: 'Standalone landing page', origin_max_age: null, origin_min_age: null, status: 'Live', tag_names: ['default'], live_period: { starts_at: '2026-01-01T00:00:00.000-07:00', ends_at: null } },
	{ slug: 143, is_active: false, appearance: 'popup', id: 143, joinable_category_names: ['affiliate_member'], name: 'Post-purchase popup', origin_max_age: null, origin_min_age: null, status: 'Disabled', tag_names: ['post-purchase'], live_period: { starts_at: '2025-01-01T00:00:00.000-07:00', ends_at: '2025-06-01T00:00:00.000-07:00' } },
];

function createCampaigns() {
	function handle(req, segments) {
		return req.method === 'GET' && segments.length === 1 ? ok({ campaigns: CAMPAIGNS }) : undefined;
	}

	return { handle };
}

module.exports = { createCampaigns, CAMPAIGNS };
