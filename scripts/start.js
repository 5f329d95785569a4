#!/usr/bin/env node
'use strict';
/**
 * `npm start`: a local n8n with this package, the vendor sandbox and example workflows.
 *
 *   1. installs the pinned n8n line into .runtime/ (first run only, several minutes): n8n 2.x on
 *      its Node 24 (.runtime/n8n-2/, .runtime/node-24/) by default, n8n 1.x on this Node 20
 *      (.runtime/n8n-1/) with --n8n=1
 *   2. builds the package (npm run build) and packs it; installs the tarball into
 *      <home>/.n8n/nodes the way n8n installs community packages (<home>: .runtime/n8n-home-2
 *      for n8n 2.x, .runtime/n8n-home for n8n 1.x; one user folder per line, because n8n 2.x
 *      migrates a database that n8n 1.x then cannot open)
 *   3. imports sandbox credentials for every vendor present and the workflows in examples/
 *      (trimmed to the nodes that are built), with fixed IDs so re-runs update them
 *   4. starts the vendor sandbox (sandbox/cli.js, port 5679) and n8n (port 5678, 127.0.0.1)
 *   5. creates the owner account on first run (kept in <home>/owner.json) and prints
 *      the editor URL and login; Ctrl-C / SIGTERM stops everything
 *
 * Options: --n8n=2|1 (the n8n line, default 2) --port=5678 --sandbox-port=5679 --load=package|custom (custom = N8N_CUSTOM_EXTENSIONS
 * pointing at dist/, node types CUSTOM.<name>; chosen automatically while package.json lists
 * files the build has not produced). Logs: .runtime/logs/start-*.log.
 */
const fs = require('node:fs');
const path = require('node:path');
const { request } = require('undici');

const { ROOT, RUNTIME_DIR, LOG_DIR, Timer, log, ensureDir, readJson, writeJson, startBackground, waitFor, portIsFree } = require('./lib/util');
const { n8n1, n8n2 } = require('./lib/runtimes');
const pkg = require('./lib/package');
const { N8n, randomPassword } = require('./lib/n8n');
const { presentExamples } = require('./lib/workflows');
const { TALKABLE_WEBHOOK_KEY, TALKBOX_WEBHOOK_TOKEN } = require('../sandbox/triggers');

/** The n8n lines `--n8n=` chooses from, and the user folder each one keeps. */
const LINES = {
	2: { runtime: n8n2, home: 'n8n-home-2' },
	1: { runtime: n8n1, home: 'n8n-home' },
};

function parseArgs(argv) {
	const options = { line: LINES[2], port: 5678, sandboxPort: 5679, brokerPort: 5681, load: undefined };
	for (const arg of argv) {
		const [key, value] = arg.replace(/^--/, '').split('=');
		if (key === 'n8n' && Object.hasOwn(LINES, value)) options.line = LINES[value];
		else if (key === 'port') options.port = Number(value);
		else if (key === 'sandbox-port') options.sandboxPort = Number(value);
		else if (key === 'broker-port') options.brokerPort = Number(value);
		else if (key === 'load' && ['package', 'custom'].includes(value)) options.load = value;
		else throw new Error(`unknown option ${arg} (known: --n8n=2|1, --port=, --sandbox-port=, --broker-port=, --load=package|custom)`);
	}
	return options;
}

function loadOwner(home) {
	const file = path.join(home, 'owner.json');
	if (fs.existsSync(file)) return readJson(file);
	const owner = { email: 'owner@example.com', password: randomPassword(), firstName: 'Local', lastName: 'Owner' };
	writeJson(file, owner);
	fs.chmodSync(file, 0o600);
	return owner;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const timer = new Timer();
	const { runtime } = options.line;
	const home = ensureDir(path.join(RUNTIME_DIR, options.line.home));
	const sandboxOrigin = `http://127.0.0.1:${options.sandboxPort}`;

	for (const [what, port] of [
		['n8n', options.port],
		['the vendor sandbox', options.sandboxPort],
		["n8n's task-runner broker", options.brokerPort],
	]) {
		if (!(await portIsFree(port))) {
			throw new Error(`port ${port} (for ${what}) is already in use on 127.0.0.1: is another "npm start" running?`);
		}
	}

	await timer.phase(`n8n ${runtime.version}`, async () => {
		if (!(await runtime.ensure())) log(`n8n ${runtime.version} already installed in ${path.relative(ROOT, runtime.dir)}`);
	});
	let tarball;
	await timer.phase('build package', async () => {
		await pkg.build(path.join(ensureDir(LOG_DIR), 'start-build.log'));
		tarball = await pkg.pack(path.join(LOG_DIR, 'start-build.log'));
	});
	const discovered = pkg.discover();
	const load = pkg.chooseLoad(discovered, options.load, log);
	const vendors = discovered.vendors.filter((v) => v.hasSandbox);
	const presentNodes = vendors.filter((v) => v.hasNode).map((v) => v.node);
	log(`vendors: ${vendors.map((v) => v.vendor).join(', ') || 'none'}`);

	const owner = loadOwner(home);
	const n8n = new N8n({
		runtime,
		home,
		port: options.port,
		brokerPort: options.brokerPort,
		owner,
		logName: 'start-n8n',
		load,
	});

	/** Examples that start from one of our triggers: activated once n8n runs. */
	let activeExamples = [];
	await timer.phase('install package + import credentials and examples', async () => {
		const installed = path.join(home, '.n8n', 'nodes', 'node_modules', pkg.PACKAGE);
		fs.rmSync(installed, { recursive: true, force: true });
		if (load === 'package') await n8n.installPackage(tarball);
		const credentials = vendors.filter((v) => v.hasCredential).map((v) => pkg.sandboxCredential(v, sandboxOrigin));
		// The Talkable Trigger verifies webhooks with the site's key: the sandbox signs with this one.
		for (const credential of credentials) {
			if (credential.type === 'talkableApi') credential.data.webhookKey = TALKABLE_WEBHOOK_KEY;
			// The TalkBox Instant Trigger checks the URL's ?token= against this one.
			if (credential.type === 'talkBoxApi') credential.data.webhookToken = TALKBOX_WEBHOOK_TOKEN;
		}
		if (credentials.length) await n8n.importCredentials(credentials);
		activeExamples = presentExamples(Object.keys(discovered.nodes), log, { triggered: true }).map(({ workflow }) => workflow);
		const examples = [...presentExamples(presentNodes, log).map(({ workflow }) => workflow), ...activeExamples];
		if (examples.length) await n8n.importWorkflows(examples);
		log(`imported ${credentials.length} sandbox credential(s) and ${examples.length} example workflow(s): ${examples.map((w) => w.name).join(', ')}`);
	});

	const sandbox = startBackground(process.execPath, [path.join(ROOT, 'sandbox', 'cli.js'), '--port', String(options.sandboxPort)], {
		logFile: path.join(LOG_DIR, 'start-sandbox.log'),
		prefix: '',
	});
	let stopping = false;
	const stopAll = async (code) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the sandbox …');
		await Promise.all([n8n.stop(), sandbox.stop()]);
		log('stopped');
		process.exit(code);
	};
	process.on('SIGINT', () => stopAll(0));
	process.on('SIGTERM', () => stopAll(0));

	try {
		await timer.phase('start sandbox', () =>
			waitFor(
				`the sandbox on ${sandboxOrigin}`,
				async () => {
					const response = await request(`${sandboxOrigin}/`);
					await response.body.dump();
					return true;
				},
				{ timeoutMs: 30000, abort: () => (sandbox.isAlive() ? undefined : `sandbox exited: ${sandbox.output()}`) },
			),
		);
		await timer.phase('start n8n', () => n8n.start());
		await timer.phase('owner account', async () => {
			if (await n8n.ensureOwner()) log(`created the owner account ${owner.email}`);
			try {
				await n8n.login();
			} catch (error) {
				log(`NOTE: could not log in as ${owner.email} with the password in ${path.join(home, 'owner.json')}: ${error.message.split('\n')[0]}`);
				log(`      (changed in the UI? Update owner.json, or delete ${path.relative(ROOT, home)} to start over.)`);
			}
		});
		await timer.phase('check node types', async () => {
			const types = await n8n.get('/types/nodes.json');
			const names = new Set((Array.isArray(types.body) ? types.body : []).map((type) => type.name));
			const expected = Object.keys(discovered.nodes).map((name) => n8n.nodeType(name));
			const missing = expected.filter((type) => !names.has(type));
			if (missing.length) log(`NOTE: n8n did not load ${missing.join(', ')} (GET /types/nodes.json: HTTP ${types.status}); see ${n8n.logFile}`);
			else log(`n8n loaded all ${expected.length} node types of the package`);
		});
		await timer.phase('activate trigger examples', async () => {
			for (const workflow of activeExamples) {
				try {
					await n8n.activateWorkflow(workflow.id);
					log(`activated "${workflow.name}"`);
				} catch (error) {
					log(`NOTE: could not activate "${workflow.name}": ${error.message.split('\n')[0]}`);
				}
			}
		});
	} catch (error) {
		log(`ERROR: ${error.message}`);
		log(`n8n log: ${n8n.logFile}`);
		await stopAll(1);
		return;
	}

	console.log(`\n${timer.summary()}\n`);
	console.log(`n8n ${runtime.version} is running with n8n-nodes-engagement and the vendor sandbox:`);
	console.log(`  Editor:    ${n8n.baseUrl}/`);
	console.log(`  Email:     ${owner.email}`);
	console.log(`  Password:  ${owner.password}`);
	console.log(`  Sandbox:   ${sandboxOrigin} (credentials "<Vendor> sandbox" point here)`);
	console.log(`  n8n log:   ${n8n.logFile}`);
	printTriggerHelp(activeExamples, n8n.baseUrl, sandboxOrigin);
	console.log('Press Ctrl-C to stop.\n');

	const exited = await Promise.race([
		n8n.server.exited.then((r) => ({ who: 'n8n', ...r })),
		sandbox.exited.then((r) => ({ who: 'sandbox', ...r })),
	]);
	if (!stopping) {
		log(`${exited.who} exited unexpectedly (code ${exited.code}, signal ${exited.signal}); see ${exited.who === 'n8n' ? n8n.logFile : path.join(LOG_DIR, 'start-sandbox.log')}`);
		await stopAll(1);
	}
}

/** How to fire a sandbox event at the active trigger examples (curl to the sandbox's admin routes). */
function printTriggerHelp(workflows, baseUrl, sandboxOrigin) {
	if (workflows.length === 0) return;
	const post = (route, body) => `  curl -s -X POST ${sandboxOrigin}${route} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
	console.log('Active trigger examples (fire a sandbox event at them, then look at Executions):');
	for (const workflow of workflows) {
		const talkable = workflow.nodes.find((node) => node.type.endsWith('.talkableTrigger'));
		const personaClick = workflow.nodes.find((node) => node.type.endsWith('.personaClickTrigger'));
		console.log(`  "${workflow.name}"`);
		if (talkable) {
			const url = `${baseUrl}/webhook/${talkable.webhookId}/webhook`;
			console.log('    a signed Talkable reward (add "forge":"signature" for a forged one → 401):');
			console.log(`  ${post('/_sandbox/talkable/webhook', { url, payload: { site_id: '1', email: 'advocate@example.com', amount: '10.0', reason: 'referrer' } })}`);
		}
		if (personaClick) {
			console.log('    a PersonaClick unsubscribe (the trigger polls every minute):');
			console.log(`  ${post('/_sandbox/personaclick/unsubscribe', { email: 'customer@example.com' })}`);
		}
	}
	console.log('  TalkBox Instant Trigger (add one to a workflow and activate it): make the sandbox\'s TalkBox post contacts');
	console.log('  changed through its API to the trigger\'s Production URL (the sandbox credential\'s Webhook Token is in it):');
	console.log(`  ${post('/_sandbox/talkbox/webhook', { url: `<Production URL>?token=${TALKBOX_WEBHOOK_TOKEN}`, methods: ['API'] })}`);
	console.log(`  (all sandbox admin routes: curl ${sandboxOrigin}/_sandbox)\n`);
}

main().catch((error) => {
	console.error(error.message || error);
	process.exit(1);
});
