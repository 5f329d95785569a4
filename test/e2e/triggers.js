'use strict';
/**
 * Trigger checks in a running n8n (`n8n start`, owner logged in): the active example workflows
 * (examples/*.json that start from one of our triggers) are created and activated through the
 * REST API, then
 *   - Talkable Trigger: the sandbox sends a signed Custom App webhook to n8n's production URL →
 *     exactly one execution, with the expected data (the advocate lands in TalkBox); forged ones
 *     → 401 and no execution (a signed delivery after them starts the only other one); the same
 *     signed webhook sent again → 200 and no execution (repeats are ignored by default);
 *   - Sailthru Trigger: signed opt-out postbacks → one execution each; the first one sent again
 *     once the workflow holds static data → 200 and no execution;
 *   - PersonaClick Trigger: an unsubscribe appears in the sandbox's change log → the next poll
 *     (every minute) starts exactly one execution (the address is unsubscribed in TalkBox,
 *     Sailthru and Talkable), and later polls do not bring it again (a second unsubscribe's
 *     execution holds only that one).
 * Called from scripts/e2e.js once n8n is running: runTriggerChecks({ n8n, sandbox, results, label }).
 */
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const path = require('node:path');

const pkg = require('../../scripts/lib/package');
const { waitFor } = require('../../scripts/lib/util');
const { presentExamples } = require('../../scripts/lib/workflows');
const triggers = require('../../sandbox/triggers');
const { VENDOR_CHECKS } = require('./checks');

/** What a trigger answers a repeated delivery (nodes/shared/dedupe.ts REPEAT_ANSWER). */
const REPEAT_ANSWER = { received: true, ignored: true, reason: 'repeated delivery' };

/** The workflow's executions (newest first), as n8n's REST API lists them. */
async function executions(n8n, workflowId) {
	return (await n8n.executions(workflowId, 50)).results;
}

/** Wait until every execution of the workflow has finished; returns them. */
async function settled(n8n, workflowId, count, timeoutMs) {
	return waitFor(
		`${count} finished execution(s) of workflow ${workflowId}`,
		async () => {
			const list = await executions(n8n, workflowId);
			return list.length >= count && list.every((e) => e.finished || ['success', 'error', 'crashed'].includes(e.status)) ? list : undefined;
		},
		{ timeoutMs, intervalMs: 1000 },
	);
}

/** An execution's run data (n8n stores it "flatted"; parsed with n8n's own copy of flatted). */
async function runData(n8n, executionId) {
	const response = await n8n.get(`/rest/executions/${executionId}`);
	if (response.status !== 200) throw new Error(`GET /rest/executions/${executionId} answered HTTP ${response.status}`);
	const flatted = require(require.resolve('flatted', { paths: [path.join(n8n.runtime.dir, 'node_modules', 'n8n')] }));
	const raw = response.body.data.data;
	return typeof raw === 'string' ? flatted.parse(raw) : raw;
}

const outputOf = (data, nodeName) => {
	const runs = data.resultData.runData[nodeName];
	return runs ? runs[runs.length - 1].data.main[0].map((item) => item.json) : undefined;
};

/** Create a workflow through the REST API (node types adapted to how the package is loaded) and activate it. */
async function createActive(n8n, workflow) {
	const nodes = workflow.nodes.map((node) =>
		node.type.startsWith(`${pkg.PACKAGE}.`) ? { ...node, type: n8n.nodeType(node.type.slice(pkg.PACKAGE.length + 1)) } : node,
	);
	const created = await n8n.post('/rest/workflows', {
		name: `${workflow.name} (e2e ${Date.now()})`,
		nodes,
		connections: workflow.connections,
		settings: workflow.settings,
		active: false,
	});
	if (created.status !== 200) throw new Error(`POST /rest/workflows answered HTTP ${created.status}: ${JSON.stringify(created.body).slice(0, 400)}`);
	const id = created.body.data.id;
	await n8n.activateWorkflow(id);
	return id;
}

/** The production URL of the Talkable Trigger in a workflow. */
function webhookUrl(n8n, workflow) {
	const triggerNode = workflow.nodes.find((node) => node.type.endsWith('.talkableTrigger'));
	return `${n8n.baseUrl}/webhook/${triggerNode.webhookId}/webhook`;
}

async function runTriggerChecks({ n8n, sandbox, results, label }) {
	const discovered = pkg.discover();
	const built = Object.keys(discovered.nodes);
	const examples = Object.fromEntries(
		presentExamples(built, () => {}, { triggered: true }).map(({ file, workflow }) => [file, workflow]),
	);
	const talkableExample = built.includes('talkableTrigger') ? examples['talkable-reward-to-talkbox.json'] : undefined;
	const personaClickExample = built.includes('personaClickTrigger') ? examples['personaclick-unsubscribe-everywhere.json'] : undefined;
	if (!talkableExample && !personaClickExample) return;

	// A fresh sandbox before anything is activated (a reset later would re-date PersonaClick's log).
	sandbox.reset();
	const ids = {};
	const ready = await results.check(`${label}: triggers: webhook key set, example workflows created and activated`, async () => {
		const talkable = pkg.sandboxCredential(pkg.VENDORS.find((v) => v.node === 'talkable'), sandbox.origin);
		const patched = await n8n.call('PATCH', `/rest/credentials/${talkable.id}`, {
			name: talkable.name,
			type: talkable.type,
			data: { ...talkable.data, webhookKey: triggers.TALKABLE_WEBHOOK_KEY },
		});
		if (patched.status !== 200) throw new Error(`PATCH /rest/credentials/${talkable.id} answered HTTP ${patched.status}: ${JSON.stringify(patched.body).slice(0, 300)}`);
		if (talkableExample) {
			ids.talkable = await createActive(n8n, talkableExample);
			// n8n 2.x registers a published workflow's webhooks a moment after activation answers
			// (its publication outbox): until then the URL is a 404. An unsigned request is refused
			// with 401 once the trigger listens, and starts nothing.
			const url = webhookUrl(n8n, talkableExample);
			await waitFor(`the Talkable Trigger's webhook at ${url}`, async () => (await triggers.sendTalkableWebhook(url, { forge: 'missing', payload: {} })).status !== 404, { timeoutMs: 60_000 });
		}
		if (personaClickExample) ids.personaClick = await createActive(n8n, personaClickExample);
		return true;
	});
	if (!ready) return;

	if (talkableExample) {
		const triggerNode = talkableExample.nodes.find((node) => node.type.endsWith('.talkableTrigger'));
		const url = webhookUrl(n8n, talkableExample);
		const email = `advocate.${label}@example.com`;
		await results.check(`${label}: Talkable Trigger: a signed webhook → 200 and exactly one execution with its data`, async () => {
			const payload = { site_id: '1', description: '$10 off', amount: '10.0', coupon_code: 'E2E-10', reason: 'referrer', email };
			const answer = await triggers.sendTalkableWebhook(url, { payload });
			assert.equal(answer.status, 200, `n8n answered ${answer.status}: ${JSON.stringify(answer.body)}`);
			assert.deepEqual(answer.body, { message: 'Workflow was started' });
			// One request starts at most one execution, and n8n creates it while handling that request.
			const list = await settled(n8n, ids.talkable, 1, 120_000);
			const [execution] = list;
			assert.equal(list.length, 1, `expected one execution, found ${list.length}`);
			assert.equal(execution.status, 'success');
			const data = await runData(n8n, execution.id);
			assert.deepEqual(outputOf(data, triggerNode.name), [payload]);
			const { state } = sandbox.vendor('talkbox');
			const contact = [...state.contacts.values()].find((c) => c.email === email);
			assert.ok(contact, `TalkBox has no contact ${email}`);
			const tag = [...state.tags.values()].find((t) => t.name === 'Talkable reward');
			assert.ok(tag && tag.contactIds.has(contact.id), 'the contact is tagged "Talkable reward"');
		});
		await results.check(`${label}: Talkable Trigger: forged webhooks → 401 and no execution`, async () => {
			for (const forge of ['signature', 'missing', 'rawDigest']) {
				const answer = await triggers.sendTalkableWebhook(url, { forge, payload: { site_id: '1', email: 'forged@example.com' } });
				assert.equal(answer.status, 401, `forge=${forge}: n8n answered ${answer.status}`);
				assert.ok(!JSON.stringify(answer.body).includes(triggers.TALKABLE_WEBHOOK_KEY));
			}
			// A barrier instead of a pause: a signed webhook sent after the forged ones. Once its
			// execution has finished, any execution a forged one had started would be listed too.
			const payload = { site_id: '1', description: '$5 off', amount: '5.0', coupon_code: 'E2E-BARRIER', reason: 'referrer', email: `barrier.${label}@example.com` };
			const answer = await triggers.sendTalkableWebhook(url, { payload });
			assert.equal(answer.status, 200, `the signed barrier webhook: n8n answered ${answer.status}: ${JSON.stringify(answer.body)}`);
			const list = await settled(n8n, ids.talkable, 2, 120_000);
			const emails = [];
			for (const execution of list) emails.push(...outputOf(await runData(n8n, execution.id), triggerNode.name).map((item) => item.email));
			assert.deepEqual(emails.sort(), [email, payload.email].sort(), `executions after the forged webhooks: ${list.length}, for ${emails.join(', ')}`);
		});
	}

	if (talkableExample) {
		const triggerNode = talkableExample.nodes.find((node) => node.type.endsWith('.talkableTrigger'));
		const url = webhookUrl(n8n, talkableExample);
		await results.check(`${label}: Talkable Trigger: the same signed webhook sent again → 200 and no second execution`, async () => {
			// The workflow already has static data (the deliveries above were recorded): the case in
			// which n8n 2.x would drop a record that the node did not answer itself (shared/dedupe.ts).
			const before = (await executions(n8n, ids.talkable)).length;
			const payload = { site_id: '1', description: '$7 off', amount: '7.0', coupon_code: 'E2E-REPEAT', reason: 'referrer', email: `repeat.${label}@example.com` };
			const first = await triggers.sendTalkableWebhook(url, { payload });
			assert.equal(first.status, 200, `first delivery: n8n answered ${first.status}: ${JSON.stringify(first.body)}`);
			assert.deepEqual(first.body, { message: 'Workflow was started' });
			await settled(n8n, ids.talkable, before + 1, 120_000);
			const again = await triggers.sendTalkableWebhook(url, { payload });
			assert.equal(again.status, 200, `repeated delivery: n8n answered ${again.status}: ${JSON.stringify(again.body)}`);
			assert.deepEqual(again.body, REPEAT_ANSWER);
			// Barrier: a new delivery after the repeat; once its execution is listed, one the repeat had started would be too.
			const barrier = { ...payload, coupon_code: 'E2E-REPEAT-BARRIER', email: `repeat-barrier.${label}@example.com` };
			assert.equal((await triggers.sendTalkableWebhook(url, { payload: barrier })).status, 200);
			const list = await settled(n8n, ids.talkable, before + 2, 120_000);
			const emails = [];
			for (const execution of list.slice(0, list.length - before)) emails.push(...outputOf(await runData(n8n, execution.id), triggerNode.name).map((item) => item.email));
			assert.equal(list.length, before + 2, `expected ${before + 2} executions, found ${list.length}`);
			assert.deepEqual(emails.sort(), [payload.email, barrier.email].sort());
		});
	}

	if (built.includes('sailthruTrigger')) {
		await results.check(`${label}: Sailthru Trigger: signed opt-out postbacks → one execution each; the same postback again → 200 and none`, async () => {
			const sailthru = pkg.sandboxCredential(pkg.VENDORS.find((v) => v.node === 'sailthru'), sandbox.origin);
			const webhookId = randomUUID();
			const workflow = {
				name: 'Sailthru opt-outs',
				nodes: [
					{
						id: '5a11742e-0000-4000-8000-000000000001',
						name: 'Sailthru Trigger',
						type: `${pkg.PACKAGE}.sailthruTrigger`,
						typeVersion: 1,
						position: [0, 0],
						webhookId,
						parameters: {},
						credentials: { sailthruApi: { id: sailthru.id, name: sailthru.name } },
					},
				],
				connections: {},
				settings: {},
			};
			const id = await createActive(n8n, workflow);
			const url = `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
			const optout = (email) => ({ fields: { action: 'optout', email, optout: 'all' } });
			await waitFor(`the Sailthru Trigger's webhook at ${url}`, async () => (await triggers.sendSailthruPostback(url, { ...optout('x@example.com'), forge: 'missing' })).status !== 404, { timeoutMs: 60_000 });
			const emails = ['first', 'second'].map((name) => `${name}.${label}@example.com`);
			for (const [index, email] of emails.entries()) {
				const answer = await triggers.sendSailthruPostback(url, optout(email));
				assert.equal(answer.status, 200, `${email}: n8n answered ${answer.status}: ${JSON.stringify(answer.body)}`);
				assert.deepEqual(answer.body, { message: 'Workflow was started' });
				await settled(n8n, id, index + 1, 120_000);
			}
			// The first one again, once the workflow holds static data.
			const again = await triggers.sendSailthruPostback(url, optout(emails[0]));
			assert.equal(again.status, 200);
			assert.deepEqual(again.body, REPEAT_ANSWER);
			const barrier = `barrier.${label}@example.com`;
			assert.equal((await triggers.sendSailthruPostback(url, optout(barrier))).status, 200);
			const list = await settled(n8n, id, 3, 120_000);
			const seen = [];
			for (const execution of list) seen.push(...outputOf(await runData(n8n, execution.id), 'Sailthru Trigger').map((item) => item.email));
			assert.deepEqual(seen.sort(), [...emails, barrier].sort(), `executions: ${list.length}`);
		});
	}

	if (personaClickExample) {
		const changesRead = () =>
			sandbox.requestsFor('personaclick').filter((r) => r.method === 'GET' && r.path === '/subscriptions/changes').length;
		const email = 'customer@example.com';
		await results.check(`${label}: PersonaClick Trigger: an unsubscribe is found by the next poll → one execution; later polls do not bring it again`, async () => {
			// The activation poll (baseline) has run; nothing may have started.
			assert.equal((await executions(n8n, ids.personaClick)).length, 0, 'the activation poll started an execution');
			const before = changesRead();
			triggers.personaclick.unsubscribe(sandbox.vendor('personaclick').state, { email });
			const [execution] = await settled(n8n, ids.personaClick, 1, 150_000);
			assert.equal(execution.status, 'success');
			assert.ok(changesRead() > before, 'the trigger did not read /subscriptions/changes');
			const data = await runData(n8n, execution.id);
			const triggerNode = personaClickExample.nodes.find((node) => node.type.endsWith('.personaClickTrigger'));
			assert.deepEqual(outputOf(data, triggerNode.name).map((change) => [change.contact, change.event]), [[email, 'unsubscribe']]);
			for (const node of ['talkBox', 'sailthru', 'talkable']) {
				assert.ok(VENDOR_CHECKS[node].unsubscribed(sandbox, email), `${node}: ${email} is still subscribed`);
			}
			// Later polls read the same window again and must not bring that change back. A barrier
			// instead of a pause: a second unsubscribe; the execution it starts must hold it alone,
			// and no execution in between may hold the first one again.
			const barrier = 'friend@example.com';
			triggers.personaclick.unsubscribe(sandbox.vendor('personaclick').state, { email: barrier });
			const list = await settled(n8n, ids.personaClick, 2, 150_000);
			const changes = [];
			for (const run of [...list].reverse()) changes.push(outputOf(await runData(n8n, run.id), triggerNode.name).map((change) => change.contact));
			assert.deepEqual(changes, [[email], [barrier]], 'each unsubscribe is emitted once, by one execution');
		});
	}

	if (built.includes('talkBoxInstantTrigger')) {
		await talkBoxInstantChecks({ n8n, sandbox, results, label });
	}
}

/**
 * TalkBox Instant Trigger: TalkBox Instant Trigger → No Operation, active. The sandbox's TalkBox
 * posts contacts changed through its API (change method `API`) to the production URL with the
 * credential's token → one execution per change, holding the contact as TalkBox stores it; a
 * wrong or missing token → 401 and no execution; the token is in no line n8n logs.
 */
async function talkBoxInstantChecks({ n8n, sandbox, results, label }) {
	const { randomBytes } = require('node:crypto');
	const fs = require('node:fs');
	const { readFrom } = require('../../scripts/lib/n8n');
	const talkbox = pkg.sandboxCredential(pkg.VENDORS.find((v) => v.node === 'talkBox'), sandbox.origin);
	const talkBoxApi = (method, apiPath, body) => triggers.talkBoxApiRequest(talkbox.data, method, apiPath, body);
	const { webhook } = sandbox.vendor('talkbox').state;

	await results.check(`${label}: TalkBox Instant Trigger: contacts created and changed through the TalkBox API → TalkBox posts each → one execution each with the whole contact; a wrong or missing token → 401 and none`, async () => {
		const token = randomBytes(32).toString('hex');
		const patched = await n8n.call('PATCH', `/rest/credentials/${talkbox.id}`, { name: talkbox.name, type: talkbox.type, data: { ...talkbox.data, webhookToken: token } });
		if (patched.status !== 200) throw new Error(`PATCH /rest/credentials/${talkbox.id} answered HTTP ${patched.status}: ${JSON.stringify(patched.body).slice(0, 300)}`);
		const webhookId = randomUUID();
		const triggerName = 'TalkBox Instant Trigger';
		const id = await createActive(n8n, {
			name: 'TalkBox contact changes',
			nodes: [
				{
					id: '7a1b0c00-0000-4000-8000-000000000001',
					name: triggerName,
					type: `${pkg.PACKAGE}.talkBoxInstantTrigger`,
					typeVersion: 1,
					position: [0, 0],
					webhookId,
					parameters: {},
					credentials: { talkBoxApi: { id: talkbox.id, name: talkbox.name } },
				},
				{ id: '7a1b0c00-0000-4000-8000-000000000002', name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { [triggerName]: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
			settings: {},
		});
		const url = `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
		const logFrom = fs.statSync(n8n.logFile).size;
		// A 404 until n8n 2.x has registered the webhook; then a request without a token gets 401.
		await waitFor(`the TalkBox Instant Trigger's webhook at ${url}`, async () => (await triggers.sendTalkBoxWebhook(url, { id: 1 })).status !== 404, { timeoutMs: 60_000 });
		const missing = await triggers.sendTalkBoxWebhook(url, { id: 1, email: 'no-token@example.com' });
		assert.deepEqual([missing.status, missing.body], [401, { error: 'Unauthorized' }]);

		try {
			webhook.configure({ url: `${url}?token=${token}`, methods: ['API'] });
			const email = `instant.${label}@example.com`;
			const created = await talkBoxApi('POST', '/contact', { email, first_name: 'Instant' });
			assert.equal(created.status, 200, `POST /contact answered ${created.status}: ${JSON.stringify(created.body)}`);
			assert.equal(webhook.deliveries.length, 1, 'the sandbox did not post the new contact');
			await webhook.deliveries[0].done;
			const first = webhook.deliveries[0];
			assert.deepEqual([first.status, first.body, first.error], [200, { message: 'Workflow was started' }, undefined]);
			const [execution, ...others] = await settled(n8n, id, 1, 120_000);
			assert.equal(others.length, 0, `expected one execution, found ${others.length + 1}`);
			assert.equal(execution.status, 'success');
			assert.deepEqual(outputOf(await runData(n8n, execution.id), triggerName), [created.body]);

			// A wrong token (the contact forged) → 401; then a barrier instead of a pause: a change
			// through the API. Once its execution is listed, one the forged request had started would be too.
			const forged = await triggers.sendTalkBoxWebhook(`${url}?token=${randomBytes(32).toString('hex')}`, { ...created.body, first_name: 'Forged' });
			assert.deepEqual([forged.status, forged.body], [401, { error: 'Unauthorized' }]);
			const changed = await talkBoxApi('PUT', `/contact/${created.body.id}`, { last_name: 'Changed' });
			assert.equal(changed.status, 200, `PUT /contact answered ${changed.status}: ${JSON.stringify(changed.body)}`);
			await webhook.deliveries[1].done;
			assert.equal(webhook.deliveries[1].status, 200);
			const list = await settled(n8n, id, 2, 120_000);
			const outputs = [];
			for (const run of [...list].reverse()) outputs.push(outputOf(await runData(n8n, run.id), triggerName));
			assert.deepEqual(outputs, [[created.body], [changed.body]], `executions: ${list.length}`);
			assert.equal(changed.body.first_name, 'Instant', 'the whole contact, not a diff');
		} finally {
			webhook.configure({ url: null });
		}
		await n8n.syncLog();
		const logged = readFrom(n8n.logFile, logFrom);
		assert.match(logged, /TalkBox Instant Trigger "TalkBox Instant Trigger" refused a request: the token does not match/);
		assert.ok(!logged.includes(token), 'the Webhook Token is in a line n8n logged');
	});
}

module.exports = { runTriggerChecks, executions, settled, runData, outputOf, createActive };
