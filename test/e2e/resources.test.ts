/**
 * The per-package e2e's one-operation-per-resource lists (test/e2e/resources.js), checked here
 * through n8n's real engine against the sandbox:
 *   - each vendor's list covers exactly the resources of its action node (read from the node's
 *     description, so a new resource fails here until it has an entry), one entry each; a
 *     resource left out must be in NOT_COVERED with its reason;
 *   - after one sandbox reset (and the vendor's SETUP), every entry of the vendor runs in turn (in the listed order, then
 *     again after another reset in the reverse order) with one credential, as the e2e's nodes
 *     share one: no error, at least one output item, and exactly one request, with the method
 *     and path expected for that operation.
 */
import type { INodeParameters } from 'n8n-workflow';

import { NODE_TYPES, runNode, shutdownEngine } from '../support/harness';
import { operationValues, resourceValues, startSandbox, type Sandbox } from '../support/helpers';

interface ResourceCheck {
	resource: string;
	operation: string;
	parameters: INodeParameters;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RESOURCE_CHECKS, NOT_COVERED, SETUP } = require('./resources') as {
	RESOURCE_CHECKS: Record<string, ResourceCheck[]>;
	NOT_COVERED: Record<string, Record<string, string>>;
	SETUP: Record<string, ((sandbox: Sandbox) => void) | undefined>;
};

/** Node type → sandbox vendor, credential type and the request each entry makes (`METHOD path`). */
const VENDORS: Record<string, { vendor: string; credential: string; requests: Record<string, string> }> = {
	talkable: {
		vendor: 'talkable',
		credential: 'talkableApi',
		requests: {
			'asset.getAll': 'GET /assets',
			'campaign.getAll': 'GET /campaigns',
			'coupon.get': 'GET /coupons/COUPON_CODE_1',
			'loyaltyMember.get': 'GET /loyalty/members/member%40example.com',
			'metric.get': 'GET /metrics/purchases_count',
			'offer.get': 'GET /offers/mwCn1l',
			'offerClaim.create': 'POST /offer_claims',
			'origin.createPurchase': 'POST /origins/purchase',
			'person.get': 'GET /people/customer%40example.com',
			'referral.updateStatus': 'PUT /origins/E2E-REFERRAL-1/referral',
			'refund.create': 'POST /origins/E2E-REFUND-1/refund',
			'reward.getAll': 'GET /rewards',
			'share.createSocial': 'POST /offers/mwCn1l/shares/social',
			'trafficSource.getAll': 'GET /traffic_sources',
			'visitor.create': 'POST /visitors',
			'visitorOffer.trackVisit': 'PUT /visitor_offers/42/track_visit',
		},
	},
	talkBox: {
		vendor: 'talkbox',
		credential: 'talkBoxApi',
		requests: {
			'account.get': 'GET /account',
			'communication.getAll': 'GET /communications',
			'contact.get': 'GET /contact/300',
			'editor.getSession': 'GET /editors/block/session',
			'emailSenderDetail.getAll': 'GET /email_sender_details',
			'field.getAll': 'GET /fields',
			'offer.getAll': 'GET /offers',
			'promotion.create': 'POST /promotions',
			'recipient.getCounts': 'PUT /recipients',
			'section.getAll': 'GET /sections',
			'subscription.getAll': 'GET /subscriptions',
			'survey.getScore': 'GET /surveys/score',
			'tag.getAll': 'GET /tags',
			'template.getAll': 'GET /templates',
			'unsubscription.create': 'POST /unsubscriptions',
			'voucher.getAll': 'GET /vouchers',
		},
	},
	sailthru: {
		vendor: 'sailthru',
		credential: 'sailthruApi',
		requests: {
			'blast.getAll': 'GET /blast',
			'content.getAll': 'GET /content',
			'event.create': 'POST /event',
			'job.create': 'POST /job',
			'list.getAll': 'GET /list',
			'purchase.create': 'POST /purchase',
			'return.create': 'POST /return',
			'send.send': 'POST /send',
			'stats.getListStats': 'GET /stats',
			'template.getAll': 'GET /template',
			'user.get': 'GET /user',
		},
	},
	personaClick: {
		vendor: 'personaclick',
		credential: 'personaClickApi',
		requests: {
			'event.create': 'POST /push/custom',
			'order.sync': 'POST /sync/orders',
			'profile.get': 'GET /profile',
			'segment.getAll': 'POST /segments/get',
			'subscription.check': 'GET /subscriptions/check',
		},
	},
};

const resourcesOf = (type: string) => resourceValues(NODE_TYPES[type].description.properties);
const operationsOf = (type: string, resource: string) => operationValues(NODE_TYPES[type].description.properties, resource);

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => {
	await sandbox?.close();
	shutdownEngine();
});

test('the list has exactly the four action nodes', () => {
	expect(Object.keys(RESOURCE_CHECKS).sort()).toEqual(Object.keys(VENDORS).sort());
	expect(Object.keys(NOT_COVERED).sort()).toEqual(Object.keys(VENDORS).sort());
});

describe.each(Object.keys(VENDORS))('%s', (type) => {
	const { vendor, credential, requests } = VENDORS[type];
	const checks = RESOURCE_CHECKS[type];

	test('one entry per resource of the node (or a reason in NOT_COVERED), each an operation of its resource', () => {
		const listed = checks.map((check) => check.resource);
		const notCovered = Object.keys(NOT_COVERED[type]);
		expect(new Set(listed).size).toBe(listed.length);
		expect(listed.filter((resource) => notCovered.includes(resource))).toEqual([]);
		expect([...listed, ...notCovered].sort()).toEqual([...resourcesOf(type)].sort());
		for (const reason of Object.values(NOT_COVERED[type])) expect(reason).toEqual(expect.any(String));
		for (const { resource, operation, parameters } of checks) {
			expect({ resource, operations: operationsOf(type, resource) }).toEqual({ resource, operations: expect.arrayContaining([operation]) });
			expect(Object.keys(parameters)).not.toEqual(expect.arrayContaining(['resource']));
			expect(Object.keys(parameters)).not.toEqual(expect.arrayContaining(['operation']));
		}
		expect(Object.keys(requests).sort()).toEqual(checks.map(({ resource, operation }) => `${resource}.${operation}`).sort());
	});

	describe.each([
		['in the listed order', checks],
		['in the reverse order', [...checks].reverse()],
	])('after one reset, every entry %s', (order, ordered) => {
		beforeAll(() => {
			sandbox.reset();
			SETUP[type]?.(sandbox);
		});

		test.each(ordered.map((check) => [`${check.resource}: ${check.operation}`, check] as const))(
			'%s succeeds with output and its one request',
			async (_name, { resource, operation, parameters }) => {
				const before = sandbox.requestsFor(vendor).length;
				const result = await runNode({
					type,
					parameters: { resource, operation, ...parameters },
					credentials: { [credential]: sandbox.credentials(vendor) },
					// One saved credential for all of the vendor's nodes, as in the e2e workflow.
					credentialId: `e2e-resources-${type}-${order}`,
				});
				expect(result.error?.message).toBeUndefined();
				expect(result.items.length).toBeGreaterThanOrEqual(1);
				expect(result.items.filter((item) => item.json.error !== undefined || item.error !== undefined)).toEqual([]);
				const sent = sandbox.requestsFor(vendor).slice(before);
				expect(sent.map((request) => `${request.method} ${request.path}`)).toEqual([requests[`${resource}.${operation}`]]);
			},
		);

		if (type === 'personaClick') {
			// /sync/orders answers success before processing; what processing refuses only lands here.
			test('PersonaClick processed the synced order without an error', () => {
				expect(sandbox.vendor('personaclick').state.processingErrors).toEqual([]);
			});
		}
	});
});
