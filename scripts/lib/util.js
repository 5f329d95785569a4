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
		child.on('close', (code, signal) => {
			if (sink) sink.end(`\n[exit ${code}${signal ? ` ${signal}` : ''}]\n`);
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
	let alive = true;
	exited.then(() => {
		alive = false;
	});
	return {
		child,
		exited,
		isAlive: () => alive,
		output: () => output,
		async stop(graceMs = 15000) {
			if (!alive) return exited;
			const signalGroup = (signal) => {
				try {
					process.kill(-child.pid, signal);
				} catch {
					/* already gone */
				}
			};
			signalGroup('SIGTERM');
			const timer = setTimeout(() => signalGroup('SIGKILL'), graceMs);
			const result = await exited;
			clearTimeout(timer);
			if (sink) sink.end();
			return result;
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

/** A port on 127.0.0.1 that is free right now. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
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
	ensureDir,
	readJson,
	writeJson,
};
