'use strict';
/**
 * Queue-mode e2e (`npm run test:e2e -- --queue`; also part of the default e2e run): this package
 * in n8n's distributed engine, on each n8n line in turn (1.123 on Node 20, 2.x on Node 24;
 * `--queue --runtime=n8n-2` for one). Started on loopback only, data in .runtime/queue/:
 * Debian PostgreSQL (as the `postgres` user) and Redis, n8n (.runtime/n8n-1 or n8n-2) as main +
 * `n8n webhook` + two `n8n worker --concurrency=5`, EXECUTIONS_MODE=queue, one shared user folder
 * with the package installed as a community package, one N8N_ENCRYPTION_KEY, and the vendor
 * sandbox (with a concurrency counter). Then:
 *   1. examples/ and the test/e2e/checks.js workflows, started through the webhook process:
 *      each runs on a worker (the worker's log says so), outputs checked as in the single-process e2e;
 *   2. load: 20 executions × 500 Talkable person lookups posted at once: all succeed, items in =
 *      items out, sandbox max concurrency ≤ 2 workers × 32 (Max Concurrent Requests: the
 *      executions of one worker on one credential share one budget, issue 22), no
 *      request twice per person; both workers take part (so both loaded the package);
 *   3. triggers, when the package has them (else "skipped: triggers not built"): a signed Talkable
 *      webhook and a TalkBox contact webhook (the sandbox's TalkBox posts a contact created through
 *      its API) through the webhook process → one execution each, on a worker; the polling trigger;
 *   4. fault: the worker running a long unsubscribe execution goes down. First it is frozen
 *      (SIGSTOP, its Redis connections open, as a dying worker is for a moment) and executions are
 *      enqueued until one is caught by it: with a stalled count of 0 that one fails as stalled
 *      (HTTP 500; on 2.x about 30 s later, n8n's grace re-check) having sent nothing, the others run
 *      once on the other worker. Then SIGKILL; once
 *      it has exited and Redis has dropped its connections, the other worker runs the next
 *      executions, n8n records the killed one as "error" (stalled), no unsubscribe was sent twice.
 * Prints each phase's time and a table (executions, items, wall time, max concurrency, duplicates).
 */
const fs = require('node:fs');
const path = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const { log, ensureDir, writeJson, formatDuration, waitFor } = require('./lib/util');
const pkg = require('./lib/package');
const { presentExamples, ourNodes } = require('./lib/workflows');
const { nodeOutput, nodeError } = require('./lib/n8n');
const { QUEUE_DIR, ensurePackages, Postgres, Redis, Cluster, stopAll, startCountingSandbox, connectionPorts, maxStalledCount } = require('./lib/queue');
const { startSandbox } = require('../sandbox');
const { VENDOR_CHECKS, EXAMPLE_CHECKS } = require('../test/e2e/checks');
const secrets = require('../test/e2e/secrets');
const { viaWebhook, LOAD, FAULT, TRIGGER_CREDENTIALS, TALKABLE_HOOK, TALKABLE_HOOK_PATH, TALKBOX_HOOK, TALKBOX_HOOK_PATH, TALKBOX_HOOK_TOKEN, TALKBOX_POLL } = require('../test/e2e/queue-workflows');

const WORKERS = 2;
const CONCURRENCY = 5;
/** Max Concurrent Requests (default 32): one budget per credential per process, so per worker. */
const PER_RUN_CAP = 32;
const LOAD_RUNS = 20;
const LOAD_ITEMS = 500;
const FAULT_ITEMS = 200;
/** Every load lookup answers this late, so that requests overlap and concurrency is visible. */
const LOAD_DELAY_MS = 20;
const FAULT_DELAY_MS = 4000;
const AFTER_KILL_RUNS = 4;
const AFTER_KILL_ITEMS = 50;
/** Executions enqueued while the worker is frozen, at most; people in each. */
const WINDOW_TRIES = 6;
const WINDOW_ITEMS = 5;
const DATABASE = 'n8n_queue';

/** Talkable people the sandbox must know before a lookup: clones of its seeded person. */
function seedPeople(sandbox, emails) {
	const { people } = sandbox.vendor('talkable').state;
	const template = people.get('customer@example.com');
	for (const email of emails) {
		const person = structuredClone(template);
		Object.assign(person, { email, first_name: null, last_name: null, customer_id: null, referrals: [], rewards: [], shares: [] });
		people.set(email, person);
	}
}

const emails = (prefix, count) => Array.from({ length: count }, (_, i) => `${prefix}-${i}@load.example.com`);

/** Requests per key (method + path) for a vendor; keys sent more than once. */
function duplicates(sandbox, vendor, filter = () => true) {
	const counts = new Map();
	for (const r of sandbox.requestsFor(vendor).filter(filter)) {
		const key = `${r.method} ${r.path}`;
		counts.set(key, (counts.get(key) || 0) + 1);
	}
	const twice = [...counts].filter(([, n]) => n > 1);
	return { keys: counts.size, total: [...counts.values()].reduce((a, b) => a + b, 0), twice };
}

function plan(discovered, sandbox, results) {
	const testable = discovered.vendors.filter((v) => v.hasSandbox);
	const credentials = testable.filter((v) => v.hasCredential).map((v) => pkg.sandboxCredential(v, sandbox.origin));
	const presentNodes = testable.filter((v) => v.hasNode).map((v) => v.node);
	const checks = [];
	for (const node of presentNodes) {
		for (const { workflow, assert } of (VENDOR_CHECKS[node] && VENDOR_CHECKS[node].workflows) || []) {
			checks.push({ name: workflow.name, workflow, assert });
		}
	}
	for (const { file, workflow } of presentExamples(presentNodes, log)) {
		const vendorsInWorkflow = testable.filter((v) => ourNodes(workflow).some((n) => n.type === pkg.nodeType(v.node)));
		checks.push({
			name: `example "${workflow.name}" (${file})`,
			workflow,
			assert: ({ output, error, sandbox: sb }) => {
				for (const node of ourNodes(workflow)) {
					const err = error(node.name);
					if (err) throw new Error(`${node.name} failed: ${err.message}`);
					if (!output(node.name) || output(node.name).length === 0) throw new Error(`${node.name} produced no output`);
				}
				if (EXAMPLE_CHECKS[file]) EXAMPLE_CHECKS[file]({ sandbox: sb, vendorsInWorkflow, output, error });
			},
		});
	}
	checks.forEach((check, index) => {
		check.webhookPath = `queue-check-${index}`;
		check.queued = viaWebhook(check.workflow, { id: `queueChk${String(index).padStart(3, '0')}`, path: check.webhookPath });
	});
	if (!presentNodes.includes('talkable')) results.fail('queue: Talkable', 'the load and fault phases need the Talkable node and sandbox');
	return { credentials, presentNodes, checks, triggers: triggerPlan(discovered) };
}

/**
 * The trigger workflows this build can run: the Talkable Trigger (webhook) and the TalkBox
 * Trigger (polling), each when its node is in package.json's n8n section and the sandbox can
 * drive it (sandbox/triggers.js).
 */
function triggerPlan(discovered) {
	let helpers;
	try {
		helpers = require('../sandbox/triggers');
	} catch {
		helpers = undefined;
	}
	const has = (name) => Boolean(discovered.nodes[name]) && Boolean(helpers);
	return {
		helpers,
		webhook: has('talkableTrigger') && typeof helpers.sendTalkableWebhook === 'function',
		poll: has('talkBoxTrigger') && Boolean(helpers.talkbox && helpers.talkbox.addContact),
		instant: has('talkBoxInstantTrigger') && typeof helpers.sendTalkBoxWebhook === 'function',
	};
}

/** Credentials for the trigger workflows: Talkable with its webhook key, TalkBox on the poll sandbox. */
function triggerCredentials(planned, sandbox, pollSandbox) {
	const extra = [];
	const row = (node) => pkg.VENDORS.find((v) => v.node === node);
	if (planned.triggers.webhook) {
		const base = pkg.sandboxCredential(row('talkable'), sandbox.origin);
		extra.push({ ...TRIGGER_CREDENTIALS.talkableHook, data: { ...base.data, webhookKey: planned.triggers.helpers.TALKABLE_WEBHOOK_KEY } });
	}
	if (planned.triggers.poll) {
		extra.push({ ...TRIGGER_CREDENTIALS.talkBoxPoll, data: pkg.sandboxCredential(row('talkBox'), pollSandbox.origin).data });
	}
	if (planned.triggers.instant) {
		const base = pkg.sandboxCredential(row('talkBox'), sandbox.origin);
		extra.push({ ...TRIGGER_CREDENTIALS.talkBoxHook, data: { ...base.data, webhookToken: TALKBOX_HOOK_TOKEN } });
	}
	return extra;
}

/**
 * Import workflows to be active. n8n 1.x: `n8n import:workflow --activeState=fromJson` (queue
 * mode only), the main activates them on start. n8n 2.x's import cannot activate before the
 * main's first start ("User attempted to activate a workflow without permissions"): they are
 * imported inactive, and activateAll() publishes them through the main's REST API once it runs.
 */
async function importActive(n8n, workflows) {
	const file = path.join(n8n.home, 'import', 'queue-workflows.json');
	const adapted = workflows.map((workflow) => ({
		...workflow,
		nodes: workflow.nodes.map((node) =>
			node.type.startsWith(`${pkg.PACKAGE}.`) ? { ...node, type: n8n.nodeType(node.type.slice(pkg.PACKAGE.length + 1)) } : node,
		),
	}));
	writeJson(file, adapted);
	await n8n.cli(['import:workflow', `--input=${file}`, ...(n8n.runtime.major >= 2 ? [] : ['--activeState=fromJson'])]);
	return workflows.map((workflow) => workflow.id);
}

/** n8n 2.x: activate the imported workflows through the running main (see importActive). */
async function activateAll(n8n, workflowIds) {
	if (n8n.runtime.major < 2) return;
	for (const id of workflowIds) await n8n.activateWorkflow(id);
}

/** Wait until a workflow has `count` executions that are no longer running; returns them. */
async function settled(cluster, workflowId, count, timeoutMs = 300000) {
	return waitFor(
		`${count} finished execution(s) of ${workflowId}`,
		async () => {
			const list = await cluster.executionsOf(workflowId);
			const done = list.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			return done.length >= count ? list : undefined;
		},
		{ timeoutMs, intervalMs: 500 },
	);
}

/** Accessors for a run, as the single-process checks expect them. */
function accessors(execution) {
	const run = { data: execution.data };
	const output = (name) => {
		const items = nodeOutput(run, name);
		if (items === undefined) throw new Error(`node "${name}" did not run`);
		return items;
	};
	return { output, error: (name) => nodeError(run, name), runError: execution.data && execution.data.resultData.error };
}

/**
 * `results` and `timer` whose check and phase names say the n8n line: "queue: …" becomes
 * "queue n8n-2: …", so that both lines' checks and timings are told apart in one run.
 */
function forLine(runtime, results, timer) {
	const named = (name) => name.replace(/^queue:/, `queue ${runtime.name}:`);
	return {
		results: {
			check: (name, fn) => results.check(named(name), fn),
			fail: (name, message) => results.fail(named(name), message),
			within: (where, fn) => results.within(where, fn),
		},
		timer: { phase: (name, fn) => timer.phase(named(name), fn) },
	};
}

/** The queue-mode suite on one n8n line (`runtime`: runtimes.n8n1 or runtimes.n8n2), its cluster stopped at the end. */
async function runQueueSuite({ tarball, discovered, load, runtime, ...reporting }) {
	const { results, timer } = forLine(runtime, reporting.results, reporting.timer);
	const stalledCount = maxStalledCount(runtime);
	const table = [];
	const { sandbox, statsSource } = await startCountingSandbox(startSandbox, { port: 0 });
	// TalkBox for the polling trigger on a sandbox of its own (other phases reset theirs); every
	// request it gets is a poll, timestamped here.
	const polls = [];
	const pollSandbox = await startSandbox({ port: 0, vendors: ['talkbox'], log: () => polls.push(Date.now()) });
	log(`queue: vendor sandbox on ${sandbox.origin} (concurrency from ${statsSource}); TalkBox poll sandbox on ${pollSandbox.origin}`);
	const onSignal = (signal) => {
		log(`queue: ${signal}: stopping PostgreSQL, Redis and n8n`);
		stopAll().finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		const planned = plan(discovered, sandbox, results);
		const postgres = new Postgres();
		const redis = new Redis();
		const infra = await results.check('queue: PostgreSQL + Redis on loopback', () =>
			timer.phase('queue: start postgresql + redis', async () => {
				await ensurePackages();
				const [{ reused }] = await Promise.all([postgres.start(), redis.start()]);
				await postgres.recreateDatabase(DATABASE);
				log(`queue: PostgreSQL ${postgres.bin.major} on 127.0.0.1:${postgres.port} (cluster ${reused ? 'reused' : 'initdb'}), Redis on 127.0.0.1:${redis.port}`);
				return true;
			}),
		);
		if (!infra) return;

		const home = path.join(QUEUE_DIR, `home-${runtime.name}`);
		fs.rmSync(home, { recursive: true, force: true });
		ensureDir(home);
		const cluster = new Cluster({ runtime, home, load, postgres, redis, database: DATABASE, workers: WORKERS, concurrency: CONCURRENCY, logPrefix: `queue-${runtime.name}` });
		await cluster.prepare();
		log(`queue ${runtime.name}: n8n ${runtime.version}, main ${cluster.main.baseUrl}, webhook ${cluster.webhookBase}, ${WORKERS} workers × concurrency ${CONCURRENCY}, stalled count ${stalledCount}; logs ${path.relative(process.cwd(), path.dirname(cluster.main.logFile))}/queue-${runtime.name}-*.log`);

		// A failing check prints the last lines of every cluster process's log and the sandboxes' last requests.
		const where = { logs: [cluster.main, cluster.webhook, ...cluster.workers].map((n8n) => n8n.logFile), sandboxes: [sandbox, pollSandbox] };
		await results.within(where, async () => {
			const credentials = [...planned.credentials, ...triggerCredentials(planned, sandbox, pollSandbox)];
			const ready = await results.check('queue: package installed, credentials + workflows imported into PostgreSQL', () =>
				timer.phase('queue: install package + import', async () => {
					if (load === 'package') await cluster.main.installPackage(tarball);
					await cluster.main.importCredentials(credentials);
					const triggers = [
						...(planned.triggers.webhook ? [TALKABLE_HOOK] : []),
						...(planned.triggers.poll ? [TALKBOX_POLL] : []),
						...(planned.triggers.instant ? [TALKBOX_HOOK] : []),
					];
					return importActive(cluster.main, [...planned.checks.map((c) => c.queued), LOAD, FAULT, ...triggers]);
				}),
			);
			if (!ready) return;

			const started = await results.check(`queue: main + webhook + ${WORKERS} workers started`, () =>
				timer.phase('queue: start n8n main, webhook, workers', async () => {
					await cluster.startMain();
					await activateAll(cluster.main, ready);
					await Promise.all([cluster.startWebhook(), ...cluster.workers.map((w) => cluster.startWorker(w))]);
					return true;
				}),
			);
			if (!started) return;
			// The polling trigger's activation poll happened on main start; a contact created now is
			// what the next poll (once a minute) must find, once. The phases below run meanwhile.
			const pollWatch = planned.triggers.poll ? await watchPolls({ pollSandbox, polls, helpers: planned.triggers.helpers }) : undefined;

			await timer.phase(`queue: examples + checks via workers (${planned.checks.length})`, () => examplesPhase({ cluster, sandbox, planned, results, table }));
			await timer.phase(`queue: load ${LOAD_RUNS} × ${LOAD_ITEMS} items`, () => loadPhase({ cluster, sandbox, results, table }));
			await timer.phase('queue: triggers', () => triggersPhase({ cluster, sandbox, planned, pollWatch, polls, results, table }));
			await timer.phase('queue: fault (worker killed)', () => faultPhase({ cluster, sandbox, results, table, stalledCount }));
			// The log scan reads complete logs: every process stopped, its output written.
			await timer.phase('queue: stop cluster', async () => {
				await stopAll();
			});
			const logs = [cluster.main, cluster.webhook, ...cluster.workers].map((n8n) => ({ file: n8n.logFile, from: 0 }));
			await secrets.checkLogs({ results, name: `queue ${runtime.name}`, logs, credentials, discovered });
		});
	} finally {
		await stopAll();
		await Promise.all([sandbox.close(), pollSandbox.close()]);
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
		printTable(table, runtime);
	}
}

async function examplesPhase({ cluster, sandbox, planned, results, table }) {
	const started = Date.now();
	const ran = [];
	for (const check of planned.checks) {
		await results.check(`queue: ${check.name} runs on a worker`, async () => {
			sandbox.reset();
			sandbox.resetStats();
			const response = await cluster.callWebhook(check.webhookPath, {});
			if (response.status === 404 || /starting up/i.test(JSON.stringify(response.body))) {
				throw new Error(`the webhook process answered HTTP ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
			}
			const [summary] = await settled(cluster, check.queued.id, 1, 120000);
			const workers = (await cluster.whereRan([summary.id])).get(String(summary.id));
			if (workers.length !== 1) throw new Error(`execution ${summary.id}: expected one worker in the logs, found [${workers.join(', ')}]`);
			const execution = await cluster.execution(summary.id);
			const { output, error, runError } = accessors(execution);
			if (runError) throw new Error(`workflow failed on ${workers[0]}: ${runError.message} (webhook HTTP ${response.status})`);
			if (summary.status !== 'success') throw new Error(`execution ${summary.id} is "${summary.status}"`);
			if (response.status !== 200) throw new Error(`webhook answered HTTP ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
			await check.assert({ output, error, sandbox });
			ran.push({ id: summary.id, worker: workers[0], maxInFlight: sandbox.stats().maxInFlight });
			log(`    execution ${summary.id} (${execution.mode}) ran on ${workers[0]}`);
		});
	}
	table.push({
		phase: 'examples + checks',
		executions: ran.length,
		items: '-',
		wall: Date.now() - started,
		maxConcurrency: Math.max(0, ...ran.map((r) => r.maxInFlight)),
		duplicates: '-',
		note: `workers: ${countBy(ran.map((r) => r.worker))}`,
	});
}

async function loadPhase({ cluster, sandbox, results, table }) {
	const cap = WORKERS * PER_RUN_CAP;
	sandbox.reset();
	const batches = Array.from({ length: LOAD_RUNS }, (_, run) => emails(`load${run}`, LOAD_ITEMS));
	seedPeople(sandbox, batches.flat());
	sandbox.fault('talkable', { method: 'GET', path: /^\/people\/[^/]+$/, delayMs: LOAD_DELAY_MS });
	sandbox.resetStats();
	const started = Date.now();
	const responses = await Promise.all(batches.map((batch) => cluster.callWebhook('queue-load', { people: batch.map((email) => ({ email })) })));
	const wall = Date.now() - started;
	sandbox.clearFaults();
	const stats = sandbox.stats();
	const talkable = stats.byVendor.talkable || { maxInFlight: 0 };
	const dup = duplicates(sandbox, 'talkable');
	const row = { phase: 'load (person get)', executions: 0, items: 0, wall, maxConcurrency: talkable.maxInFlight, duplicates: dup.twice.length, note: '' };
	table.push(row);

	await results.check(`queue: load: ${LOAD_RUNS} webhook calls answered 200 with ${LOAD_ITEMS} items each`, () => {
		const bad = responses.map((r, i) => ({ i, status: r.status, items: Array.isArray(r.body) ? r.body.length : undefined })).filter((r) => r.status !== 200 || r.items !== LOAD_ITEMS);
		if (bad.length) throw new Error(`${bad.length} calls: ${JSON.stringify(bad.slice(0, 5))}`);
	});
	const list = await results.check(`queue: load: ${LOAD_RUNS} executions succeeded, items in = items out`, async () => {
		const summaries = await settled(cluster, LOAD.id, LOAD_RUNS, 120000);
		if (summaries.length !== LOAD_RUNS) throw new Error(`expected ${LOAD_RUNS} executions, n8n has ${summaries.length}`);
		const failed = summaries.filter((e) => e.status !== 'success');
		if (failed.length) throw new Error(`not successful: ${failed.map((e) => `${e.id}=${e.status}`).join(', ')}`);
		let itemsIn = 0;
		let itemsOut = 0;
		for (const summary of summaries) {
			const { output } = accessors(await cluster.execution(summary.id));
			const inItems = output('Items');
			const outItems = output('Get person');
			if (inItems.length !== LOAD_ITEMS || outItems.length !== inItems.length) {
				throw new Error(`execution ${summary.id}: ${inItems.length} in, ${outItems.length} out`);
			}
			const wrong = outItems.filter((item, i) => item.email !== inItems[i].email);
			if (wrong.length) throw new Error(`execution ${summary.id}: ${wrong.length} output items do not match their input (first: ${JSON.stringify(wrong[0]).slice(0, 200)})`);
			itemsIn += inItems.length;
			itemsOut += outItems.length;
		}
		row.executions = summaries.length;
		row.items = `${itemsIn} in / ${itemsOut} out`;
		return summaries;
	});
	await results.check('queue: load: every execution ran on a worker, and both workers ran our nodes (each loads the package)', async () => {
		if (!list) throw new Error('no executions to look at');
		const byId = await cluster.whereRan(list.map((e) => e.id));
		const missing = list.filter((e) => (byId.get(String(e.id)) || []).length !== 1);
		if (missing.length) throw new Error(`not run by exactly one worker: ${missing.map((e) => `${e.id}=[${byId.get(String(e.id)) || ''}]`).join(', ')}`);
		const used = countBy(list.map((e) => byId.get(String(e.id))[0]));
		row.note = `workers: ${used}`;
		const idle = cluster.workers.filter((w) => !list.some((e) => byId.get(String(e.id))[0] === w.label));
		if (idle.length) throw new Error(`${idle.map((w) => w.label).join(', ')} ran none of the ${LOAD_RUNS} executions (${used})`);
	});
	await results.check(`queue: load: sandbox max concurrency ${talkable.maxInFlight} ≤ ${WORKERS} workers × ${PER_RUN_CAP} (a budget per credential per worker) = ${cap}`, () => {
		if (talkable.maxInFlight > cap) throw new Error(`${talkable.maxInFlight} Talkable requests were in flight at once (limit ${cap})`);
	});
	await results.check(`queue: load: no request sent twice per person (${dup.total} requests, ${dup.keys} people)`, () => {
		if (dup.twice.length) throw new Error(`${dup.twice.length} sent more than once, e.g. ${dup.twice.slice(0, 3).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
		if (dup.keys !== LOAD_RUNS * LOAD_ITEMS) throw new Error(`expected ${LOAD_RUNS * LOAD_ITEMS} people looked up, the sandbox saw ${dup.keys}`);
	});
}

/** After the activation poll: create a TalkBox contact for the next poll to find. */
async function watchPolls({ pollSandbox, polls, helpers }) {
	try {
		await waitFor('the TalkBox Trigger activation poll', () => polls.length > 0, { timeoutMs: 60000, intervalMs: 200 });
	} catch (error) {
		log(`    ${error.message}`);
		return undefined;
	}
	const email = `polled.${Date.now()}@example.com`;
	helpers.talkbox.addContact(pollSandbox.vendor('talkbox').state, { email, first_name: 'Polled' });
	return { email, addedAt: Date.now(), helpers, pollSandbox };
}

async function triggersPhase({ cluster, sandbox, planned, pollWatch, polls, results, table }) {
	const { webhook, poll, instant } = planned.triggers;
	if (!webhook && !poll && !instant) {
		log('    skipped: triggers not built (no Talkable/TalkBox trigger node in package.json\'s n8n section, or no sandbox/triggers.js)');
		table.push({ phase: 'triggers', executions: '-', items: '-', wall: 0, maxConcurrency: '-', duplicates: '-', note: 'skipped: triggers not built' });
		return;
	}
	if (webhook) await webhookTrigger({ cluster, helpers: planned.triggers.helpers, results, table });
	else log('    skipped: Talkable Trigger not built');
	if (instant) await talkBoxInstantTrigger({ cluster, sandbox, helpers: planned.triggers.helpers, results, table });
	else log('    skipped: TalkBox Instant Trigger not built');
	if (poll) await pollTrigger({ cluster, pollWatch, polls, results, table });
	else log('    skipped: TalkBox (polling) Trigger not built');
}

async function webhookTrigger({ cluster, helpers, results, table }) {
	const started = Date.now();
	const url = `${cluster.webhookBase}/webhook/${TALKABLE_HOOK_PATH}`;
	const row = { phase: 'trigger: Talkable webhook', executions: 0, items: 0, wall: 0, maxConcurrency: '-', duplicates: 0, note: '' };
	table.push(row);
	await results.check('queue: trigger: a forged Talkable webhook is refused by the webhook process (401)', async () => {
		const response = await helpers.sendTalkableWebhook(url, { forge: 'signature' });
		if (response.status !== 401) throw new Error(`expected 401, got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
	});
	// The signed webhook is sent after the forged one: once its execution has finished, an
	// execution the forged one had started would be listed too (one request starts at most one).
	await results.check('queue: trigger: a signed Talkable webhook to the webhook process starts exactly one execution, on a worker (the forged one none)', async () => {
		const response = await helpers.sendTalkableWebhook(url, {});
		if (response.status !== 200) throw new Error(`webhook answered HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
		const list = await settled(cluster, TALKABLE_HOOK.id, 1, 120000);
		const [summary] = list;
		row.executions = list.length;
		row.duplicates = Math.max(0, list.length - 1);
		if (list.length !== 1) throw new Error(`${list.length} executions for one webhook`);
		if (summary.status !== 'success') throw new Error(`execution ${summary.id} is "${summary.status}"`);
		const [worker] = (await cluster.whereRan([summary.id])).get(String(summary.id));
		const { output } = accessors(await cluster.execution(summary.id));
		const items = output('Talkable Trigger');
		row.items = items.length;
		if (items.length !== 1 || items[0].coupon_code !== 'SBX-REWARD-10') throw new Error(`trigger output: ${JSON.stringify(items).slice(0, 300)}`);
		row.note = `execution ${summary.id} on ${worker}`;
	});
	// The webhook process saves the record of that delivery: the same one again starts nothing.
	// A barrier (a new delivery) after it: once its execution is listed, a second one would be too.
	await results.check('queue: trigger: the same signed Talkable webhook again → 200 from the webhook process and no second execution', async () => {
		const again = await helpers.sendTalkableWebhook(url, {});
		if (again.status !== 200 || again.body?.ignored !== true) throw new Error(`the repeat was answered HTTP ${again.status} ${JSON.stringify(again.body).slice(0, 200)}`);
		const barrier = await helpers.sendTalkableWebhook(url, { payload: { site_id: '1', coupon_code: 'SBX-QUEUE-BARRIER', email: 'barrier@example.com' } });
		if (barrier.status !== 200) throw new Error(`the barrier webhook answered HTTP ${barrier.status}`);
		const list = await settled(cluster, TALKABLE_HOOK.id, 2, 120000);
		const codes = list.map(async (summary) => accessors(await cluster.execution(summary.id)).output('Talkable Trigger')[0].coupon_code);
		const sorted = (await Promise.all(codes)).sort();
		if (sorted.join() !== 'SBX-QUEUE-BARRIER,SBX-REWARD-10') throw new Error(`executions after the repeat: ${sorted.join(', ')}`);
		row.executions = list.length;
	});
	row.wall = Date.now() - started;
}

/**
 * TalkBox Instant Trigger through the webhook process: a wrong token → 401; then the sandbox's
 * TalkBox, its webhook pointed at the webhook process, posts a contact created through its API →
 * exactly one execution (the refused request none), on a worker, holding the contact.
 */
async function talkBoxInstantTrigger({ cluster, sandbox, helpers, results, table }) {
	const started = Date.now();
	const url = `${cluster.webhookBase}/webhook/${TALKBOX_HOOK_PATH}`;
	const row = { phase: 'trigger: TalkBox instant webhook', executions: 0, items: 0, wall: 0, maxConcurrency: '-', duplicates: 0, note: '' };
	table.push(row);
	await results.check('queue: trigger: a TalkBox contact webhook with a wrong token is refused by the webhook process (401)', async () => {
		const response = await helpers.sendTalkBoxWebhook(`${url}?token=${'0'.repeat(64)}`, { id: 1, email: 'forged@example.com' });
		if (response.status !== 401) throw new Error(`expected 401, got ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
	});
	await results.check('queue: trigger: a contact created through the TalkBox API is posted to the webhook process → exactly one execution, on a worker, with the contact', async () => {
		const { state } = sandbox.vendor('talkbox');
		state.webhook.configure({ url: `${url}?token=${TALKBOX_HOOK_TOKEN}`, methods: ['API'] });
		const credential = { ...sandbox.credentials('talkbox'), baseUrl: sandbox.url('talkbox') };
		const created = await helpers.talkBoxApiRequest(credential, 'POST', '/contact', { email: 'instant.queue@example.com', first_name: 'Queued' });
		if (created.status !== 200) throw new Error(`POST /contact answered HTTP ${created.status} ${JSON.stringify(created.body).slice(0, 200)}`);
		const contact = created.body;
		const [delivery, ...more] = state.webhook.deliveries;
		if (!delivery || more.length) throw new Error(`the sandbox posted ${state.webhook.deliveries.length} deliveries, expected 1`);
		await delivery.done;
		if (delivery.status !== 200) throw new Error(`the webhook process answered the delivery ${delivery.status ?? delivery.error} ${JSON.stringify(delivery.body).slice(0, 200)}`);
		const list = await settled(cluster, TALKBOX_HOOK.id, 1, 120000);
		const [summary] = list;
		row.executions = list.length;
		row.duplicates = Math.max(0, list.length - 1);
		if (list.length !== 1) throw new Error(`${list.length} executions for one contact change`);
		if (summary.status !== 'success') throw new Error(`execution ${summary.id} is "${summary.status}"`);
		const [worker] = (await cluster.whereRan([summary.id])).get(String(summary.id));
		const items = accessors(await cluster.execution(summary.id)).output('TalkBox Instant Trigger');
		row.items = items.length;
		if (!isDeepStrictEqual(items, [contact])) throw new Error(`trigger output ${JSON.stringify(items).slice(0, 300)}, posted ${JSON.stringify(contact).slice(0, 300)}`);
		row.note = `execution ${summary.id} on ${worker}`;
		state.webhook.configure({ url: null });
	});
	row.wall = Date.now() - started;
}

async function pollTrigger({ cluster, pollWatch, polls, results, table }) {
	const started = Date.now();
	const row = { phase: 'trigger: TalkBox poll', executions: 0, items: 0, wall: 0, maxConcurrency: '-', duplicates: 0, note: '' };
	table.push(row);
	await results.check('queue: trigger: the TalkBox polling trigger fires once per interval cluster-wide (one execution for one new contact)', async () => {
		if (!pollWatch) throw new Error('the activation poll never came');
		const [summary] = await waitFor(
			'an execution of the polling trigger',
			async () => {
				const list = await cluster.executionsOf(TALKBOX_POLL.id);
				return list.some((e) => !['new', 'running'].includes(e.status)) ? list : undefined;
			},
			{ timeoutMs: 150000, intervalMs: 1000 },
		);
		if (summary.status !== 'success') throw new Error(`execution ${summary.id} is "${summary.status}"`);
		// Later polls must not bring that contact again. A barrier instead of a pause: a second new
		// contact; the execution it starts must hold it alone, and none in between the first again.
		const barrier = `polled.barrier.${Date.now()}@example.com`;
		pollWatch.helpers.talkbox.addContact(pollWatch.pollSandbox.vendor('talkbox').state, { email: barrier, first_name: 'Barrier' });
		const list = await settled(cluster, TALKBOX_POLL.id, 2, 150000);
		row.executions = list.length;
		const emails = [];
		for (const run of [...list].reverse()) emails.push(accessors(await cluster.execution(run.id)).output('TalkBox Trigger').map((item) => item.email));
		row.items = emails.flat().length;
		row.duplicates = emails.flat().length - new Set(emails.flat()).size;
		if (JSON.stringify(emails) !== JSON.stringify([[pollWatch.email], [barrier]])) {
			throw new Error(`polled items per execution: ${JSON.stringify(emails)}, expected [["${pollWatch.email}"], ["${barrier}"]]`);
		}
		// Polls (requests within 2 s of each other are one poll): after the activation poll, one a minute.
		const groups = polls.reduce((acc, t) => (acc.length && t - acc[acc.length - 1].at(-1) < 2000 ? acc[acc.length - 1].push(t) : acc.push([t]), acc), []);
		const starts = groups.map((g) => g[0]);
		const gaps = starts.slice(2).map((t, i) => t - starts[i + 1]);
		const [worker] = (await cluster.whereRan([summary.id])).get(String(summary.id));
		row.note = `${starts.length} polls, gaps ${gaps.map((g) => `${Math.round(g / 1000)}s`).join(' ') || '-'}; execution on ${worker || '?'}`;
		if (gaps.some((g) => g < 45000)) throw new Error(`polls closer than a minute apart (gaps ${gaps.join(', ')} ms): more than one process polls`);
	});
	row.wall = Date.now() - started;
}

async function faultPhase({ cluster, sandbox, results, table, stalledCount }) {
	sandbox.reset();
	const faultPeople = emails('fault', FAULT_ITEMS);
	const afterBatches = Array.from({ length: AFTER_KILL_RUNS }, (_, run) => emails(`after${run}`, AFTER_KILL_ITEMS));
	seedPeople(sandbox, [...faultPeople, ...afterBatches.flat()]);
	sandbox.fault('talkable', { method: 'POST', path: /\/unsubscribe$/, delayMs: FAULT_DELAY_MS });
	sandbox.resetStats();
	const started = Date.now();
	const row = { phase: 'fault (kill worker)', executions: 0, items: 0, wall: 0, maxConcurrency: 0, duplicates: 0, note: '' };
	table.push(row);
	const unsubscribes = (r) => r.method === 'POST' && /\/unsubscribe$/.test(r.path);

	const victim = await results.check('queue: fault: long unsubscribe execution started on a worker', async () => {
		const response = await cluster.callWebhook('queue-fault', { people: faultPeople.map((email) => ({ email })) });
		if (response.status !== 200) throw new Error(`webhook answered HTTP ${response.status}`);
		const summary = await waitFor('the fault execution', async () => (await cluster.executionsOf(FAULT.id))[0], { timeoutMs: 60000 });
		// Well under way before the kill: the run has filled its concurrency cap with unsubscribes
		// whose answers are pending (each is answered FAULT_DELAY_MS late).
		await waitFor(`${PER_RUN_CAP} unsubscribe requests at the sandbox`, () => sandbox.requestsFor('talkable').filter(unsubscribes).length >= PER_RUN_CAP, {
			timeoutMs: 120000,
			intervalMs: 100,
		});
		const [label] = (await cluster.whereRan([summary.id])).get(String(summary.id));
		return { id: String(summary.id), worker: cluster.workers.find((w) => w.label === label) };
	});
	if (!victim) return;
	const survivor = cluster.workers.find((w) => w !== victim.worker);
	const redisConnections = connectionPorts(victim.worker.pid, cluster.redis.port);

	// A process that is going down keeps its connections open until the kernel has torn it down
	// (a SIGKILLed n8n worker: milliseconds to tens of them), and Redis hands a waiting job to a
	// worker's pending BRPOPLPUSH as long as its connection is open: a job enqueued in that window
	// goes down with the worker. SIGSTOP holds a worker in that state (connections open, nothing
	// read), so that the window lasts and a job is caught in it for sure.
	process.kill(victim.worker.pid, 'SIGSTOP');
	log(`    SIGSTOP ${victim.worker.label} (pid ${victim.worker.pid}) during execution ${victim.id}`);
	const windowRuns = await windowPhase({ cluster, sandbox, results, survivor, frozen: victim.worker, stalledCount });
	const sentBeforeKill = sandbox.requestsFor('talkable').filter(unsubscribes).length;
	// Executions enqueued once the worker has exited and Redis has dropped every connection it had
	// can only go to the other worker.
	process.kill(victim.worker.pid, 'SIGKILL');
	log(`    SIGKILL ${victim.worker.label} (pid ${victim.worker.pid}) while execution ${victim.id} waits on ${sentBeforeKill} delayed unsubscribe request(s)`);
	const gone = await results.check(`queue: fault: the killed worker has exited and Redis has dropped its ${redisConnections.length} connections`, async () => {
		if (redisConnections.length === 0) throw new Error(`no connection from ${victim.worker.label} to Redis was found before the kill`);
		await waitFor(`${victim.worker.label} (pid ${victim.worker.pid}) to exit`, () => !victim.worker.server.isAlive(), { timeoutMs: 60000, intervalMs: 50 });
		await waitFor(
			`Redis to drop the connections of ${victim.worker.label} (ports ${redisConnections.join(', ')})`,
			async () => {
				const open = await cluster.redis.clientPorts();
				return redisConnections.every((port) => !open.has(port));
			},
			{ timeoutMs: 60000, intervalMs: 50 },
		);
		return true;
	});
	if (!gone) return;

	await results.check(`queue: fault: the other worker runs the next ${AFTER_KILL_RUNS} executions`, async () => {
		const responses = await Promise.all(afterBatches.map((batch) => cluster.callWebhook('queue-load', { people: batch.map((email) => ({ email })) })));
		const bad = responses.filter((r) => r.status !== 200 || !Array.isArray(r.body) || r.body.length !== AFTER_KILL_ITEMS);
		if (bad.length) throw new Error(`${bad.length} calls failed: ${bad.map((r) => `HTTP ${r.status}`).join(', ')}`);
		const list = (await cluster.executionsOf(LOAD.id)).slice(0, AFTER_KILL_RUNS);
		const byId = await cluster.whereRan(list.map((e) => e.id));
		const elsewhere = list.filter((e) => e.status !== 'success' || (byId.get(String(e.id)) || [])[0] !== survivor.label);
		if (elsewhere.length) throw new Error(`not run successfully by ${survivor.label}: ${elsewhere.map((e) => `${e.id}=${e.status}@${byId.get(String(e.id))}`).join(', ')}`);
		row.executions += list.length;
		row.items += list.length * AFTER_KILL_ITEMS;
	});

	// n8n 1.123: Bull fails the job once its lock expires (stalled, QUEUE_WORKER_MAX_STALLED_COUNT=0),
	// and the process that enqueued it (the webhook process) records the execution as "error" with
	// MaxStalledCountError. "crashed" is what the main's queue recovery writes later for executions
	// whose enqueuing process is gone too (N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL, 180 min).
	// n8n 2.x (measured on 2.41): the same outcome (its Bull queue has maxStalledCount 0 built in),
	// later: before recording "error" the enqueuing process re-reads the execution for up to 30 s
	// (workflow-runner.js MAX_STALLED_COUNT_GRACE_WINDOW_MS) in case a worker did finish it.
	await results.check('queue: fault: n8n records the killed execution as failed (stalled job, not retried)', async () => {
		const summary = await waitFor(
			`execution ${victim.id} to leave "running"`,
			async () => {
				const found = (await cluster.executionsOf(FAULT.id)).find((e) => String(e.id) === victim.id);
				return found && !['new', 'running'].includes(found.status) ? found : undefined;
			},
			{ timeoutMs: 150000, intervalMs: 1000 },
		);
		const execution = await cluster.execution(victim.id);
		const error = execution.data && execution.data.resultData && execution.data.resultData.error;
		const message = (error && error.message) || '';
		log(`    execution ${victim.id} is "${summary.status}" ${formatDuration(Date.now() - started)} after submission: ${message.slice(0, 120)}`);
		if (summary.status !== 'error' || !/failed to be processed too many times/.test(message)) {
			throw new Error(`execution ${victim.id} is "${summary.status}" (${message || 'no error'}), expected "error" with n8n's MaxStalledCountError`);
		}
		row.executions += 1;
		row.items += FAULT_ITEMS;
		return summary;
	});

	await results.check('queue: fault: the killed execution was not run again, no unsubscribe sent twice', async () => {
		// With a stalled count of 0 the job is failed (the check above) and removed, so no worker
		// can run it again; with 1 it would have been run again before it could end.
		const rerun = Cluster.executionsInLog(survivor).started.has(victim.id);
		const dup = duplicates(sandbox, 'talkable', unsubscribes);
		row.duplicates = dup.twice.length;
		row.note = `${sentBeforeKill} unsubscribes sent before the kill, ${dup.total} in all`;
		if (rerun) throw new Error(`${survivor.label} ran execution ${victim.id} again`);
		if (dup.twice.length) throw new Error(`${dup.twice.length} unsubscribes sent twice, e.g. ${dup.twice.slice(0, 3).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
		if (dup.total > FAULT_ITEMS) throw new Error(`${dup.total} unsubscribe requests for ${FAULT_ITEMS} people`);
	});
	if (windowRuns) {
		await results.check(
			stalledCount === 0
				? 'queue: fault: the execution caught by the going-down worker fails as stalled (HTTP 500, MaxStalledCountError) and sent nothing; the others ran once on the other worker'
				: `queue: fault: every execution caught by the going-down worker is run once by the other worker (stalled count ${stalledCount})`,
			() => assertWindowRuns({ cluster, sandbox, survivor, windowRuns }),
		);
		row.note += `; ${windowRuns.filter((w) => w.caught).length} of ${windowRuns.length} executions enqueued while ${victim.worker.label} was going down were caught by it`;
	}
	sandbox.clearFaults();
	row.wall = Date.now() - started;
	row.maxConcurrency = (sandbox.stats().byVendor.talkable || {}).maxInFlight || 0;
}

/**
 * Executions enqueued while a worker is frozen (SIGSTOP) with its Redis connections open. Redis
 * hands jobs to the workers' pending BRPOPLPUSH in turn, so one of the first two goes to the
 * frozen worker. With a stalled count of 0 the webhook caller's answer tells which (HTTP 500 once
 * the job has failed as stalled), and runs go on until one is caught; with another count the
 * caught job is run later by the other worker (HTTP 200 either way), so two runs are made.
 */
async function windowPhase({ cluster, sandbox, results, survivor, frozen, stalledCount }) {
	const runs = [];
	const ok = await results.check(`queue: fault: executions enqueued while ${frozen.label} is frozen answer their webhook calls`, async () => {
		for (let attempt = 1; attempt <= WINDOW_TRIES; attempt += 1) {
			const people = emails(`window${attempt}`, WINDOW_ITEMS);
			seedPeople(sandbox, people);
			const known = new Set((await cluster.executionsOf(LOAD.id)).map((e) => String(e.id)));
			// The webhook answers when the execution has ended (last node), or failed.
			const response = await cluster.callWebhook('queue-load', { people: people.map((email) => ({ email })) });
			const summary = await waitFor(`the execution of window run ${attempt} to end`, async () => {
				const found = (await cluster.executionsOf(LOAD.id)).find((e) => !known.has(String(e.id)));
				return found && !['new', 'running', 'waiting'].includes(found.status) ? found : undefined;
			}, { timeoutMs: 120000 });
			const caught = response.status === 500;
			runs.push({ attempt, people, response, summary, caught });
			log(`    window run ${attempt}: execution ${summary.id} "${summary.status}", webhook HTTP ${response.status}`);
			if (stalledCount === 0 ? caught : attempt === 2) return true;
		}
		throw new Error(`none of ${WINDOW_TRIES} executions went to the frozen ${frozen.label} (HTTP ${runs.map((r) => r.response.status).join(', ')}): its pending BRPOPLPUSH may have run out`);
	});
	return ok ? runs : undefined;
}

/** What n8n promises for executions enqueued while a worker goes down (windowPhase). */
async function assertWindowRuns({ cluster, sandbox, survivor, windowRuns }) {
	const byId = await cluster.whereRan(windowRuns.filter((run) => !run.caught).map((run) => run.summary.id));
	for (const run of windowRuns) {
		const sent = new Map();
		for (const r of sandbox.requestsFor('talkable')) {
			const email = decodeURIComponent(r.path.split('/')[2] || '');
			if (run.people.includes(email)) sent.set(email, (sent.get(email) || 0) + 1);
		}
		const where = `window run ${run.attempt} (execution ${run.summary.id}, webhook HTTP ${run.response.status})`;
		if (run.caught) {
			const execution = await cluster.execution(run.summary.id);
			const message = (execution.data && execution.data.resultData.error && execution.data.resultData.error.message) || '';
			if (run.summary.status !== 'error' || !/failed to be processed too many times/.test(message)) {
				throw new Error(`${where}: "${run.summary.status}" (${message || 'no error'}), expected "error" with n8n's MaxStalledCountError`);
			}
			if (sent.size) throw new Error(`${where}: failed as stalled, yet ${sent.size} of its people reached the sandbox`);
			continue;
		}
		if (run.response.status !== 200 || run.summary.status !== 'success') throw new Error(`${where}: "${run.summary.status}"`);
		const ranOn = byId.get(String(run.summary.id)) || [];
		if (ranOn.length !== 1 || ranOn[0] !== survivor.label) throw new Error(`${where}: run by [${ranOn.join(', ')}], expected ${survivor.label} alone`);
		const wrong = run.people.filter((email) => sent.get(email) !== 1);
		if (wrong.length) throw new Error(`${where}: ${wrong.length} people were not looked up exactly once (${wrong.map((e) => `${e} ×${sent.get(e) || 0}`).join(', ')})`);
	}
}

function countBy(values) {
	const counts = {};
	for (const v of values) counts[v] = (counts[v] || 0) + 1;
	return Object.entries(counts)
		.sort()
		.map(([k, n]) => `${k} ${n}`)
		.join(', ');
}

function printTable(rows, runtime) {
	if (rows.length === 0) return;
	const header = ['phase', 'executions', 'items', 'wall time', 'max concurrency', 'duplicates', 'notes'];
	const cells = rows.map((r) => [r.phase, String(r.executions), String(r.items), r.wall ? formatDuration(r.wall) : '-', String(r.maxConcurrency), String(r.duplicates), r.note || '']);
	const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c) => `  ${c.map((v, i) => v.padEnd(widths[i])).join('  ')}`.trimEnd();
	console.log(`\nQueue mode, n8n ${runtime.version} (${WORKERS} workers × concurrency ${CONCURRENCY}, Max Concurrent Requests ${PER_RUN_CAP} per credential per worker):`);
	console.log(line(header));
	console.log(line(widths.map((w) => '-'.repeat(w))));
	for (const c of cells) console.log(line(c));
}

module.exports = { runQueueSuite, ensurePackages };
