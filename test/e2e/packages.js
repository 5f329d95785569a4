'use strict';
/**
 * Each single-vendor package (n8n-nodes-talkable, -talkbox, -sailthru, -personaclick; see
 * scripts/lib/packages.js) installed alone in real n8n: its own n8n home, the same n8n install.
 *
 *   1. the tarball installed as a community package, its sandbox credential imported;
 *   2. n8n loads exactly the package's nodes and its credential, and nothing of the other vendors;
 *   3. the credential test passes with the sandbox credential and fails with a wrong secret;
 *   4. one operation of each resource (test/e2e/resources.js), side by side in one workflow
 *      started by a webhook: every node succeeds with at least one item;
 *   5. its trigger, active: one event → one execution holding it (Talkable: a signed webhook;
 *      Sailthru: a signed postback; TalkBox: a contact posted to the TalkBox Instant Trigger with
 *      the credential's token; PersonaClick: an unsubscribe found by the next poll).
 */
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const pkg = require('../../scripts/lib/package');
const { RUNTIME_DIR, ensureDir, log, waitFor } = require('../../scripts/lib/util');
const { N8n, E2E_OWNER, nodeError } = require('../../scripts/lib/n8n');
const sandboxTriggers = require('../../sandbox/triggers');
const { settled, runData, outputOf, createActive } = require('./triggers');
const { RESOURCE_CHECKS, NOT_COVERED, SETUP } = require('./resources');
const secrets = require('./secrets');

/** What each vendor's credential needs besides the sandbox's API credentials, for its trigger. */
const TRIGGER_SECRETS = {
	talkable: { webhookKey: sandboxTriggers.TALKABLE_WEBHOOK_KEY },
	talkBox: { webhookToken: sandboxTriggers.TALKBOX_WEBHOOK_TOKEN },
};

const node = (row, credential, fields) => ({
	id: randomUUID(),
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	credentials: { [row.credential]: { id: credential.id, name: credential.name } },
	...fields,
});

/** Webhook → one node per resource of the vendor's action node, side by side. */
function resourcesWorkflow(row, credential) {
	const webhookId = randomUUID();
	const webhook = { id: randomUUID(), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId, parameters: { path: webhookId, httpMethod: 'GET', responseMode: 'onReceived' } };
	const nodes = RESOURCE_CHECKS[row.node].map(({ resource, operation, parameters }, index) =>
		node(row, credential, { name: `${resource} ${operation}`, type: `${pkg.PACKAGE}.${row.node}`, position: [300, index * 120], parameters: { resource, operation, ...parameters } }),
	);
	return {
		workflow: {
			name: `${row.vendor}: one operation of each resource`,
			nodes: [webhook, ...nodes],
			connections: { Webhook: { main: [nodes.map((n) => ({ node: n.name, type: 'main', index: 0 }))] } },
			settings: { executionOrder: 'v1' },
		},
		url: (n8n) => `${n8n.baseUrl}/webhook/${webhookId}`,
		nodeNames: nodes.map((n) => n.name),
	};
}

/** The trigger check for a vendor: an active single-node workflow and the event that starts it. */
const TRIGGERS = {
	talkable: {
		type: 'talkableTrigger',
		send: (url, email) => sandboxTriggers.sendTalkableWebhook(url, { payload: { site_id: '1', description: '$10 off', amount: '10.0', coupon_code: 'PKG-10', reason: 'referrer', email } }),
		emitted: (items, email) => items.length === 1 && items[0].email === email,
	},
	sailthru: {
		type: 'sailthruTrigger',
		send: (url, email) => sandboxTriggers.sendSailthruPostback(url, { fields: { action: 'optout', email, optout: 'all' } }),
		emitted: (items, email) => items.length === 1 && items[0].email === email,
	},
	talkBox: {
		type: 'talkBoxInstantTrigger',
		send: (url, email) => sandboxTriggers.sendTalkBoxWebhook(`${url}?token=${sandboxTriggers.TALKBOX_WEBHOOK_TOKEN}`, { id: 4242, email, first_name: 'Package' }),
		emitted: (items, email) => items.length === 1 && items[0].email === email && items[0].id === 4242,
	},
	personaClick: {
		type: 'personaClickTrigger',
		parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'subscriptionChanged', filters: { events: ['unsubscribe'], contactTypes: ['email'] } },
		poll: (sandbox, email) => sandboxTriggers.personaclick.unsubscribe(sandbox.vendor('personaclick').state, { email }),
		emitted: (items, email) => items.length === 1 && items[0].contact === email && items[0].event === 'unsubscribe',
	},
};

async function vendorPackageSuite({ runtime, vendorPackage, sandbox, results, timer }) {
	const row = vendorPackage.vendor;
	const label = `${runtime.name} ${vendorPackage.name}`;
	const home = path.join(RUNTIME_DIR, 'e2e', `${runtime.name}-${vendorPackage.name}-home`);
	fs.rmSync(home, { recursive: true, force: true });
	ensureDir(home);
	const n8n = await N8n.onFreePorts({
		runtime,
		home,
		owner: E2E_OWNER,
		logName: `e2e-${runtime.name}-${vendorPackage.name}`,
		packageName: vendorPackage.name,
	});
	const manifest = JSON.parse(fs.readFileSync(path.join(vendorPackage.dir, 'package.json'), 'utf8'));
	const nodeNames = manifest.n8n.nodes.map((file) => path.basename(file, '.node.js')).map((name) => name[0].toLowerCase() + name.slice(1));
	const credential = pkg.sandboxCredential(row, sandbox.origin);
	credential.data = { ...credential.data, ...(TRIGGER_SECRETS[row.node] || {}) };
	const logFrom = secrets.fileSize(n8n.logFile);
	log(`${label}: alone in n8n ${runtime.version} at ${n8n.baseUrl} (log: ${n8n.logFile})`);

	await results.within({ logs: [n8n.logFile], sandboxes: [sandbox] }, async () => {
		const ready = await results.check(`${label}: install the tarball alone, import its credential, n8n start`, () =>
			timer.phase(`${label}: install + start`, async () => {
				await n8n.installPackage(vendorPackage.tarball);
				await n8n.importCredentials([credential]);
				await n8n.start({ logLevel: 'debug' });
				await n8n.ensureOwner();
				await n8n.login();
				return true;
			}),
		);
		try {
			if (ready) await timer.phase(`${label}: checks`, () => packageChecks({ n8n, row, label, nodeNames, credential, sandbox, results }));
		} finally {
			await n8n.stop();
			await secrets.checkLogs({ results, name: label, logs: [{ file: n8n.logFile, from: logFrom }], credentials: [credential], discovered: pkg.discover() });
		}
	});
}

async function packageChecks({ n8n, row, label, nodeNames, credential, sandbox, results }) {
	await results.check(`${label}: n8n loads its ${nodeNames.length} nodes (and the action node's AI Agent tool) and its credential, nothing of another vendor`, async () => {
		const types = await n8n.get('/types/nodes.json');
		const names = (Array.isArray(types.body) ? types.body : []).map((t) => t.name);
		const ours = names.filter((name) => name.startsWith(`${n8n.packageName}.`)).sort();
		// n8n adds `<node>Tool` for a node that is usableAsTool: the action node's AI Agent tool.
		assert.deepEqual(ours, [...nodeNames, `${row.node}Tool`].map((name) => n8n.nodeType(name)).sort());
		const others = pkg.VENDORS.filter((v) => v.node !== row.node);
		const foreign = names.filter((name) => others.some((v) => new RegExp(`\\.${v.node}((Instant)?Trigger)?$`).test(name)));
		assert.deepEqual(foreign, [], 'node types of other vendors are loaded');
		const creds = (await n8n.get('/types/credentials.json')).body.map((t) => t.name);
		assert.ok(creds.includes(row.credential), `credential type ${row.credential} is not loaded`);
		assert.deepEqual(creds.filter((name) => others.some((v) => v.credential === name)), [], 'credential types of other vendors are loaded');
	});

	await results.check(`${label}: ${row.credential} test passes with the sandbox credential and fails with a wrong secret`, async () => {
		const answer = await n8n.testCredential(credential);
		assert.equal(answer && answer.status, 'OK', JSON.stringify(answer));
		const instance = pkg.discover().credentials[row.credential].credential;
		const wrong = await n8n.testCredential(credential, pkg.withWrongSecrets(instance, credential.data).data);
		assert.equal(wrong && wrong.status, 'Error', JSON.stringify(wrong));
	});

	const uncovered = Object.keys(NOT_COVERED[row.node] || {});
	await results.check(`${label}: one operation of each of ${RESOURCE_CHECKS[row.node].length} resources${uncovered.length ? ` (not ${uncovered.join(', ')}: see test/e2e/resources.js)` : ''}, side by side in one workflow → each succeeds`, async () => {
		sandbox.reset();
		SETUP[row.node]?.(sandbox);
		const { workflow, url, nodeNames: operationNodes } = resourcesWorkflow(row, credential);
		const id = await createActive(n8n, workflow);
		const get = () => fetch(url(n8n)).then((response) => response.status);
		await waitFor(`the webhook at ${url(n8n)}`, async () => (await get()) === 200, { timeoutMs: 60_000 });
		const [execution, ...others] = await settled(n8n, id, 1, 120_000);
		assert.equal(others.length, 0, `${others.length + 1} executions`);
		const data = await runData(n8n, execution.id);
		const failures = [];
		for (const name of operationNodes) {
			const error = nodeError({ data }, name);
			const items = outputOf(data, name);
			if (error) failures.push(`${name}: ${error.message}`);
			else if (!items || items.length === 0) failures.push(`${name}: no output item`);
		}
		assert.deepEqual(failures, []);
		assert.equal(execution.status, 'success');
	});

	const trigger = TRIGGERS[row.node];
	await results.check(`${label}: ${trigger.type}, active → one event, one execution holding it`, async () => {
		const webhookId = randomUUID();
		const changesRead = () => sandbox.requestsFor('personaclick').filter((r) => r.method === 'GET' && r.path === '/subscriptions/changes').length;
		const readBefore = changesRead();
		const triggerNode = node(row, credential, { name: 'Trigger', type: `${pkg.PACKAGE}.${trigger.type}`, webhookId, parameters: trigger.parameters || {} });
		const id = await createActive(n8n, { name: `${row.vendor} trigger`, nodes: [triggerNode], connections: {}, settings: {} });
		const email = `package.${n8n.runtime.name}@example.com`;
		if (trigger.send) {
			const url = `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
			// n8n 2.x registers the webhook a moment after activation; until then the URL is a 404.
			await waitFor(`the trigger's webhook at ${url}`, async () => {
				const answer = await trigger.send(url, email);
				return answer.status === 404 ? undefined : answer;
			}, { timeoutMs: 60_000 }).then((answer) => assert.equal(answer.status, 200, JSON.stringify(answer.body)));
		} else {
			// n8n 2.x runs the activation poll (the baseline: changes before it are not emitted) a
			// moment after activation answers; the event must come after it.
			await waitFor('the activation poll', async () => changesRead() > readBefore, { timeoutMs: 60_000 });
			trigger.poll(sandbox, email);
		}
		const [execution, ...others] = await settled(n8n, id, 1, 150_000);
		assert.equal(others.length, 0, `${others.length + 1} executions`);
		assert.equal(execution.status, 'success');
		const items = outputOf(await runData(n8n, execution.id), 'Trigger');
		assert.ok(trigger.emitted(items, email), `the trigger emitted ${JSON.stringify(items).slice(0, 300)}`);
	});
}

module.exports = { vendorPackageSuite, resourcesWorkflow };
