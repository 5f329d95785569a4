'use strict';
/**
 * The bench inside real, running n8n (issue 23), per n8n line: the package built from the
 * current tree and packed, installed as a community package the way `npm start` installs it, the
 * vendor sandbox in this process on a loopback port, a fresh n8n user folder under
 * .runtime/bench/<run>/ each run.
 *
 *   single instance (SQLite, `n8n start`):
 *     A  executionTime of the node under test, 1,000 items, one GET each (bench/real-workflows.js):
 *        median of BENCH_ROUNDS after a warm-up, read from the stored executions; the contenders
 *        take turns (one call each per round), so a drift of the machine falls on all alike
 *     B  throughput of webhook → one GET → answer, ours against the HTTP Request node (autocannon):
 *        BENCH_THROUGHPUT_ROUNDS rounds of BENCH_SECONDS each, alternated (A B, B A, …)
 *   queue mode (PostgreSQL + Redis, main + webhook process + 2 workers, scripts/lib/queue.js):
 *     B  again, the webhooks sent to the webhook process
 *
 * Environment: BENCH_ITEMS (1000), BENCH_ROUNDS (7), BENCH_SECONDS (10), BENCH_THROUGHPUT_ROUNDS (4), BENCH_CONNECTIONS (10),
 * BENCH_WARMUP_SECONDS (3), BENCH_WORKER_CONCURRENCY (10, n8n's default), BENCH_QUEUE=0 (skip
 * queue mode). Every process started here is stopped at the end, on failure and on Ctrl-C.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { RUNTIME_DIR, log, ensureDir, formatDuration } = require('../scripts/lib/util');
const runtimes = require('../scripts/lib/runtimes');
const pkg = require('../scripts/lib/package');
const { N8n } = require('../scripts/lib/n8n');
const queue = require('../scripts/lib/queue');
const { startSandbox } = require('../sandbox');
const wf = require('./real-workflows');
const { executionTimesInterleaved, warmUp, throughputAlternated } = require('./real-measure');

const env = (name, fallback) => Number(process.env[name] || fallback);
const SETTINGS = {
	items: env('BENCH_ITEMS', 1000),
	rounds: Math.max(1, env('BENCH_ROUNDS', 7)),
	seconds: env('BENCH_SECONDS', 10),
	throughputRounds: Math.max(1, env('BENCH_THROUGHPUT_ROUNDS', 4)),
	connections: env('BENCH_CONNECTIONS', 10),
	warmupSeconds: env('BENCH_WARMUP_SECONDS', 3),
	queueWorkers: 2,
	workerConcurrency: env('BENCH_WORKER_CONCURRENCY', 10),
	queue: process.env.BENCH_QUEUE !== '0',
	/** Set for part A's single instance (n8n's defaults too, made explicit: every execution is read back). */
	executionSaving: 'EXECUTIONS_DATA_SAVE_ON_SUCCESS=all, EXECUTIONS_DATA_SAVE_ON_ERROR=all (n8n defaults); queue mode: the same via scripts/lib/queue.js',
};
const RUNTIMES = { 'n8n-1': runtimes.n8n1, 'n8n-2': runtimes.n8n2 };
const OWNER = { email: 'bench-owner@example.com', password: 'BenchOwner-Passw0rd', firstName: 'Bench', lastName: 'Owner' };

/**
 * This process's children still running (Linux /proc), sent `signal`: a CLI run (n8n import,
 * npm install) is not registered anywhere, and Ctrl-C sent to this process alone would leave it.
 */
function signalChildren(signal) {
	let entries = [];
	try {
		entries = fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
	} catch {
		return;
	}
	for (const pid of entries) {
		try {
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid) process.kill(Number(pid), signal);
		} catch {
			/* gone meanwhile */
		}
	}
}

/** Single-instance n8n processes started here: stopped by stopSingles(), killed on exit. */
const singles = new Set();
process.on('exit', () => {
	for (const n8n of singles) if (n8n.server) queue.killGroup(n8n.server.child.pid);
	signalChildren('SIGKILL');
});
async function stopSingles() {
	await Promise.all([...singles].map((n8n) => n8n.stop().catch(() => {})));
	singles.clear();
}

function nodeVersion(runtime) {
	const result = spawnSync(runtime.nodeBinary, ['--version'], { encoding: 'utf8' });
	return (result.stdout || '').trim() || 'unknown';
}

function machine() {
	const cpus = os.cpus();
	return {
		cpus: cpus.length,
		cpuModel: (cpus[0] && cpus[0].model.trim()) || 'unknown',
		ramGiB: Math.round(os.totalmem() / 2 ** 30),
		os: `${os.type()} ${os.release()} (${os.arch()})`,
		benchNode: process.version,
	};
}

/** The 1-minute load average (others' work on a shared machine shows here), two decimals. */
const loadAverage = () => Math.round(os.loadavg()[0] * 100) / 100;

/** One case, its failure recorded (and logged) instead of ending the line. */
async function attempt(label, fn) {
	const started = Date.now();
	try {
		const value = await fn();
		log(`    ${label}: done (${formatDuration(Date.now() - started)})`);
		return value;
	} catch (error) {
		log(`    ${label}: FAILED: ${error.message.split('\n').slice(0, 6).join('\n      ')}`);
		return { error: error.message.split('\n')[0] };
	}
}

/** Part B on one deployment: every workflow warmed up first, then all measured, alternated. */
async function throughputCases({ mode, rest, webhookBase, workflows, sandbox, result }) {
	const ready = [];
	for (const w of workflows.b) {
		const warm = await attempt(`B ${mode} warm-up ${w.label}`, () => warmUp({ webhookBase, workflow: w, ...SETTINGS }));
		if (warm && warm.error) result.throughput.push({ mode, key: w.key, label: w.label, error: warm.error });
		else ready.push(w);
	}
	if (ready.length === 0) return;
	const measured = await attempt(`B ${mode}: ${ready.map((w) => w.label).join(' / ')}, ${SETTINGS.throughputRounds} rounds of ${SETTINGS.seconds} s, alternated`, () =>
		throughputAlternated({ rest, webhookBase, workflows: ready, ...SETTINGS, rounds: SETTINGS.throughputRounds }),
	);
	for (const w of ready) {
		result.throughput.push({ mode, key: w.key, label: w.label, ...(measured.error ? measured : measured.get(w.key)) });
	}
	sandbox.clearRequests();
}

async function singleInstance({ runtime, runDir, tarball, sandbox, workflows, credentials, result }) {
	const home = ensureDir(path.join(runDir, `${runtime.name}-single`));
	const n8n = await N8n.onFreePorts({
		runtime,
		home,
		owner: OWNER,
		logName: `bench-${runtime.name}-single`,
		load: 'package',
		extraEnv: { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all', EXECUTIONS_DATA_SAVE_ON_ERROR: 'all' },
	});
	fs.writeFileSync(n8n.logFile, '');
	log(`  ${runtime.name}: single instance at ${n8n.baseUrl} (log ${path.relative(process.cwd(), n8n.logFile)})`);
	await n8n.installPackage(tarball);
	await n8n.importCredentials(credentials);
	await n8n.importWorkflows([...workflows.a, ...workflows.b].map((w) => w.workflow));
	singles.add(n8n);
	try {
		await n8n.start();
		await n8n.ensureOwner();
		await n8n.login();
		for (const w of [...workflows.a, ...workflows.b]) await n8n.activateWorkflow(w.id);
		const measured = await attempt(`A: ${workflows.a.length} contenders taking turns, ${SETTINGS.rounds} rounds after a warm-up`, () =>
			executionTimesInterleaved({ rest: n8n, webhookBase: n8n.baseUrl, workflows: workflows.a, rounds: SETTINGS.rounds, items: SETTINGS.items }),
		);
		for (const w of workflows.a) {
			result.executionTime.push({ key: w.key, vendor: w.vendor, kind: w.kind, label: w.label, ...(measured.error ? measured : measured.get(w.key)) });
		}
		sandbox.clearRequests();
		await throughputCases({ mode: 'single', rest: n8n, webhookBase: n8n.baseUrl, workflows, sandbox, result });
	} finally {
		await stopSingles();
	}
}

async function queueMode({ runtime, runDir, tarball, sandbox, workflows, credentials, result }) {
	const dir = path.join(RUNTIME_DIR, 'bench');
	const postgres = new queue.Postgres({ dir, logName: 'bench-postgres' });
	const redis = new queue.Redis({ dir, logName: 'bench-redis' });
	const database = `n8n_bench_${runtime.name.replace(/\W/g, '_')}`;
	try {
		await Promise.all([postgres.start(), redis.start()]);
		await postgres.recreateDatabase(database);
		const home = ensureDir(path.join(runDir, `${runtime.name}-queue`));
		const cluster = new queue.Cluster({
			runtime,
			home,
			load: 'package',
			postgres,
			redis,
			database,
			workers: SETTINGS.queueWorkers,
			concurrency: SETTINGS.workerConcurrency,
			logPrefix: `bench-${runtime.name}-queue`,
		});
		await cluster.prepare();
		log(`  ${runtime.name}: queue mode: main ${cluster.main.baseUrl}, webhook ${cluster.webhookBase}, ${SETTINGS.queueWorkers} workers × ${SETTINGS.workerConcurrency} (PostgreSQL ${postgres.bin.major} :${postgres.port}, Redis :${redis.port})`);
		await cluster.main.installPackage(tarball);
		await cluster.main.importCredentials(credentials);
		await cluster.main.importWorkflows(workflows.b.map((w) => w.workflow));
		await cluster.startMain();
		for (const w of workflows.b) await cluster.main.activateWorkflow(w.id);
		await Promise.all([cluster.startWebhook(), ...cluster.workers.map((worker) => cluster.startWorker(worker))]);
		await throughputCases({ mode: 'queue', rest: cluster.main, webhookBase: cluster.webhookBase, workflows, sandbox, result });
	} finally {
		await queue.stopAll();
	}
}

/**
 * Build, pack, then every line in turn. Resolves to { machine, settings, lines: { name: {...} } };
 * a line or a mode that could not run carries `error`.
 */
async function run({ lines }) {
	const started = Date.now();
	const runDir = path.join(RUNTIME_DIR, 'bench', new Date().toISOString().replace(/[:.]/g, '-'));
	ensureDir(runDir);
	log(`real n8n: ${SETTINGS.items} items × ${SETTINGS.rounds} rounds; throughput ${SETTINGS.throughputRounds} × ${SETTINGS.seconds} s at ${SETTINGS.connections} connections; run folder ${path.relative(process.cwd(), runDir)}`);
	const selected = lines.map((name) => RUNTIMES[name]);
	const [tarball] = await Promise.all([
		pkg.build(path.join(ensureDir(path.join(RUNTIME_DIR, 'logs')), 'bench-build.log')).then(() =>
			pkg.pack(path.join(RUNTIME_DIR, 'logs', 'bench-build.log'), path.join(runDir, 'pack')),
		),
		...selected.map((runtime) => runtime.ensure()),
	]);
	let queueProblem;
	if (SETTINGS.queue) {
		await queue.ensurePackages().catch((error) => {
			queueProblem = `PostgreSQL/Redis unavailable: ${error.message.split('\n')[0]}`;
		});
		if (queueProblem) log(queueProblem);
	}

	const sandbox = await startSandbox({ port: 0, vendors: ['talkable', 'talkbox'] });
	wf.seedPeople(sandbox, SETTINGS.items);
	// Thousands of TalkBox requests per run: lift the sandbox's hourly quota (10,000 like TalkBox's).
	sandbox.vendor('talkbox').state.rate.limit = Number.POSITIVE_INFINITY;
	const creds = wf.credentials(sandbox.origin);
	const credentials = [creds.talkable, creds.talkBox, creds.talkableHeader, creds.talkBoxHeader];
	const workflows = { a: wf.executionTimeWorkflows(sandbox.origin, SETTINGS.items), b: wf.throughputWorkflows(sandbox.origin) };
	log(`vendor sandbox on ${sandbox.origin}; package ${path.basename(tarball)}`);

	let interrupted = false;
	const onSignal = (signal) => {
		interrupted = true;
		log(`${signal}: stopping n8n, PostgreSQL, Redis and the sandbox`);
		signalChildren('SIGTERM');
		Promise.all([stopSingles(), queue.stopAll(), sandbox.close()]).finally(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	const results = { date: new Date().toISOString(), machine: machine(), settings: { ...SETTINGS }, lines: {} };
	try {
		for (const runtime of selected) {
			const lineStarted = Date.now();
			const result = { n8n: runtime.version, node: nodeVersion(runtime), date: new Date().toISOString(), load: loadAverage(), executionTime: [], throughput: [] };
			results.lines[runtime.name] = result;
			log(`${runtime.name}: n8n ${runtime.version} on Node ${result.node}`);
			const context = { runtime, runDir, tarball, sandbox, workflows, credentials, result };
			const single = await attempt(`${runtime.name} single instance`, () => singleInstance(context));
			if (single && single.error) result.singleError = single.error;
			if (!SETTINGS.queue) result.queueSkipped = 'BENCH_QUEUE=0';
			else if (queueProblem) result.queueError = queueProblem;
			else {
				const queued = await attempt(`${runtime.name} queue mode`, () => queueMode(context));
				if (queued && queued.error) result.queueError = queued.error;
			}
			result.seconds = Math.round((Date.now() - lineStarted) / 1000);
			result.loadAfter = loadAverage();
		}
	} finally {
		await Promise.all([stopSingles(), queue.stopAll()]);
		await sandbox.close();
		process.removeListener('SIGINT', onSignal);
		process.removeListener('SIGTERM', onSignal);
	}
	// Interrupted: nothing is reported or written; onSignal ends the process once all is stopped.
	if (interrupted) await new Promise(() => {});
	results.seconds = Math.round((Date.now() - started) / 1000);
	return results;
}

module.exports = { run, SETTINGS };
