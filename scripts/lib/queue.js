'use strict';
/**
 * n8n queue mode on loopback, for scripts/e2e-queue.js: Debian PostgreSQL (run as the
 * unprivileged `postgres` user) and Redis, each on its own free port with data under
 * .runtime/queue/, and an n8n cluster (main + `n8n webhook` + workers) sharing one user folder,
 * one database, one Redis and one N8N_ENCRYPTION_KEY.
 *
 * Everything started here is registered in `running` and stopped by `stopAll()`; an `exit`
 * handler also kills what is left (SIGKILL to process groups, `pg_ctl stop -m immediate`), so a
 * failure or Ctrl-C leaves no PostgreSQL, Redis or n8n behind.
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const { RUNTIME_DIR, LOG_DIR, ensureDir, log, run, startBackground, waitFor, freePort, freePorts } = require('./util');
const { N8n } = require('./n8n');
const { aptInstall, isRoot } = require('./runtimes');

const QUEUE_DIR = path.join(RUNTIME_DIR, 'queue');
const APT_PACKAGES = ['redis-server', 'postgresql'];

/** Newest PostgreSQL server binaries Debian installed (/usr/lib/postgresql/<major>/bin). */
function postgresBin() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return undefined;
	const majors = fs
		.readdirSync(base)
		.filter((d) => /^\d+$/.test(d) && fs.existsSync(path.join(base, d, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? { major: majors[0], dir: path.join(base, majors[0], 'bin') } : undefined;
}

function redisBin() {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => fs.existsSync(file));
}

/** Install redis-server and postgresql with apt-get when missing (through runtimes.aptInstall: one apt-get at a time). */
async function ensurePackages() {
	if (redisBin() && postgresBin()) return false;
	const logFile = path.join(ensureDir(LOG_DIR), 'install-apt.log');
	await aptInstall(APT_PACKAGES, { logFile, label: 'redis-server/postgresql' });
	if (!redisBin() || !postgresBin()) throw new Error(`apt-get finished but redis-server or PostgreSQL binaries are still missing (log: ${logFile})`);
	return true;
}

/** Every background thing started here, newest last; stopped in reverse order. */
const running = [];
let exitHookInstalled = false;

function register(entry) {
	running.push(entry);
	if (!exitHookInstalled) {
		exitHookInstalled = true;
		// Last resort (an exception, process.exit): nothing may outlive this script.
		process.on('exit', () => {
			for (const item of running.splice(0).reverse()) {
				try {
					item.kill();
				} catch {
					/* already gone */
				}
			}
		});
	}
	return entry;
}

/** Stop everything: the n8n processes side by side, then Redis and PostgreSQL. */
async function stopAll() {
	const items = running.splice(0).reverse();
	const stop = (item) =>
		item.stop().catch((error) => {
			log(`stopping ${item.name}: ${error.message}`);
		});
	await Promise.all(items.filter((item) => !item.infra).map(stop));
	await Promise.all(items.filter((item) => item.infra).map(stop));
}

function killGroup(pid, signal = 'SIGKILL') {
	try {
		process.kill(-pid, signal);
	} catch {
		/* gone */
	}
}

function userIds(user) {
	const result = spawnSync('id', ['-u', user], { encoding: 'utf8' });
	const group = spawnSync('id', ['-g', user], { encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`no "${user}" system user (the postgresql package creates it)`);
	return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}

/**
 * A PostgreSQL cluster in .runtime/queue/pg (initdb once, reused while valid), its socket in
 * .runtime/queue/pg-socket, listening on 127.0.0.1:<port> only, trust auth (loopback, test data,
 * durability off for speed). Run as `postgres` when we are root (PostgreSQL refuses root).
 */
class Postgres {
	/** `dir` holds the cluster (pg/) and its socket (pg-socket/): another dir is another cluster, e.g. the bench's. */
	constructor({ dir = QUEUE_DIR, logName = 'queue-postgres' } = {}) {
		this.bin = postgresBin();
		this.dataDir = path.join(dir, 'pg');
		this.socketDir = path.join(dir, 'pg-socket');
		this.logFile = path.join(ensureDir(LOG_DIR), `${logName}.log`);
		this.owner = isRoot() ? userIds('postgres') : undefined;
	}

	asOwner(binary, args) {
		const file = path.join(this.bin.dir, binary);
		return this.owner ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
	}

	ownDir(dir) {
		ensureDir(dir);
		if (this.owner) fs.chownSync(dir, this.owner.uid, this.owner.gid);
		fs.chmodSync(dir, 0o700);
	}

	isValidCluster() {
		const version = path.join(this.dataDir, 'PG_VERSION');
		return (
			fs.existsSync(version) &&
			fs.readFileSync(version, 'utf8').trim() === this.bin.major &&
			fs.existsSync(path.join(this.dataDir, 'global', 'pg_control'))
		);
	}

	async initdb() {
		fs.rmSync(this.dataDir, { recursive: true, force: true });
		this.ownDir(this.dataDir);
		const [cmd, args] = this.asOwner('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
		await run(cmd, args, { logFile: this.logFile, cwd: QUEUE_DIR });
	}

	async start() {
		if (!this.bin) throw new Error('PostgreSQL is not installed');
		ensureDir(QUEUE_DIR);
		this.ownDir(this.socketDir);
		fs.writeFileSync(this.logFile, '', { flag: 'a' });
		if (this.owner) fs.chownSync(this.logFile, this.owner.uid, this.owner.gid);
		let reused = this.isValidCluster();
		// A postmaster left over by a run that was killed outright: stop it before anything else.
		if (reused && fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) this.stopSync('immediate');
		if (!reused) await this.initdb();
		this.port = await freePort();
		const options = [
			`-p ${this.port}`,
			`-k ${this.socketDir}`,
			'-c listen_addresses=127.0.0.1',
			'-c fsync=off',
			'-c synchronous_commit=off',
			'-c full_page_writes=off',
			'-c max_connections=100',
		].join(' ');
		const startCluster = () => {
			const [cmd, args] = this.asOwner('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-o', options, '-w', '-t', '60', 'start']);
			return run(cmd, args, { logFile: this.logFile, cwd: QUEUE_DIR });
		};
		try {
			await startCluster();
		} catch (error) {
			if (!reused) throw error;
			log(`the cached PostgreSQL cluster did not start (${error.message.split('\n')[0]}): initdb again`);
			reused = false;
			await this.initdb();
			await startCluster();
		}
		register({ name: 'postgresql', infra: true, stop: () => this.stop(), kill: () => this.stopSync('immediate') });
		return { reused };
	}

	/** Drop and create a database (a clean n8n schema every run; the cluster itself is cached). */
	async recreateDatabase(name) {
		const [cmd, args] = this.asOwner('psql', [
			'-h', this.socketDir, '-p', String(this.port), '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1',
			'-c', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
			'-c', `CREATE DATABASE "${name}"`,
		]);
		await run(cmd, args, { logFile: this.logFile, cwd: QUEUE_DIR });
	}

	async stop() {
		const [cmd, args] = this.asOwner('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
		await run(cmd, args, { logFile: this.logFile, cwd: QUEUE_DIR, allowFailure: true });
	}

	stopSync(mode = 'fast') {
		const [cmd, args] = this.asOwner('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', 'stop']);
		spawnSync(cmd, args, { stdio: 'ignore', cwd: QUEUE_DIR });
	}
}

/** redis-server on 127.0.0.1:<free port>, no persistence, working directory .runtime/queue/redis. */
class Redis {
	constructor({ dir = QUEUE_DIR, logName = 'queue-redis' } = {}) {
		this.dir = path.join(dir, 'redis');
		this.logName = logName;
	}

	async start() {
		const bin = redisBin();
		if (!bin) throw new Error('redis-server is not installed');
		const dir = ensureDir(this.dir);
		this.port = await freePort();
		this.logFile = path.join(ensureDir(LOG_DIR), `${this.logName}.log`);
		this.process = startBackground(
			bin,
			['--port', String(this.port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
			{ cwd: dir, logFile: this.logFile },
		);
		const proc = this.process;
		register({ name: 'redis', infra: true, stop: () => proc.stop(5000), kill: () => killGroup(proc.child.pid) });
		await waitFor(`redis on 127.0.0.1:${this.port}`, () => this.ping(), {
			timeoutMs: 30000,
			abort: () => (proc.isAlive() ? undefined : `redis-server exited:\n${proc.output().slice(-2000)}`),
		});
	}

	/** One command over a plain socket; resolves to its parsed answer (string, number, null or array). */
	command(...args) {
		return new Promise((resolve, reject) => {
			const socket = net.connect(this.port, '127.0.0.1');
			let received = Buffer.alloc(0);
			socket.setTimeout(5000);
			socket.once('connect', () => socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`));
			socket.on('data', (data) => {
				received = Buffer.concat([received, data]);
				const parsed = parseResp(received, 0);
				if (!parsed) return;
				socket.destroy();
				if (parsed.value instanceof Error) reject(parsed.value);
				else resolve(parsed.value);
			});
			socket.once('error', reject);
			socket.once('timeout', () => {
				socket.destroy();
				reject(new Error(`redis on 127.0.0.1:${this.port} did not answer ${args[0]} within 5 s`));
			});
		});
	}

	/** The client ports Redis has a connection from right now (CLIENT LIST addr=127.0.0.1:<port>). */
	async clientPorts() {
		const list = await this.command('CLIENT', 'LIST');
		return new Set([...list.matchAll(/addr=127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])));
	}

	ping() {
		return new Promise((resolve) => {
			const socket = net.connect(this.port, '127.0.0.1');
			socket.setTimeout(2000);
			socket.once('connect', () => socket.write('PING\r\n'));
			socket.once('data', (data) => {
				socket.destroy();
				resolve(data.toString().startsWith('+PONG'));
			});
			socket.once('error', () => resolve(false));
			socket.once('timeout', () => {
				socket.destroy();
				resolve(false);
			});
		});
	}
}

/**
 * How many times Bull hands a stalled job (its worker died or stopped renewing the lock) to a
 * worker again. n8n 1.x reads QUEUE_WORKER_MAX_STALLED_COUNT (its default is 1): we set 0, or
 * E2E_QUEUE_MAX_STALLED_COUNT to watch another value. n8n 2.x removed that variable (its
 * breaking-changes rule "Remove QUEUE_WORKER_MAX_STALLED_COUNT") and creates its Bull queue with
 * `maxStalledCount: 0` (dist/scaling/scaling.service.js): 0, whatever the environment says.
 */
function maxStalledCount(runtime) {
	return runtime.major >= 2 ? 0 : Number(process.env.E2E_QUEUE_MAX_STALLED_COUNT || 0);
}

/**
 * Settings every process of the cluster shares, only those its n8n line reads. A shorter job lock
 * (20 s instead of 60 s) makes a killed worker's job count as stalled sooner (both lines read
 * QUEUE_WORKER_LOCK_DURATION, _LOCK_RENEW_TIME and _STALLED_INTERVAL). A stalled count of 0 stops
 * Bull from handing a stalled job to another worker, which would run the whole execution again
 * from its start and resend every write it had made: the job fails instead and the process that
 * enqueued it records the execution as `error` (MaxStalledCountError). On 1.x that takes
 * QUEUE_WORKER_MAX_STALLED_COUNT=0; on 2.x it is built in (maxStalledCount above).
 */
function clusterEnv({ runtime, postgres, redis, database, encryptionKey, webhookUrl }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		QUEUE_BULL_PREFIX: 'bull',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: database,
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_POOL_SIZE: '4',
		N8N_ENCRYPTION_KEY: encryptionKey,
		WEBHOOK_URL: webhookUrl,
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		QUEUE_WORKER_LOCK_DURATION: '20000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '4000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		...(runtime.major >= 2 ? {} : { QUEUE_WORKER_MAX_STALLED_COUNT: String(maxStalledCount(runtime)) }),
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_FORMAT: 'text',
		NO_COLOR: '1',
	};
}

/**
 * An n8n queue-mode cluster: `main` (an N8n from n8n.js: REST, owner, imports), one `n8n webhook`
 * process and `workers` × `n8n worker --concurrency=<n>`, all on one user folder.
 */
class Cluster {
	/** `logPrefix` names the log files (<prefix>-main.log, -webhook, -worker-N), emptied by prepare(). */
	constructor({ runtime, home, load, postgres, redis, database, workers = 2, concurrency = 5, logPrefix = 'queue' }) {
		Object.assign(this, { runtime, home, load, postgres, redis, database, workerCount: workers, concurrency, logPrefix });
		this.encryptionKey = crypto.randomBytes(24).toString('hex');
		this.workers = [];
	}

	async prepare() {
		// Editor/REST ports of main, webhook and each worker, then a task-runner broker port for each.
		const processes = 2 + this.workerCount;
		const ports = await freePorts(2 * processes);
		const [mainPort, webhookPort, ...workerPorts] = ports.slice(0, processes);
		const brokerPorts = ports.slice(processes);
		this.webhookBase = `http://127.0.0.1:${webhookPort}`;
		const shared = clusterEnv({
			runtime: this.runtime,
			postgres: this.postgres,
			redis: this.redis,
			database: this.database,
			encryptionKey: this.encryptionKey,
			webhookUrl: `${this.webhookBase}/`,
		});
		const owner = { email: 'queue-owner@example.com', password: 'QueueOwner-Passw0rd', firstName: 'Queue', lastName: 'Owner' };
		const make = (role, port, brokerPort, extraEnv = {}) =>
			new N8n({
				runtime: this.runtime,
				home: this.home,
				port,
				brokerPort,
				owner,
				logName: `${this.logPrefix}-${role}`,
				load: this.load,
				extraEnv: { ...shared, ...extraEnv },
			});
		this.main = make('main', mainPort, brokerPorts[0]);
		this.webhook = make('webhook', webhookPort, brokerPorts[1]);
		for (let i = 0; i < this.workerCount; i += 1) {
			const worker = make(`worker-${i + 1}`, workerPorts[i], brokerPorts[2 + i]);
			worker.label = `worker-${i + 1}`;
			this.workers.push(worker);
		}
		for (const n of [this.main, this.webhook, ...this.workers]) fs.writeFileSync(n.logFile, '');
	}

	/** `n8n start` as the queue main; registered for stopping. */
	async startMain() {
		const { main } = this;
		register({ name: 'n8n main', stop: () => main.stop(), kill: () => main.server && killGroup(main.server.child.pid) });
		await main.start();
		await main.ensureOwner();
		await main.login();
	}

	spawn(n8n, args, name) {
		n8n.server = startBackground(n8n.runtime.nodeBinary, [n8n.runtime.bin, ...args], {
			env: n8n.env(),
			cwd: n8n.home,
			logFile: n8n.logFile,
		});
		const proc = n8n.server;
		register({ name, stop: () => proc.stop(), kill: () => killGroup(proc.child.pid) });
		return proc;
	}

	async startWebhook() {
		const proc = this.spawn(this.webhook, ['webhook'], 'n8n webhook');
		// /healthz answers while the process still says "n8n is starting up" to webhook calls: wait
		// for its log line too.
		await waitFor(
			`n8n webhook process on ${this.webhookBase}`,
			async () =>
				/Webhook listener waiting for requests/.test(readText(this.webhook.logFile)) &&
				(await this.webhook.get('/healthz', { auth: false })).status === 200,
			{ timeoutMs: 180000, abort: () => (proc.isAlive() ? undefined : `n8n webhook exited:\n${proc.output().slice(-3000)}`) },
		);
	}

	async startWorker(worker) {
		const proc = this.spawn(worker, ['worker', `--concurrency=${this.concurrency}`], `n8n ${worker.label}`);
		await waitFor(`n8n ${worker.label} ready`, () => /n8n worker is now ready/.test(readText(worker.logFile)), {
			timeoutMs: 180000,
			abort: () => (proc.isAlive() ? undefined : `n8n ${worker.label} exited:\n${proc.output().slice(-3000)}`),
		});
		worker.pid = proc.child.pid;
	}

	/** Executions a process's log says it ran: { started: Set<id>, finished: Map<id, success> }. */
	static executionsInLog(n8n) {
		const text = readText(n8n.logFile);
		const started = new Set([...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]));
		const finished = new Set([...text.matchAll(/Worker finished execution (\d+)/g)].map((m) => m[1]));
		return { started, finished };
	}

	/** Which worker label ran each execution id (from the workers' logs); a Map id → [labels]. */
	workerOf() {
		const byId = new Map();
		for (const worker of this.workers) {
			for (const id of Cluster.executionsInLog(worker).started) byId.set(id, [...(byId.get(id) || []), worker.label]);
		}
		return byId;
	}

	/**
	 * Which workers ran these executions (a Map id → [labels]), once each of them is in a worker's
	 * log: the log files are written from the workers' output pipes a moment after the fact.
	 */
	async whereRan(ids) {
		const wanted = ids.map(String);
		return waitFor(
			`the workers' log lines "Worker started execution <id>" for ${wanted.join(', ')}`,
			() => {
				const byId = this.workerOf();
				return wanted.every((id) => byId.has(id)) ? byId : undefined;
			},
			{ timeoutMs: 30000 },
		);
	}

	/** POST to a production webhook on the webhook process. */
	async callWebhook(webhookPath, body) {
		return this.webhook.call('POST', `/webhook/${webhookPath}`, body, { auth: false });
	}

	/** GET /rest/executions for one workflow (newest first), as summaries (n8n 2.x allows 100 at most). */
	async executionsOf(workflowId, limit = 100) {
		return (await this.main.executions(workflowId, limit)).results;
	}

	/** One execution with its run data unflattened, shaped like `n8n execute --rawOutput` output. */
	execution(id) {
		return this.main.execution(id);
	}
}

/**
 * One RESP value from `buffer` at `offset`: { value, end }, or undefined while it is incomplete.
 * Errors come back as Error values.
 */
function parseResp(buffer, offset) {
	const lineEnd = buffer.indexOf('\r\n', offset);
	if (lineEnd === -1) return undefined;
	const type = String.fromCharCode(buffer[offset]);
	const line = buffer.toString('utf8', offset + 1, lineEnd);
	const next = lineEnd + 2;
	if (type === '+') return { value: line, end: next };
	if (type === '-') return { value: new Error(`redis: ${line}`), end: next };
	if (type === ':') return { value: Number(line), end: next };
	if (type === '$') {
		const length = Number(line);
		if (length === -1) return { value: null, end: next };
		if (buffer.length < next + length + 2) return undefined;
		return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
	}
	if (type === '*') {
		const count = Number(line);
		if (count === -1) return { value: null, end: next };
		const items = [];
		let at = next;
		for (let i = 0; i < count; i += 1) {
			const item = parseResp(buffer, at);
			if (!item) return undefined;
			items.push(item.value);
			at = item.end;
		}
		return { value: items, end: at };
	}
	return { value: new Error(`redis: unexpected answer ${JSON.stringify(buffer.toString('utf8', offset, lineEnd))}`), end: next };
}

/**
 * The local ports of a process's TCP connections to 127.0.0.1:`remotePort` (Linux /proc): its
 * sockets' inodes from /proc/<pid>/fd, matched in /proc/net/tcp.
 */
function connectionPorts(pid, remotePort) {
	const inodes = new Set();
	for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
		try {
			const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
			if (match) inodes.add(match[1]);
		} catch {
			/* closed meanwhile */
		}
	}
	const ports = [];
	for (const line of fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
		const cols = line.trim().split(/\s+/);
		if (cols.length < 10 || !inodes.has(cols[9])) continue;
		const [, local] = cols[1].split(':');
		const [, remote] = cols[2].split(':');
		if (parseInt(remote, 16) === remotePort) ports.push(parseInt(local, 16));
	}
	return ports;
}

function readText(file) {
	try {
		return fs.readFileSync(file, 'utf8');
	} catch {
		return '';
	}
}

/**
 * Start the vendor sandbox with a concurrency counter: `stats()` → { inFlight, maxInFlight,
 * byVendor: { name: { inFlight, maxInFlight, requests } } } and `resetStats()`. Uses the
 * sandbox's own stats() when it has one; otherwise wraps its HTTP server's request handler
 * (a request is in flight from arrival until its response is finished or its socket closes).
 */
async function startCountingSandbox(startSandbox, options) {
	const original = http.createServer;
	const counters = { inFlight: 0, maxInFlight: 0, byVendor: {} };
	http.createServer = function createServer(...args) {
		const handler = args.find((arg) => typeof arg === 'function');
		const wrapped = (req, res) => {
			const vendor = (req.url || '').split('/')[1] || '?';
			const v = (counters.byVendor[vendor] = counters.byVendor[vendor] || { inFlight: 0, maxInFlight: 0, requests: 0 });
			counters.inFlight += 1;
			v.inFlight += 1;
			v.requests += 1;
			counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
			v.maxInFlight = Math.max(v.maxInFlight, v.inFlight);
			let done = false;
			const finish = () => {
				if (done) return;
				done = true;
				counters.inFlight -= 1;
				v.inFlight -= 1;
			};
			res.once('finish', finish);
			res.once('close', finish);
			return handler(req, res);
		};
		return original.apply(http, args.map((arg) => (arg === handler ? wrapped : arg)));
	};
	let sandbox;
	try {
		sandbox = startSandbox(options);
	} finally {
		http.createServer = original;
	}
	sandbox = await sandbox;
	if (typeof sandbox.stats === 'function' && typeof sandbox.resetStats === 'function') {
		return { sandbox, statsSource: 'sandbox.stats()' };
	}
	sandbox.stats = () => JSON.parse(JSON.stringify(counters));
	// Requests still in flight keep counting down on the same objects: only the peaks restart.
	sandbox.resetStats = () => {
		counters.maxInFlight = counters.inFlight;
		for (const v of Object.values(counters.byVendor)) {
			v.maxInFlight = v.inFlight;
			v.requests = 0;
		}
	};
	return { sandbox, statsSource: 'queue.js wrapper (sandbox.stats() is missing)' };
}

module.exports = { QUEUE_DIR, ensurePackages, Postgres, Redis, Cluster, stopAll, startCountingSandbox, killGroup, connectionPorts, maxStalledCount };
