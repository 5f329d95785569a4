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
					assert.match(JSON.stringify(item), /Person not found/);
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
