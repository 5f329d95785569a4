'use strict';
/**
 * Small shared helpers for scripts/start.js and scripts/e2e.js: paths, logging, phase timing,
 * child processes (each in its own process group, so a whole tree can be stopped), polling.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNTIME_DIR = path.join(ROOT, '.runtime');
const LOG_DIR = path.join(RUNTIME_DIR, 'logs');

function log(message) {
	console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function formatDuration(ms) {
	const seconds = ms / 1000;
	if (seconds < 60) return `${seconds.toFixed(1)}s`;
	return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

/** Records how long each named phase takes; `summary()` prints them in order. */
class Timer {
	constructor() {
		this.phases = [];
		this.started = Date.now();
	}

	async phase(name, fn) {
		const start = Date.now();
		log(`>> ${name}`);
		try {
			return await fn();
		} finally {
			const ms = Date.now() - start;
			this.phases.push({ name, ms });
			log(`<< ${name} (${formatDuration(ms)})`);
		}
	}

	summary() {
		const width = Math.max(10, ...this.phases.map((p) => p.name.length));
		const lines = this.phases.map((p) => `  ${p.name.padEnd(width)}  ${formatDuration(p.ms).padStart(7)}`);
		lines.push(`  ${'total'.padEnd(width)}  ${formatDuration(Date.now() - this.started).padStart(7)}`);
		return `Timings:\n${lines.join('\n')}`;
	}
}

/**
 * Run a command to completion. Output goes to `logFile` (appended) when given, and is also
 * returned. Rejects on a non-zero exit unless `allowFailure`.
 */
function run(command, args, options = {}) {
	const { cwd = ROOT, env = process.env, logFile, allowFailure = false } = options;
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
		const out = [];
		const err = [];
		const sink = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
		if (sink) sink.write(`\n$ ${command} ${args.join(' ')}  (cwd ${cwd})\n`);
		child.stdout.on('data', (chunk) => {
			out.push(chunk);
			if (sink) sink.write(chunk);
		});
		child.stderr.on('data', (chunk) => {
			err.push(chunk);
			if (sink) sink.write(chunk);
		});
		child.on('error', reject);
		child.on('close', async (code, signal) => {
			// Everything the command printed is in its log file before this resolves.
			if (sink) await new Promise((done) => sink.end(`\n[exit ${code}${signal ? ` ${signal}` : ''}]\n`, done));
			const result = {
				code,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
			};
			if (code !== 0 && !allowFailure) {
				const tail = (result.stderr || result.stdout).trim().split('\n').slice(-25).join('\n');
				const error = new Error(
					`${path.basename(command)} ${args.join(' ')} exited with ${code}${logFile ? ` (log: ${logFile})` : ''}\n${tail}`,
				);
				error.result = result;
				reject(error);
				return;
			}
			resolve(result);
		});
	});
}

/**
 * Start a long-running process in its own process group. Output is appended to `logFile` and,
 * with `prefix`, echoed line by line. `stop()` sends SIGTERM to the group, then SIGKILL after
 * `graceMs`.
 */
function startBackground(command, args, options = {}) {
	const { cwd = ROOT, env = process.env, logFile, prefix } = options;
	const sink = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : undefined;
	const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	const onData = (chunk) => {
		const text = chunk.toString('utf8');
		output = (output + text).slice(-20000);
		if (sink) sink.write(chunk);
		if (prefix !== undefined) {
			for (const line of text.split('\n')) if (line.trim()) console.log(prefix ? `${prefix} ${line}` : line);
		}
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	// Closed: the process has exited, its output pipes are drained and its log file is written.
	const closed = new Promise((resolve) => child.on('close', resolve)).then(() => (sink ? new Promise((done) => sink.end(done)) : undefined));
	let alive = true;
	exited.then(() => {
		alive = false;
	});
	return {
		child,
		exited,
		isAlive: () => alive,
		output: () => output,
		closed,
		/**
		 * SIGTERM to the process group, SIGKILL after `graceMs`; then SIGKILL to what is left of the
		 * group (a task runner whose n8n was killed still holds the output pipes). Resolves once the
		 * log file holds everything the process printed.
		 */
		async stop(graceMs = 15000) {
			const signalGroup = (signal) => {
				try {
					process.kill(-child.pid, signal);
				} catch {
					/* already gone */
				}
			};
			if (alive) {
				signalGroup('SIGTERM');
				const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
				await exited;
				clearTimeout(timer);
			}
			signalGroup('SIGKILL');
			await closed;
			return exited;
		},
	};
}

/** Poll `probe` (async, truthy = done) every `intervalMs` until `timeoutMs`. */
async function waitFor(description, probe, { timeoutMs = 120000, intervalMs = 250, abort } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	while (Date.now() < deadline) {
		if (abort) {
			const reason = abort();
			if (reason) throw new Error(`${description}: ${reason}`);
		}
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${lastError ? `: ${lastError.message}` : ''}`);
}

/** Whether `port` can be bound on 127.0.0.1 right now. */
function portIsFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** Ports this process has handed out: never handed out twice, even once their probe socket is closed. */
const handedOut = new Set();

/**
 * `count` ports on 127.0.0.1, each free when chosen: all probe sockets are held open until every
 * port is chosen (so no two are alike), and a port already handed out in this run is never given
 * again (a closed probe's port can come back from the kernel). A process that later fails to bind
 * one still says so itself (EADDRINUSE in its log, which a failing check prints).
 */
async function freePorts(count) {
	const servers = [];
	const ports = [];
	try {
		while (ports.length < count) {
			const server = net.createServer();
			servers.push(server);
			await new Promise((resolve, reject) => {
				server.once('error', reject);
				server.listen(0, '127.0.0.1', resolve);
			});
			const { port } = server.address();
			if (handedOut.has(port)) continue;
			handedOut.add(port);
			ports.push(port);
		}
		return ports;
	} finally {
		await Promise.all(servers.map((server) => new Promise((resolve) => (server.listening ? server.close(() => resolve()) : resolve()))));
	}
}

/** One port on 127.0.0.1 that is free right now (see freePorts). */
async function freePort() {
	const [port] = await freePorts(1);
	return port;
}

// eslint-disable-next-line no-control-regex
const ANSI_COLOURS = /\x1b\[[0-9;]*m/g;

/** A log text without its terminal colour codes. */
const stripColours = (text) => text.replace(ANSI_COLOURS, '');

/** The last `count` lines of a text file ('' when it does not exist), colour codes removed. */
function tailLines(file, count = 20) {
	let text;
	try {
		const size = fs.statSync(file).size;
		const length = Math.min(size, 256 * 1024);
		const buffer = Buffer.alloc(length);
		const handle = fs.openSync(file, 'r');
		try {
			fs.readSync(handle, buffer, 0, length, size - length);
		} finally {
			fs.closeSync(handle);
		}
		text = buffer.toString('utf8');
	} catch {
		return '';
	}
	const lines = stripColours(text).trimEnd().split('\n');
	return lines.slice(-count).join('\n');
}

/**
 * What a failing check prints besides its error, so that its output alone says why: the last lines
 * of each n8n log and the last requests each vendor sandbox got, with its answers (method, path and
 * status only: headers and bodies carry credentials).
 */
function failureContext({ logs = [], sandboxes = [] }) {
	const parts = [];
	for (const file of logs) {
		const tail = tailLines(file, 15);
		parts.push(`last lines of ${path.relative(ROOT, file)}:\n${tail ? tail.replace(/^/gm, '  ') : '  (empty)'}`);
	}
	for (const sandbox of sandboxes) {
		const last = sandbox.requests.slice(-8).map((r) => `  ${r.vendor} ${r.method} ${r.path} → ${r.status ?? 'no answer (yet)'}`);
		parts.push(`last requests at the sandbox ${sandbox.origin} (${sandbox.requests.length} since its reset):\n${last.join('\n') || '  (none)'}`);
	}
	return parts.join('\n');
}

function ensureDir(dir) {
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
	ensureDir(path.dirname(file));
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

module.exports = {
	ROOT,
	RUNTIME_DIR,
	LOG_DIR,
	log,
	formatDuration,
	Timer,
	run,
	startBackground,
	waitFor,
	portIsFree,
	freePort,
	freePorts,
	tailLines,
	stripColours,
	failureContext,
	ensureDir,
	readJson,
	writeJson,
};
