'use strict';
/**
 * One operation per resource of each vendor's action node, for the per-package e2e
 * (test/e2e/packages.js): all of a vendor's entries run side by side in one workflow in real
 * n8n, in any order, against one sandbox just reset. Each entry succeeds against a fresh sandbox
 * and outputs at least one item, and none depends on another: reads where the resource has one
 * that the sandbox's seed data answers, otherwise a harmless write (nothing is deleted, and no
 * write changes what another entry reads). test/e2e/resources.test.ts runs every entry through
 * n8n's engine against the sandbox and checks that each node's resources are all covered.
 *
 * Per node type name: { resource, operation, parameters } (the node's other parameters).
 *
 * SETUP gives a vendor's entries what a fresh sandbox lacks, right after each reset: Talkable's
 * Referral and Refund act on an origin (a purchase), and a fresh sandbox has none. The origins are
 * made through the sandbox's own request handler, not over HTTP, so they are not among the
 * entries' requests. A resource that cannot be covered goes in NOT_COVERED with the reason; the
 * test checks that list too.
 */

const talkableSandbox = require('../../sandbox/vendors/talkable');

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

const RESOURCE_CHECKS = {
	talkable: [
		{ resource: 'asset', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{ resource: 'campaign', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{ resource: 'coupon', operation: 'get', parameters: { couponCode: 'COUPON_CODE_1' } },
		{ resource: 'loyaltyMember', operation: 'get', parameters: { memberEmail: 'member@example.com' } },
		// A month with no origins: the Origin entry's purchase (dated today) does not change it.
		{ resource: 'metric', operation: 'get', parameters: { metricName: 'purchases_count', startDate: '2026-01-01', endDate: '2026-01-31' } },
		{ resource: 'offer', operation: 'get', parameters: { shortUrlCode: 'mwCn1l' } },
		{ resource: 'offerClaim', operation: 'create', parameters: { advocateEmail: 'customer@example.com', friendEmail: 'e2e.friend@example.com' } },
		// A buyer who claimed no offer: no referral, nothing another entry reads.
		{ resource: 'origin', operation: 'createPurchase', parameters: { email: 'e2e.buyer@example.com', orderNumber: 'E2E-RESOURCES-1', subtotal: 10 } },
		{ resource: 'person', operation: 'get', parameters: { personSlug: 'customer@example.com' } },
		// The seeded friend's purchase (SETUP): a pending referral, approved here.
		{ resource: 'referral', operation: 'updateStatus', parameters: { originSlug: 'E2E-REFERRAL-1', status: 'approved' } },
		{ resource: 'refund', operation: 'create', parameters: { originSlug: 'E2E-REFUND-1' } },
		{ resource: 'reward', operation: 'getAll', parameters: { visitorUuid: '123e4567-e89b-32d1-a456-426614174000', returnAll: false, limit: 1 } },
		{ resource: 'share', operation: 'createSocial', parameters: { shortUrlCode: 'mwCn1l', channel: 'whatsapp' } },
		{ resource: 'trafficSource', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{ resource: 'visitor', operation: 'create', parameters: { visitorUuid: '0f8fad5b-d9cb-469f-a165-70867728950e' } },
		{ resource: 'visitorOffer', operation: 'trackVisit', parameters: { visitorOfferId: '42' } },
	],
	talkBox: [
		{ resource: 'account', operation: 'get', parameters: {} },
		{ resource: 'communication', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{ resource: 'contact', operation: 'get', parameters: { contactId: '300' } },
		{
			resource: 'editor',
			operation: 'getSession',
			parameters: { callbackUrl: 'http://example.com/documents/3', contentSource: 'templates', contentSourceUrl: 'http://example.com/tags/{tag_id}/templates.json' },
		},
		{ resource: 'emailSenderDetail', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{ resource: 'field', operation: 'getAll', parameters: { returnAll: false, limit: 3 } },
		{ resource: 'offer', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		// Waits for a manual trigger: nothing is sent, no communication is added.
		{ resource: 'promotion', operation: 'create', parameters: { smsBody: 'e2e: your table is ready', recipientSelection: 'tags', tags: 'VIP', schedule: 'manualTrigger' } },
		{ resource: 'recipient', operation: 'getCounts', parameters: {} },
		{ resource: 'section', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{ resource: 'subscription', operation: 'getAll', parameters: { returnAll: false, limit: 3 } },
		{ resource: 'survey', operation: 'getScore', parameters: {} },
		{ resource: 'tag', operation: 'getAll', parameters: { returnAll: false, limit: 2 } },
		{ resource: 'template', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		// Contact 324: in no tag, read by no other entry.
		{ resource: 'unsubscription', operation: 'create', parameters: { channel: 'email', identifyBy: 'externalIdentifier', externalIdentifier: 'ext-324' } },
		{ resource: 'voucher', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
	],
	sailthru: [
		{ resource: 'blast', operation: 'getAll', parameters: { status: 'sent', returnAll: false, limit: 1 } },
		{ resource: 'content', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{ resource: 'event', operation: 'create', parameters: { id: 'e2e.event@example.com', event: 'signup' } },
		// An export: reads the purchase log, changes nothing.
		{ resource: 'job', operation: 'create', parameters: { jobType: 'export_purchase_log', start_date: '2026-11-01 UTC', end_date: '2026-11-30 UTC' } },
		{ resource: 'list', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{
			resource: 'purchase',
			operation: 'create',
			parameters: { email: 'e2e.buyer@example.com', items: { item: [{ id: 'E2E-1', title: 'E2E item', qty: 1, price: 100, url: 'https://x.example/e2e-1' }] } },
		},
		{ resource: 'return', operation: 'create', parameters: { email: 'e2e.buyer@example.com', items: { item: [{ qty: 1, price: 100, url: 'https://x.example/e2e-1' }] } } },
		// Scheduled far ahead: nothing is delivered.
		{ resource: 'send', operation: 'send', parameters: { template: rl('welcome'), email: 'e2e.send@example.com', additionalFields: { schedule_time: '2099-01-02 10:00 UTC' } } },
		{ resource: 'stats', operation: 'getListStats', parameters: { statsList: 'All Users', date: '2026-11-20' } },
		{ resource: 'template', operation: 'getAll', parameters: { returnAll: false, limit: 1 } },
		{ resource: 'user', operation: 'get', parameters: { id: '+15551234567', key: 'sms' } },
	],
	personaClick: [
		{ resource: 'event', operation: 'create', parameters: { eventCode: 'request_demo', identifierType: 'email', identifier: 'e2e.event@example.com' } },
		// A complete new order (channel, date, value, items), so PersonaClick's processing accepts it too.
		{
			resource: 'order',
			operation: 'sync',
			parameters: {
				orderId: 'E2E-RESOURCES-1',
				orderStatus: 'created',
				orderValue: { total: 11 },
				orderItems: { item: [{ id: 'SKU-1', price: 11, quantity: 1 }] },
				additionalFields: { channel: 'website', date: '2024-05-01T08:00:00.000Z' },
			},
		},
		{ resource: 'profile', operation: 'get', parameters: { identifierType: 'email', identifier: 'john.doe@examplemail.com' } },
		{ resource: 'segment', operation: 'getAll', parameters: { identifierType: 'email', identifier: 'john.doe@examplemail.com', returnAll: false, limit: 1 } },
		{ resource: 'subscription', operation: 'check', parameters: { identifierType: 'email', identifier: 'john.doe@examplemail.com' } },
	],
};

/** Resources with no operation that succeeds alone against a fresh sandbox, and why. */
const NOT_COVERED = {
	talkable: {},
	talkBox: {},
	sailthru: {},
	personaClick: {},
};

/** A Talkable purchase, made through the sandbox's own handler (not an HTTP request). */
function talkablePurchase(sandbox, data) {
	const { credentials } = talkableSandbox;
	const answer = sandbox.vendor('talkable').handle({
		method: 'POST',
		path: '/origins/purchase',
		query: {},
		headers: { authorization: `Bearer ${credentials.apiKey}` },
		body: { site_slug: credentials.siteSlug, data },
	});
	if (answer.status !== 201) throw new Error(`setup: Talkable answered ${answer.status}: ${JSON.stringify(answer.body)}`);
}

/** Per node type: what its entries need beyond a fresh sandbox, made after each reset. */
const SETUP = {
	talkable(sandbox) {
		// new.friend@example.com claimed customer@example.com's offer (the seed): a referral.
		talkablePurchase(sandbox, { email: 'new.friend@example.com', order_number: 'E2E-REFERRAL-1', subtotal: 25 });
		talkablePurchase(sandbox, { email: 'e2e.refund@example.com', order_number: 'E2E-REFUND-1', subtotal: 40 });
	},
};

module.exports = { RESOURCE_CHECKS, NOT_COVERED, SETUP };
