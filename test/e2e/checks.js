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
 *   ui:        the browser suite opens this operation (action text as the node panel lists it)
 *              and expects these parameters to render.
 */
const assert = require('node:assert/strict');

const { chain } = require('../../scripts/lib/workflows');

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
};

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

module.exports = { VENDOR_CHECKS, EXAMPLE_CHECKS };
