#!/usr/bin/env node
'use strict';
/**
 * `npm run test:e2e`: this package in real n8n.
 *
 *   1. installs (first run only, cached in .runtime/): n8n 1.x, Node 24 + n8n 2.x, Debian Chromium
 *   2. builds and packs the package; starts the vendor sandbox in-process on a loopback port
 *   3. per runtime (n8n 1.x on Node 20, n8n 2.x on Node 24), in a fresh n8n user folder:
 *      installs the tarball as a community package, `n8n import:credentials` (sandbox
 *      credentials of every vendor present), `n8n import:workflow` (test/e2e/checks.js workflows
 *      and examples/), `n8n execute --id=… --rawOutput` of each with assertions; then
 *      `n8n start`, owner + login, node types loaded, `POST /rest/credentials/test` for every
 *      credential (sandbox data passes, a wrong secret fails), and the browser suite
 *      (test/e2e/browser.js, Debian Chromium through playwright-core). Before n8n 2.x's suite,
 *      the engine-level count tests run on n8n 2.x's engine (test/engine-2/jest.config.js).
 *
 * Options: --runtime=n8n-1|n8n-2 (repeatable; default both); --no-browser; --browser-on=n8n-1,n8n-2
 * (runtimes that get the browser suite; default both); --load=package|custom (default package:
 * the packed tarball installed as a community package; custom: N8N_CUSTOM_EXTENSIONS=dist, used
 * automatically while package.json lists files the build has not produced). E2E_DEBUG=1 logs
 * the browser suite's steps. --queue: only the queue-mode suite (scripts/e2e-queue.js: PostgreSQL,
 * Redis, n8n main + webhook + 2 workers), on each line given by --runtime (default both, n8n 1.x
 * then 2.x: `--queue --runtime=n8n-2` runs it on 2.x alone); it also runs on both lines after the
 * runtime suites when no --runtime is given (--no-queue skips it). After each line's suite, each
 * single-vendor package (npm run pack:all) is installed alone in its own n8n home on that line
 * (test/e2e/packages.js; --no-packages skips it, --packages-only runs only that). Prints phase
 * timings and a last line "N passed, N failed"; exits
 * non-zero on any failure. Logs: .runtime/logs/; screenshots: test-artifacts/.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, RUNTIME_DIR, Timer, log, ensureDir, formatDuration, failureContext, run } = require('./lib/util');
const runtimes = require('./lib/runtimes');
const pkg = require('./lib/package');
const { N8n, E2E_OWNER, nodeOutput, nodeError } = require('./lib/n8n');
const { presentExamples, ourNodes } = require('./lib/workflows');
const { startSandbox } = require('../sandbox');
const { VENDOR_CHECKS, EXAMPLE_CHECKS } = require('../test/e2e/checks');
const secrets = require('../test/e2e/secrets');
const { packAll } = require('./lib/packages');
const { vendorPackageSuite } = require('../test/e2e/packages');

const ARTIFACTS = path.join(ROOT, 'test-artifacts');

function parseArgs(argv) {
	const options = { runtimes: [], browser: true, browserOn: ['n8n-1', 'n8n-2'], packages: true };
	for (const arg of argv) {
		const [key, value] = arg.replace(/^--/, '').split('=');
		if (key === 'runtime') options.runtimes.push(...value.split(','));
		else if (key === 'no-browser') options.browser = false;
		else if (key === 'packages' || key === 'no-packages') options.packages = key === 'packages';
		else if (key === 'packages-only') options.packages = 'only';
		else if (key === 'browser-on') options.browserOn = value.split(',');
		else if (key === 'load' && ['package', 'custom'].includes(value)) options.load = value;
		else if (key === 'queue' || key === 'no-queue') options.queue = key === 'queue' ? 'only' : false;
		else throw new Error(`unknown option ${arg}`);
	}
	if (options.queue === undefined) options.queue = options.runtimes.length === 0 && options.packages !== 'only' ? 'after' : false;
	if (options.packages === 'only') options.browser = false;
	if (options.queue === 'only') options.browser = false;
	if (options.runtimes.length === 0) options.runtimes = ['n8n-1', 'n8n-2'];
	return options;
}

class Results {
	constructor() {
		this.passed = 0;
		this.failed = 0;
		this.failures = [];
		/** What a failing check prints besides its error (see within()). */
		this.contexts = [];
	}

	/**
	 * While `fn` runs, a failing check also prints `failureContext(where)`: the last lines of those
	 * n8n logs and the last requests those sandboxes got (scripts/lib/util.js).
	 */
	async within(where, fn) {
		this.contexts.push(where);
		try {
			return await fn();
		} finally {
			this.contexts.pop();
		}
	}

	async check(name, fn) {
		const started = Date.now();
		const took = () => `(${formatDuration(Date.now() - started)})`;
		try {
			const value = await fn();
			this.passed += 1;
			log(`  PASS ${name} ${took()}`);
			return value;
		} catch (error) {
			this.failed += 1;
			// The whole message (a browser check's ends with its screenshot), then where it was thrown.
			const frames = error && error.stack ? error.stack.split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 3) : [];
			const message = [error && error.message !== undefined ? error.message : String(error), ...frames].join('\n');
			this.failures.push({ name, message });
			const where = this.contexts.at(-1);
			const context = where ? `\n${failureContext(where)}` : '';
			log(`  FAIL ${name} ${took()}\n${`${message}${context}`.replace(/^/gm, '       ')}`);
			return undefined;
		}
	}

	fail(name, message) {
		this.failed += 1;
		this.failures.push({ name, message });
		log(`  FAIL ${name}: ${message}`);
	}
}

/** Everything a runtime suite needs to know about this build. */
function plan(discovered, sandbox, results) {
	const { vendors } = discovered;
	const testable = vendors.filter((v) => v.hasSandbox);
	for (const v of vendors.filter((row) => !row.hasSandbox)) {
		results.fail(`${v.vendor}: sandbox`, `sandbox/vendors/${v.sandbox}.js is missing, so ${v.vendor} cannot be exercised`);
	}
	for (const file of discovered.missingFiles) {
		results.fail(`package.json n8n section`, `lists ${file}, which the build did not produce`);
	}
	for (const name of discovered.unknownNodes) {
		results.fail(`node ${name}`, 'not in the VENDORS table of scripts/lib/package.js');
	}
	const credentials = testable.filter((v) => v.hasCredential).map((v) => pkg.sandboxCredential(v, sandbox.origin));
	const presentNodes = testable.filter((v) => v.hasNode).map((v) => v.node);

	const checks = [];
	for (const node of presentNodes) {
		const entry = VENDOR_CHECKS[node];
		if (!entry || !entry.workflows || entry.workflows.length === 0) {
			results.fail(`${node}: e2e checks`, `node ${node} is built but test/e2e/checks.js has no workflows for it`);
			continue;
		}
		for (const { workflow, assert } of entry.workflows) {
			checks.push({ name: workflow.name, workflow, assert });
		}
	}
	const examples = presentExamples(presentNodes, log);
	for (const { file, workflow: trimmed } of examples) {
		const vendorsInWorkflow = testable.filter((v) => ourNodes(trimmed).some((n) => n.type === pkg.nodeType(v.node)));
		checks.push({
			name: `example "${trimmed.name}" (${file})`,
			workflow: trimmed,
			assert: ({ output, error, sandbox: sb }) => {
				for (const node of ourNodes(trimmed)) {
					const err = error(node.name);
					if (err) throw new Error(`${node.name} failed: ${err.message}`);
					const items = output(node.name);
					if (!items || items.length === 0) throw new Error(`${node.name} produced no output`);
				}
				if (EXAMPLE_CHECKS[file]) EXAMPLE_CHECKS[file]({ sandbox: sb, vendorsInWorkflow, output, error });
			},
		});
	}
	return { testable, credentials, presentNodes, checks, examples: examples.map((e) => e.workflow) };
}

async function runtimeSuite({ runtime, tarball, sandbox, planned, discovered, results, timer, options }) {
	const label = runtime.name;
	const home = path.join(RUNTIME_DIR, 'e2e', `${label}-home`);
	fs.rmSync(home, { recursive: true, force: true });
	ensureDir(home);
	const n8n = await N8n.onFreePorts({
		runtime,
		home,
		owner: E2E_OWNER,
		logName: `e2e-${label}`,
		load: options.load,
	});
	log(`${label}: n8n ${runtime.version} at ${n8n.baseUrl}, package loaded as ${options.load} (log: ${n8n.logFile})`);
	const logFrom = secrets.fileSize(n8n.logFile);
	try {
		await results.within({ logs: [n8n.logFile], sandboxes: [sandbox] }, () =>
			runtimeChecks({ tarball, sandbox, planned, discovered, results, timer, options, n8n, label }),
		);
	} finally {
		const logs = [{ file: n8n.logFile, from: logFrom }];
		await secrets.checkLogs({ results, name: label, logs, credentials: planned.credentials, discovered });
	}
}

/**
 * n8n 2.x's engine (its n8n-core and n8n-workflow from .runtime/n8n-2, on its Node): the
 * engine-level counts of test/shared/speed-counts.test.ts (one evaluation per parameter per item, one
 * decryption per run, the runner's requests equal RoutingNode's) and test/shared/builder-hint.test.ts
 * (the hints' shape against n8n 2.x's IBuilderHint; n8n 2.x's loader takes the package).
 * `npm test` runs the same files on the repository's engine, which is n8n 1.x's.
 */
async function engineCounts({ runtime, results, timer }) {
	if (runtime.name !== 'n8n-2') return;
	const logFile = path.join(ensureDir(path.join(RUNTIME_DIR, 'logs')), 'e2e-engine-2-jest.log');
	const report = path.join(ARTIFACTS, 'jest-engine-2.json');
	await results.check('n8n-2: engine-level counts and builderHint shape (test/shared/speed-counts.test.ts, test/shared/builder-hint.test.ts on n8n 2.x\'s n8n-core)', () =>
		timer.phase('n8n-2 engine counts', async () => {
			const jest = require.resolve('jest/bin/jest');
			const config = path.join(ROOT, 'test', 'engine-2', 'jest.config.js');
			await run(runtimes.node24.bin, [jest, '--runInBand', '-c', config, '--json', `--outputFile=${report}`], { logFile, allowFailure: true });
			const { numPassedTests, numFailedTests, numPendingTests, numTotalTests } = JSON.parse(fs.readFileSync(report, 'utf8'));
			// Nothing may be skipped here: the n8n 2.x install the skipped shape test waits for is present.
			if (numFailedTests > 0 || numPendingTests > 0 || numTotalTests === 0) {
				throw new Error(`${numFailedTests} failed and ${numPendingTests} skipped of ${numTotalTests} (log: ${logFile})`);
			}
			log(`n8n-2 engine: ${numPassedTests} of ${numTotalTests} tests passed`);
		}),
	);
}

/** One runtime's checks in order: install, import, execute, agent, REST, triggers, browser. */
async function runtimeChecks({ tarball, sandbox, planned, discovered, results, timer, options, n8n, label }) {
	if (options.load === 'package') {
		const installed = await results.check(`${label}: install package tarball`, () =>
			timer.phase(`${label}: install package`, () => n8n.installPackage(tarball)).then(() => true),
		);
		if (!installed) return;
	}

	const imported = await timer.phase(`${label}: import credentials + workflows`, async () => {
		const ok1 = await results.check(`${label}: n8n import:credentials (${planned.credentials.length})`, () =>
			n8n.importCredentials(planned.credentials).then(() => true),
		);
		const ok2 = await results.check(`${label}: n8n import:workflow (${planned.checks.length})`, () =>
			n8n.importWorkflows(planned.checks.map((c) => c.workflow)).then(() => true),
		);
		return ok1 && ok2;
	});

	if (imported) {
		await timer.phase(`${label}: n8n execute (${planned.checks.length} workflows)`, async () => {
			for (const check of planned.checks) {
				await results.check(`${label}: ${check.name}`, async () => {
					sandbox.reset();
					const result = await n8n.execute(check.workflow.id);
					if (!result.run) {
						const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
						throw new Error(`no run data from n8n execute (exit ${result.code}):\n${tail}`);
					}
					const output = (name) => {
						const items = nodeOutput(result.run, name);
						if (items === undefined) throw new Error(`node "${name}" did not run`);
						return items;
					};
					const error = (name) => nodeError(result.run, name);
					const runError = result.run.data.resultData.error;
					if (runError) throw new Error(`workflow failed: ${runError.message}`);
					await check.assert({ output, error, sandbox });
				});
			}
		});
	}

	if (imported && planned.presentNodes.includes('talkable')) {
		const { runAgentChecks } = require('../test/e2e/agent');
		await timer.phase(`${label}: AI Agent tool`, () => runAgentChecks({ n8n, sandbox, results, label }));
	}

	const started = await results.check(`${label}: n8n start, owner, login`, () =>
		timer.phase(`${label}: n8n start + login`, async () => {
			// Debug level: the credential-secret check scans everything n8n logs.
			await n8n.start({ logLevel: 'debug' });
			await n8n.ensureOwner();
			await n8n.login();
			return true;
		}),
	);
	try {
		if (!started) return;
		await timer.phase(`${label}: REST checks`, async () => {
			await results.check(`${label}: every node and credential of the package is loaded`, async () => {
				const types = await n8n.get('/types/nodes.json');
				const names = new Set((Array.isArray(types.body) ? types.body : []).map((t) => t.name));
				const missing = planned.presentNodes.map((name) => n8n.nodeType(name)).filter((t) => !names.has(t));
				if (missing.length) throw new Error(`n8n did not load: ${missing.join(', ')} (HTTP ${types.status})`);
				const creds = await n8n.get('/types/credentials.json');
				const credNames = new Set((Array.isArray(creds.body) ? creds.body : []).map((t) => t.name));
				const missingCreds = Object.keys(discovered.credentials).filter((t) => !credNames.has(t));
				if (missingCreds.length) throw new Error(`n8n did not load credentials: ${missingCreds.join(', ')}`);
			});
			if (n8n.runtime.major >= 2) {
				await results.check(`${label}: every node's builderHint reaches n8n's node types (the AI Workflow Builder reads them there)`, async () => {
					const types = await n8n.get('/types/nodes.json');
					const byName = new Map((Array.isArray(types.body) ? types.body : []).map((t) => [t.name, t]));
					const without = Object.keys(discovered.nodes).filter((name) => {
						const hint = byName.get(n8n.nodeType(name))?.builderHint;
						return !(hint && typeof hint.searchHint === 'string' && hint.searchHint.length > 40);
					});
					if (without.length) throw new Error(`no builderHint.searchHint in /types/nodes.json for: ${without.join(', ')}`);
				});
			}
			for (const credential of planned.credentials) {
				const { credential: instance } = discovered.credentials[credential.type];
				await results.check(`${label}: ${credential.type} test passes with sandbox credentials`, async () => {
					const answer = await n8n.testCredential(credential);
					if (!answer || answer.status !== 'OK') throw new Error(`expected OK, got ${JSON.stringify(answer)}`);
				});
				await results.check(`${label}: ${credential.type} test fails with a wrong secret`, async () => {
					const wrong = pkg.withWrongSecrets(instance, credential.data);
					if (wrong.fields.length === 0) throw new Error('the credential has no password-type field to get wrong');
					const answer = await n8n.testCredential(credential, wrong.data);
					if (!answer || answer.status !== 'Error') throw new Error(`expected Error, got ${JSON.stringify(answer)}`);
				});
			}
			await secrets.runCredentialSecretChecks({ n8n, sandbox, results, label, planned, discovered });
		});
		await timer.phase(`${label}: triggers`, () => require('../test/e2e/triggers').runTriggerChecks({ n8n, sandbox, results, label }));
		if (options.browser && options.browserOn.includes(label)) {
			await timer.phase(`${label}: browser suite`, async () => {
				const { runBrowserSuite } = require('../test/e2e/browser');
				await runBrowserSuite({ n8n, label, planned, discovered, results, artifactsDir: ARTIFACTS });
			});
		}
	} finally {
		await timer.phase(`${label}: n8n stop`, () => n8n.stop());
	}
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const timer = new Timer();
	const results = new Results();
	const selected = options.runtimes.map((name) => {
		const runtime = { 'n8n-1': runtimes.n8n1, 'n8n-2': runtimes.n8n2 }[name];
		if (!runtime) throw new Error(`unknown runtime ${name} (use n8n-1 or n8n-2)`);
		return runtime;
	});
	ensureDir(ARTIFACTS);

	// Installs run side by side (mostly network-bound); the build runs meanwhile.
	const installs = [
		...selected.map((runtime) => ({ name: `install ${runtime.name} (n8n ${runtime.version})`, fn: () => runtime.ensure() })),
		...(options.browser ? [{ name: 'install chromium (apt)', fn: () => runtimes.ensureChromium() }] : []),
		...(options.queue ? [{ name: 'install redis + postgresql (apt)', fn: () => require('./e2e-queue').ensurePackages() }] : []),
	];
	const installState = {};
	const installing = Promise.all(
		installs.map(async ({ name, fn }) => {
			try {
				await timer.phase(name, fn);
				installState[name] = true;
			} catch (error) {
				installState[name] = false;
				results.fail(name, error.message);
			}
		}),
	);
	let tarball;
	let vendorPackages = [];
	await results.check('npm run build + npm run pack:all (five packages)', () =>
		timer.phase('build + pack packages', async () => {
			await pkg.build();
			const [allInOne, ...single] = await packAll();
			tarball = allInOne.tarball;
			vendorPackages = single;
		}),
	);
	await installing;

	if (tarball) {
		const discovered = pkg.discover();
		log(
			`built nodes: ${Object.keys(discovered.nodes).join(', ') || 'none'}; credentials: ${Object.keys(discovered.credentials).join(', ') || 'none'}; sandboxes: ${discovered.sandboxes.join(', ') || 'none'}`,
		);
		const sandbox = await startSandbox({ port: 0 });
		log(`vendor sandbox on ${sandbox.origin}`);
		try {
			const planned = plan(discovered, sandbox, results);
			options.load = pkg.chooseLoad(discovered, options.load, log);
			if (planned.presentNodes.length === 0) results.fail('package', 'the build provides no node with a sandbox');
			for (const runtime of options.queue === 'only' ? [] : selected) {
				const installName = installs.find((i) => i.name.startsWith(`install ${runtime.name}`)).name;
				if (!installState[installName]) continue;
				if (options.browser && !installState['install chromium (apt)']) options.browserOn = [];
				if (options.packages !== 'only') {
					await engineCounts({ runtime, results, timer });
					await runtimeSuite({ runtime, tarball, sandbox, planned, discovered, results, timer, options });
				}
				// Each single-vendor package alone, in its own n8n home on this line.
				for (const vendorPackage of options.packages ? vendorPackages : []) {
					await vendorPackageSuite({ runtime, vendorPackage, sandbox, results, timer });
				}
			}
			// Queue mode on each selected line in turn (one cluster at a time: two would share 2 cores).
			for (const runtime of options.queue && installState['install redis + postgresql (apt)'] ? selected : []) {
				if (!installState[installs.find((i) => i.name.startsWith(`install ${runtime.name}`)).name]) continue;
				const { runQueueSuite } = require('./e2e-queue');
				await runQueueSuite({ tarball, discovered, load: options.load, results, timer, runtime });
			}
		} finally {
			await sandbox.close();
		}
	}

	console.log('');
	console.log(timer.summary());
	if (results.failures.length) {
		console.log('\nFailures:');
		for (const failure of results.failures) console.log(`  - ${failure.name}: ${failure.message.split('\n')[0]}`);
	}
	console.log(`\n${results.passed} passed, ${results.failed} failed`);
	process.exitCode = results.failed > 0 ? 1 : 0;
}

main().catch((error) => {
	console.error(error);
	console.log('\n0 passed, 1 failed');
	process.exitCode = 1;
});
