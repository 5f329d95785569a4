'use strict';
/**
 * What `npm run test:e2e` checks for each vendor. Adding a vendor means adding an entry here
 * (plus its row in scripts/lib/package.js VENDORS); the machinery in scripts/e2e.js runs every
 * entry whose node is built, on every n8n runtime, and fails when a built node has no entry.
 *
 * Per node type name:
 *   workflows: linear workflows run with `n8n execute`; `assert({ output, error, sandbox })`
 *              throws on a mismatch. `output(name)` is a node's output items (json), `error(name)`
 *              its error, `sandbox` the in-process vendor sandbox (requests, state).
 *   unsubscribed(sandbox, email): whether the vendor's sandbox now has the email unsubscribed
 *              (used by the "Unsubscribe everywhere" example).
 *   ui:        the browser suite opens this operation (`action`: its text in the node panel) and
 *              expects the `parameters` (input fields, by name) and `labels` (e.g. of a collection
 *              that has no input until an option is added) to render.
 */
const assert = require('node:assert/strict');

const { chain } = require('../../scripts/lib/workflows');
const { loadVendor } = require('../../sandbox');

const TALKABLE_NEW = 'e2e.person+test@example.com';

const VENDOR_CHECKS = {
	talkable: {
		workflows: [
			{
				workflow: chain({
					id: 'e2eTalkableRound',
					name: 'e2e: Talkable upsert, get, rewards',
					steps: [
						{
							name: 'Upsert',
							node: 'talkable',
							parameters: {
								resource: 'person',
								operation: 'upsert',
								personSlug: TALKABLE_NEW,
								personFields: { firstName: 'Ada', lastName: 'Lovelace' },
							},
						},
						{
							name: 'Get',
							node: 'talkable',
							parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' },
						},
						{
							name: 'Rewards',
							node: 'talkable',
							parameters: { resource: 'person', operation: 'getRewards', personSlug: 'customer@example.com', returnAll: true },
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.equal(output('Upsert')[0].email, TALKABLE_NEW);
					assert.equal(output('Get')[0].first_name, 'Ada');
					assert.equal(output('Get')[0].last_name, 'Lovelace');
					assert.deepEqual(
						output('Rewards').map((reward) => reward.id),
						[11, 10],
					);
					const put = sandbox.requestsFor('talkable').find((r) => r.method === 'PUT');
					assert.equal(put.path, '/people/e2e.person%2Btest%40example.com', 'person slug is URL-encoded');
					assert.equal(put.headers.authorization, 'Bearer sandbox-talkable-key');
					assert.equal(put.body.site_slug, 'my-store');
				},
			},
			{
				workflow: chain({
					id: 'e2eTalkableError',
					name: 'e2e: Talkable vendor error',
					steps: [
						{
							name: 'Get unknown',
							node: 'talkable',
							onError: 'continueRegularOutput',
							parameters: { resource: 'person', operation: 'get', personSlug: 'nobody@example.com' },
						},
					],
				}),
				assert({ output }) {
					const [item] = output('Get unknown');
					assert.match(JSON.stringify(item), /No person found by `person_slug`/);
				},
			},
			{
				workflow: chain({
					id: 'e2eTalkablePurchaseReferral',
					name: 'e2e: Talkable purchase, referral approval, reward coupon',
					steps: [
						{
							name: 'Purchase',
							node: 'talkable',
							parameters: {
								resource: 'origin',
								operation: 'createPurchase',
								email: 'new.friend@example.com',
								orderNumber: 'E2E-1001',
								subtotal: 42.5,
								additionalFields: { couponCodes: 'FRIEND_10', currencyIsoCode: 'USD' },
							},
						},
						{
							name: 'Approve',
							node: 'talkable',
							parameters: {
								resource: 'referral',
								operation: 'updateStatus',
								originSlug: '={{ $json.origin.order_number }}',
								status: 'approved',
							},
						},
						{
							name: 'Advocate rewards',
							node: 'talkable',
							parameters: {
								resource: 'person',
								operation: 'getRewards',
								personSlug: '={{ $json.advocate_person.email }}',
								returnAll: false,
								limit: 1,
							},
						},
						{
							name: 'Coupon',
							node: 'talkable',
							parameters: { resource: 'coupon', operation: 'get', couponCode: '={{ $json.coupon_code }}' },
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.equal(output('Purchase')[0].origin.order_number, 'E2E-1001');
					assert.equal(output('Approve')[0].status, 'approved');
					const [reward] = output('Advocate rewards');
					assert.equal(reward.reason, 'referrer');
					assert.equal(output('Coupon')[0].coupon.code, reward.coupon_code);
					const requests = sandbox.requestsFor('talkable');
					const purchase = requests.find((r) => r.path === '/origins/purchase');
					assert.deepEqual(purchase.body.data, {
						email: 'new.friend@example.com',
						order_number: 'E2E-1001',
						subtotal: 42.5,
						coupon_codes: ['FRIEND_10'],
						currency_iso_code: 'USD',
					});
					assert.equal(purchase.body.site_slug, 'my-store');
					const put = requests.find((r) => r.method === 'PUT');
					assert.equal(put.path, '/origins/E2E-1001/referral');
					assert.deepEqual(put.body, { site_slug: 'my-store', data: { status: 'approved' } });
				},
			},
			{
				workflow: chain({
					id: 'e2eTalkableLoyalty',
					name: 'e2e: Talkable loyalty member get, collect, adjust',
					steps: [
						{
							name: 'Member',
							node: 'talkable',
							parameters: { resource: 'loyaltyMember', operation: 'get', memberEmail: 'member@example.com' },
						},
						{
							name: 'Collect',
							node: 'talkable',
							parameters: {
								resource: 'loyaltyMember',
								operation: 'collectPoints',
								memberEmail: '={{ $json.email }}',
								actionType: 'store_visit',
							},
						},
						{
							name: 'Adjust',
							node: 'talkable',
							parameters: {
								resource: 'loyaltyMember',
								operation: 'adjustPoints',
								memberEmail: '={{ $json.loyalty_member.email }}',
								points: -15,
								additionalFields: { description: 'e2e' },
							},
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.equal(output('Member')[0].points_balance, 100);
					assert.equal(output('Collect')[0].loyalty_member.points_balance, 105);
					assert.equal(output('Adjust')[0].loyalty_member.points_balance, 90);
					assert.equal(sandbox.vendor('talkable').state.loyalty.get('member@example.com').points_balance, 90);
					const post = sandbox.requestsFor('talkable').find((r) => r.path.endsWith('/manual_adjustment_actions'));
					assert.deepEqual(post.body, { site_slug: 'my-store', data: { points: -15, description: 'e2e' } });
				},
			},
			{
				workflow: chain({
					id: 'e2eTalkableAssetUpload',
					name: 'e2e: Talkable asset upload from a binary field',
					steps: [
						{
							name: 'Text',
							type: 'n8n-nodes-base.set',
							typeVersion: 3.4,
							parameters: {
								assignments: {
									assignments: [{ id: 'e2e-text', name: 'text', value: 'e2e asset body', type: 'string' }],
								},
								options: {},
							},
						},
						{
							name: 'To file',
							type: 'n8n-nodes-base.convertToFile',
							typeVersion: 1.1,
							parameters: { operation: 'toText', sourceProperty: 'text', options: { fileName: 'e2e-note.txt' } },
						},
						{
							name: 'Upload',
							node: 'talkable',
							parameters: { resource: 'asset', operation: 'upload', binaryPropertyName: 'data' },
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.equal(output('Upload')[0].name, 'e2e-note.txt');
					const post = sandbox.requestsFor('talkable').find((r) => r.method === 'POST' && r.path === '/assets');
					assert.equal(post.query.site_slug, 'my-store');
					assert.match(post.headers['content-type'], /^multipart\/form-data; boundary=/);
					const [upload] = sandbox.vendor('talkable').state.uploads;
					assert.equal(upload.content, 'e2e asset body');
				},
			},
		],
		unsubscribed: (sandbox, email) => Boolean(sandbox.vendor('talkable').state.people.get(email)?.unsubscribed_at),
		ui: { action: 'Get a person', parameters: ['personSlug'] },
	},

	talkBox: {
		workflows: [
			{
				workflow: chain({
					id: 'e2eTalkBoxRead',
					name: 'e2e: TalkBox find contact, list contacts',
					steps: [
						{
							name: 'Find first',
							node: 'talkBox',
							parameters: {
								resource: 'contact',
								operation: 'findFirst',
								searchCriteria: { criterion: [{ field: 'email', value: 'barry.hall.0@example.com' }] },
							},
						},
						{
							name: 'List',
							node: 'talkBox',
							parameters: { resource: 'contact', operation: 'getAll', returnAll: false, limit: 12 },
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.equal(output('Find first')[0].id, 300);
					assert.equal(output('List').length, 12, 'limit 12 across pages');
					const basic = `Basic ${Buffer.from('sandbox-user:sandbox-pass').toString('base64')}`;
					assert.ok(sandbox.requestsFor('talkbox').every((r) => r.headers.authorization === basic));
				},
			},
		],
		unsubscribed: (sandbox, email) =>
			sandbox
				.vendor('talkbox')
				.state.subscriptions.some((s) => s.channel === 'email' && s.destination === email && s.subscribed === false),
		ui: { action: 'Unsubscribe a contact', parameters: ['channel', 'identifyBy', 'contactInfo'] },
	},

	sailthru: {
		workflows: [
			{
				workflow: chain({
					id: 'e2eSailthruRound',
					name: 'e2e: Sailthru upsert and get a user',
					steps: [
						{
							name: 'Upsert',
							node: 'sailthru',
							parameters: {
								resource: 'user',
								operation: 'upsert',
								id: 'e2e.sailthru@example.com',
								key: 'email',
								vars: { var: [{ name: 'first_name', value: 'Grace' }] },
							},
						},
						{
							name: 'Get',
							node: 'sailthru',
							parameters: { resource: 'user', operation: 'get', id: 'e2e.sailthru@example.com', key: 'email' },
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.equal(output('Get')[0].vars.first_name, 'Grace');
					const requests = sandbox.requestsFor('sailthru');
					const post = requests.find((r) => r.method === 'POST');
					assert.match(post.headers['content-type'], /application\/x-www-form-urlencoded/);
					assert.ok(requests.every((r) => /^[0-9a-f]{32}$/.test((r.body || r.query).sig)), 'every call is signed');
				},
			},
			{
				workflow: chain({
					id: 'e2eSailthruSend',
					name: 'e2e: Sailthru send, read back, scheduled send cancelled',
					steps: [
						{
							name: 'Send',
							node: 'sailthru',
							parameters: {
								resource: 'send',
								operation: 'send',
								template: { __rl: true, mode: 'id', value: 'order-shipped' },
								email: 'e2e.send@example.com',
								vars: { var: [{ name: 'order_id', value: 'A-100' }] },
							},
						},
						{
							name: 'Get Send',
							node: 'sailthru',
							parameters: { resource: 'send', operation: 'get', sendId: '={{ $json.send_id }}' },
						},
						{
							name: 'Schedule',
							node: 'sailthru',
							parameters: {
								resource: 'send',
								operation: 'send',
								template: { __rl: true, mode: 'id', value: 'welcome' },
								email: 'e2e.send@example.com',
								additionalFields: { schedule_time: '+1 day' },
							},
						},
						{
							name: 'Cancel',
							node: 'sailthru',
							parameters: { resource: 'send', operation: 'cancel', sendId: '={{ $json.send_id }}' },
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.equal(output('Get Send')[0].status, 'delivered');
					assert.equal(output('Get Send')[0].template, 'order-shipped');
					assert.equal(output('Schedule')[0].status, 'scheduled');
					assert.equal(output('Cancel')[0].ok, true);
					const sends = sandbox.vendor('sailthru').state.sends;
					assert.deepEqual(
						sends.map((send) => send.status),
						['delivered', 'cancelled'],
					);
					const post = sandbox.requestsFor('sailthru').find((r) => r.method === 'POST');
					assert.equal(post.body.json, '{"template":"order-shipped","email":"e2e.send@example.com","vars":{"order_id":"A-100"}}');
				},
			},
			{
				workflow: chain({
					id: 'e2eSailthruList',
					name: 'e2e: Sailthru list create and get many',
					steps: [
						{
							name: 'Create List',
							node: 'sailthru',
							parameters: {
								resource: 'list',
								operation: 'upsert',
								list: { __rl: true, mode: 'id', value: 'E2E List' },
								additionalFields: { primary: true },
							},
						},
						{
							name: 'Lists',
							node: 'sailthru',
							parameters: { resource: 'list', operation: 'getAll', returnAll: true },
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.equal(output('Create List')[0].list, 'E2E List');
					assert.ok(output('Lists').length >= 4, 'one item per list');
					assert.ok(output('Lists').some((list) => list.name === 'E2E List'));
					const get = sandbox.requestsFor('sailthru').find((r) => r.method === 'GET' && r.path === '/list');
					assert.equal(get.query.json, '{}');
				},
			},
			{
				workflow: chain({
					id: 'e2eSailthruContent',
					name: 'e2e: Sailthru content inventory update and read back',
					steps: [
						{
							name: 'Update Inventory',
							node: 'sailthru',
							parameters: {
								resource: 'content',
								operation: 'upsert',
								id: 'SKU-1',
								key: 'sku',
								additionalFields: { inventory: 3, price: 999 },
							},
						},
						{
							name: 'Recent',
							node: 'sailthru',
							parameters: { resource: 'content', operation: 'getAll', returnAll: false, limit: 5 },
						},
					],
				}),
				assert({ output, sandbox }) {
					const item = output('Recent').find((entry) => entry.url === 'https://shop.example.com/p/sku-1');
					assert.equal(item.inventory, 3);
					assert.equal(item.price, 999);
					const get = sandbox.requestsFor('sailthru').find((r) => r.method === 'GET' && r.path === '/content');
					assert.equal(get.query.json, '{"items":5}');
				},
			},
			{
				workflow: chain({
					id: 'e2eSailthruJob',
					name: 'e2e: Sailthru export job, waiting for completion',
					steps: [
						{
							name: 'Export',
							node: 'sailthru',
							parameters: {
								resource: 'job',
								operation: 'create',
								jobType: 'export_list_data',
								list: { __rl: true, mode: 'id', value: 'All Users' },
								waitForCompletion: true,
								pollIntervalSeconds: 0.2,
								maxWaitSeconds: 60,
							},
						},
					],
				}),
				assert({ output, sandbox }) {
					const [job] = output('Export');
					assert.equal(job.status, 'completed');
					assert.match(job.export_url, /^https:\/\/exports\.sailthru\.example\/.+\.csv$/);
					const polls = sandbox.requestsFor('sailthru').filter((r) => r.method === 'GET' && r.path === '/job');
					assert.ok(polls.length >= 3, 'the job was polled until it completed');
				},
			},
		],
		unsubscribed: (sandbox, email) =>
			sandbox.vendor('sailthru').state.users.some((u) => u.keys.email === email && u.optout_email === 'all'),
		ui: { action: 'Create or update a user', parameters: ['id', 'key', 'optout_email'] },
	},

	personaClick: {
		workflows: [
			{
				workflow: chain({
					id: 'e2ePersonaClick',
					name: 'e2e: PersonaClick manage and check',
					steps: [
						{
							name: 'Manage',
							node: 'personaClick',
							parameters: {
								resource: 'subscription',
								operation: 'manage',
								identifierType: 'email',
								identifier: 'jane.roe@examplemail.com',
								channelFlags: { emailBulk: 'subscribe' },
							},
						},
						{
							name: 'Check',
							node: 'personaClick',
							parameters: { resource: 'subscription', operation: 'check', identifierType: 'email', identifier: 'jane.roe@examplemail.com' },
						},
					],
				}),
				assert({ output, sandbox }) {
					const [check] = output('Check');
					assert.equal(check.email_bulk, true);
					assert.equal(check.sms_bulk, true, 'flags that were not set stay as they were');
					const manage = sandbox.requestsFor('personaclick').find((r) => r.path === '/subscriptions/manage');
					assert.deepEqual(
						Object.keys(manage.body).filter((k) => /_(bulk|chain|transactional)$/.test(k)),
						['email_bulk'],
						'only the flag the user set is sent',
					);
					const secret = sandboxCredentials('personaclick').shopSecret;
					assert.ok(secret && !JSON.stringify(output('Manage')).includes(secret), 'the shop secret is not in the output');
					assert.ok(!JSON.stringify(check).includes(secret), 'the shop secret is not in the output');
				},
			},
			{
				workflow: chain({
					id: 'e2ePersonaClickProfile',
					name: 'e2e: PersonaClick profile upsert and get',
					steps: [
						{
							name: 'Upsert',
							node: 'personaClick',
							parameters: {
								resource: 'profile',
								operation: 'upsert',
								identifierType: 'email',
								identifier: 'e2e.profile@example.com',
								additionalFields: { firstName: 'Grace', gender: 'f', birthday: '1990-03-11T00:00:00' },
								customProperties: { property: [{ name: 'vip_tier', value: 'gold' }] },
							},
						},
						{
							name: 'Get',
							node: 'personaClick',
							parameters: {
								resource: 'profile',
								operation: 'get',
								identifierType: 'email',
								identifier: 'e2e.profile@example.com',
							},
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.deepEqual(output('Upsert'), [{ success: true }]);
					const [profile] = output('Get');
					assert.equal(profile.first_name, 'Grace');
					assert.equal(profile.birthday, '1990-03-11', 'the birthday is sent as YYYY-MM-DD');
					assert.deepEqual(profile.custom_properties, { vip_tier: 'gold' });
					const get = sandbox.requestsFor('personaclick').find((r) => r.path === '/profile');
					assert.equal(get.method, 'GET');
					assert.equal(get.query.shop_secret, sandboxCredentials('personaclick').shopSecret, 'GET carries the secret in the query');
					assert.ok(!JSON.stringify(profile).includes(sandboxCredentials('personaclick').shopSecret));
				},
			},
			{
				workflow: chain({
					id: 'e2ePersonaClickSegment',
					name: 'e2e: PersonaClick segment add and check',
					steps: [
						{
							name: 'Add',
							node: 'personaClick',
							parameters: {
								resource: 'segment',
								operation: 'add',
								segmentId: 315,
								identifierType: 'email',
								identifier: 'jane.roe@examplemail.com',
							},
						},
						{
							name: 'Check',
							node: 'personaClick',
							parameters: {
								resource: 'segment',
								operation: 'check',
								segmentId: 315,
								identifierType: 'email',
								identifier: 'jane.roe@examplemail.com',
							},
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.deepEqual(output('Add'), [{ success: true }]);
					assert.deepEqual(output('Check'), [{ segment_id: 315, result: true }], 'a bare true becomes {segment_id, result}');
					const add = sandbox.requestsFor('personaclick').find((r) => r.path === '/segments/add');
					assert.equal(add.body.segment_id, 315);
				},
			},
			{
				workflow: chain({
					id: 'e2ePersonaClickOrders',
					name: 'e2e: PersonaClick order sync',
					steps: [
						{
							name: 'Orders',
							type: 'n8n-nodes-base.code',
							typeVersion: 2,
							parameters: {
								jsCode:
									"return [1, 2, 3].map((n) => ({ json: { id: `E2E-${n}`, status: 'paid', total: 10 * n, sku: `SKU-${n}` } }));",
							},
						},
						{
							name: 'Sync',
							node: 'personaClick',
							parameters: {
								resource: 'order',
								operation: 'sync',
								orderId: '={{ $json.id }}',
								orderStatus: '={{ $json.status }}',
								orderValue: { total: '={{ $json.total }}' },
								orderItems: { item: [{ id: '={{ $json.sku }}', price: '={{ $json.total }}', quantity: 1 }] },
								additionalFields: { channel: 'website', date: '2024-05-01T08:00:00.000Z' },
							},
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.deepEqual(output('Sync'), [{ success: true }, { success: true }, { success: true }]);
					const syncs = sandbox.requestsFor('personaclick').filter((r) => r.path === '/sync/orders');
					assert.equal(syncs.length, 1, 'three input items → one request');
					assert.deepEqual(
						syncs[0].body.orders.map((o) => [o.id, o.date, o.value.total]),
						[
							['E2E-1', 1714550400, 10],
							['E2E-2', 1714550400, 20],
							['E2E-3', 1714550400, 30],
						],
					);
				},
			},
			{
				workflow: chain({
					id: 'e2ePersonaClickEvent',
					name: 'e2e: PersonaClick custom event',
					steps: [
						{
							name: 'Event',
							node: 'personaClick',
							parameters: {
								resource: 'event',
								operation: 'create',
								eventCode: 'registration',
								identifierType: 'email',
								identifier: 'john.doe@examplemail.com',
								additionalFields: { category: 'signup', value: 1 },
								extraFields: { field: [{ name: 'plan', value: 'pro' }] },
							},
						},
					],
				}),
				assert({ output, sandbox }) {
					assert.deepEqual(output('Event'), [{ success: true }]);
					const events = sandbox.requestsFor('personaclick').filter((r) => r.path === '/push/custom');
					assert.equal(events.length, 1);
					const { shop_id: _id, shop_secret: _secret, ...body } = events[0].body;
					assert.deepEqual(body, {
						event: 'registration',
						email: 'john.doe@examplemail.com',
						category: 'signup',
						value: 1,
						plan: 'pro',
					});
				},
			},
		],
		unsubscribed: (sandbox, email) =>
			sandbox
				.vendor('personaclick')
				.state.contacts.some((c) => c.email === email && c.email_bulk === false && c.email_chain === false),
		ui: {
			action: 'Change the subscriptions of a contact',
			parameters: ['identifierType', 'identifier'],
			labels: ['Channel Subscriptions'],
		},
	},
};

const sandboxCredentials = (name) => loadVendor(name).credentials;

/**
 * Example workflows (file name in examples/ → assertion). Every example is also checked
 * generically: it runs without error and each of our nodes in it produces output.
 */
const EXAMPLE_CHECKS = {
	'unsubscribe-everywhere.json': ({ sandbox, vendorsInWorkflow }) => {
		const email = 'customer@example.com';
		for (const vendor of vendorsInWorkflow) {
			const check = VENDOR_CHECKS[vendor.node];
			assert.ok(check && check.unsubscribed, `no unsubscribed() check for ${vendor.node}`);
			assert.ok(check.unsubscribed(sandbox, email), `${vendor.vendor} sandbox still has ${email} subscribed`);
		}
	},
};

EXAMPLE_CHECKS['talkbox-contact-sync.json'] = ({ sandbox }) => {
	const { state } = sandbox.vendor('talkbox');
	const byEmail = (email) => [...state.contacts.values()].find((c) => c.email === email);
	const ada = byEmail('ada.lovelace@example.com');
	assert.ok(ada, 'the new contact was created');
	assert.equal(ada.first_name, 'Ada');
	assert.equal(ada.date_of_birth, '10/12/1990', 'dates are sent as dd/mm/yyyy');
	const barry = byEmail('barry.hall.0@example.com');
	assert.equal(barry.id, 300, 'the existing contact was updated, not duplicated');
	assert.equal(barry.last_name, 'Hall-Smith');
	const tag = [...state.tags.values()].find((t) => t.name === 'Synced from n8n');
	assert.ok(tag, 'the tag was created');
	assert.ok(tag.contactIds.has(ada.id) && tag.contactIds.has(300), 'both contacts carry the tag');
};

EXAMPLE_CHECKS['personaclick-change-report.json'] = ({ output }) => {
	const rows = output('Count by event and campaign type');
	const total = rows.reduce((sum, row) => sum + row.count_contact, 0);
	assert.equal(total, 45, 'every change of the last 24 hours is counted (the sandbox seeds 45)');
	const unsubscribes = rows.filter((row) => row.event === 'unsubscribe').reduce((sum, row) => sum + row.count_contact, 0);
	assert.equal(unsubscribes, 11);
};

module.exports = { VENDOR_CHECKS, EXAMPLE_CHECKS };
