#!/usr/bin/env node
'use strict';
/**
 * `npm run bench:profile`: where the CPU goes inside a real, running n8n while it runs one of the
 * real bench's part-A workflows (bench/real-workflows.js). n8n starts as `npm run bench` starts
 * it (packed package, single instance, SQLite) with the inspector on a loopback port; the V8
 * profiler is started over the DevTools protocol after a warm-up, runs for ROUNDS webhook calls
 * (one execution of 1,000 items each), and is stopped. Nothing else runs in n8n meanwhile.
 *
 * Prints self time per area (our package, n8n-workflow's expressions, n8n-core, the HTTP client,
 * the database, …) and the top functions, per contender; writes each profile as
 * .runtime/bench/profile-<line>-<key>.cpuprofile (open it in Chrome DevTools or speedscope).
 *
 * Options: --runtime=n8n-1|n8n-2 (default n8n-1); --case=<key> (repeatable; default
 * talkable-ours and talkable-http-plain; keys: the part-A contenders of bench/real-workflows.js,
 * or b-ours / b-http for part B, webhook → one GET, driven by autocannon for --seconds at 10
 * connections); --rounds=N (default 5); --seconds=N (default 10); --top=N functions (default 25).
 */
const fs = require('node:fs');
const path = require('node:path');
const { request, WebSocket } = require('undici');

const { RUNTIME_DIR, log, ensureDir, freePorts } = require('../scripts/lib/util');
const runtimes = require('../scripts/lib/runtimes');
const pkg = require('../scripts/lib/package');
const { N8n } = require('../scripts/lib/n8n');
const { startSandbox } = require('../sandbox');
const wf = require('./real-workflows');
const { executionTimes, warmUp, throughput } = require('./real-measure');

function parseArgs(argv) {
	const options = { runtime: 'n8n-1', cases: [], rounds: 5, seconds: 10, top: 25 };
	for (const arg of argv) {
		const [key, value] = arg.replace(/^--/, '').split('=');
		if (key === 'runtime' && ['n8n-1', 'n8n-2'].includes(value)) options.runtime = value;
		else if (key === 'case') options.cases.push(value);
		else if (key === 'rounds') options.rounds = Math.max(1, Number(value));
		else if (key === 'top') options.top = Math.max(1, Number(value));
		else if (key === 'seconds') options.seconds = Math.max(1, Number(value));
		else throw new Error(`unknown option ${arg} (known: --runtime=n8n-1|n8n-2, --case=<key>, --rounds=N, --seconds=N, --top=N)`);
	}
	if (options.cases.length === 0) options.cases = ['talkable-ours', 'talkable-http-plain'];
	return options;
}

/** A DevTools-protocol session on the inspector's first target. */
async function inspect(port) {
	const { body } = await request(`http://127.0.0.1:${port}/json/list`);
	const [target] = await body.json();
	const socket = new WebSocket(target.webSocketDebuggerUrl);
	await new Promise((resolve, reject) => {
		socket.addEventListener('open', resolve, { once: true });
		socket.addEventListener('error', reject, { once: true });
	});
	let next = 0;
	const pending = new Map();
	socket.addEventListener('message', (event) => {
		const message = JSON.parse(event.data);
		const waiter = pending.get(message.id);
		if (!waiter) return;
		pending.delete(message.id);
		if (message.error) waiter.reject(new Error(message.error.message));
		else waiter.resolve(message.result);
	});
	const send = (method, params = {}) =>
		new Promise((resolve, reject) => {
			next += 1;
			pending.set(next, { resolve, reject });
			socket.send(JSON.stringify({ id: next, method, params }));
		});
	return { send, close: () => socket.close() };
}

/** The area a profile node's code belongs to, from its script URL and function name. */
function areaOf(node) {
	const url = node.callFrame.url || '';
	const name = node.callFrame.functionName;
	if (!url) return name === '(garbage collector)' ? 'garbage collector' : name === '(program)' || name === '(idle)' ? name.slice(1, -1) : 'native / V8';
	if (/n8n-nodes-engagement/.test(url)) return 'ours (package)';
	if (/n8n-workflow\/dist\/.*(Expression|expression|Extensions|extensions|tmpl|riot|WorkflowDataProxy|evaluat)/.test(url)) return 'n8n-workflow: expressions';
	if (/n8n-workflow/.test(url)) return 'n8n-workflow: other';
	if (/n8n-core/.test(url)) return 'n8n-core';
	if (/n8n-nodes-base/.test(url)) return 'n8n-nodes-base';
	if (/(axios|follow-redirects|undici|node:_http|node:http|node:https|node:net|node:tls|node:dns)/.test(url)) return 'HTTP client / sockets';
	if (/(sqlite|typeorm|@n8n\/db|\/databases\/)/.test(url)) return 'database';
	if (/(node:internal|node:)/.test(url)) return 'Node internals';
	if (/\/n8n\/dist\//.test(url)) return 'n8n (cli)';
	return 'other dependencies';
}

/** Self time per area and per function (µs), from a V8 CPU profile. */
function summarize(profile) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map();
	profile.samples.forEach((id, index) => self.set(id, (self.get(id) || 0) + (profile.timeDeltas[index] || 0)));
	const areas = new Map();
	const functions = new Map();
	let total = 0;
	for (const [id, micros] of self) {
		const node = byId.get(id);
		const area = areaOf(node);
		total += micros;
		areas.set(area, (areas.get(area) || 0) + micros);
		const { functionName, url, lineNumber } = node.callFrame;
		const key = `${functionName || '(anonymous)'}  ${url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}`;
		functions.set(key, (functions.get(key) || 0) + micros);
	}
	const sorted = (map) => [...map].sort((a, b) => b[1] - a[1]);
	return { total, areas: sorted(areas), functions: sorted(functions) };
}

function print(title, summary, top) {
	const pct = (micros) => `${((micros / summary.total) * 100).toFixed(1).padStart(5)} %`;
	const ms = (micros) => `${Math.round(micros / 1000).toLocaleString('en-US').padStart(7)} ms`;
	log(`${title}: ${Math.round(summary.total / 1000).toLocaleString('en-US')} ms of samples`);
	for (const [area, micros] of summary.areas) log(`  ${ms(micros)} ${pct(micros)}  ${area}`);
	log(`  top ${top} functions (self time):`);
	for (const [name, micros] of summary.functions.slice(0, top)) log(`  ${ms(micros)} ${pct(micros)}  ${name}`);
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const runtime = options.runtime === 'n8n-2' ? runtimes.n8n2 : runtimes.n8n1;
	const runDir = ensureDir(path.join(RUNTIME_DIR, 'bench', `profile-${new Date().toISOString().replace(/[:.]/g, '-')}`));
	const buildLog = path.join(ensureDir(path.join(RUNTIME_DIR, 'logs')), 'bench-build.log');
	await Promise.all([pkg.build(buildLog), runtime.ensure()]);
	const tarball = await pkg.pack(buildLog, path.join(runDir, 'pack'));

	const sandbox = await startSandbox({ port: 0, vendors: ['talkable', 'talkbox'] });
	const items = 1000;
	wf.seedPeople(sandbox, items);
	sandbox.vendor('talkbox').state.rate.limit = Number.POSITIVE_INFINITY;
	const creds = wf.credentials(sandbox.origin);
	const all = [
		...wf.executionTimeWorkflows(sandbox.origin, items),
		...wf.throughputWorkflows(sandbox.origin).map((w) => ({ ...w, key: `b-${w.key}`, throughput: true })),
	];
	const chosen = options.cases.map((key) => {
		const found = all.find((w) => w.key === key);
		if (!found) throw new Error(`no case ${key} (known: ${all.map((w) => w.key).join(', ')})`);
		return found;
	});
	const [port, brokerPort, inspectorPort] = await freePorts(3);
	const n8n = new N8n({
		runtime,
		home: ensureDir(path.join(runDir, 'home')),
		port,
		brokerPort,
		owner: { email: 'bench-owner@example.com', password: 'BenchOwner-Passw0rd', firstName: 'Bench', lastName: 'Owner' },
		logName: `bench-profile-${runtime.name}`,
		load: 'package',
		extraEnv: { NODE_OPTIONS: `--inspect=127.0.0.1:${inspectorPort}`, EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all' },
	});
	let session;
	try {
		await n8n.installPackage(tarball);
		await n8n.importCredentials([creds.talkable, creds.talkBox, creds.talkableHeader, creds.talkBoxHeader]);
		await n8n.importWorkflows(chosen.map((w) => w.workflow));
		await n8n.start();
		await n8n.ensureOwner();
		await n8n.login();
		for (const w of chosen) await n8n.activateWorkflow(w.id);
		session = await inspect(inspectorPort);
		await session.send('Profiler.enable');
		await session.send('Profiler.setSamplingInterval', { interval: 200 });
		const rest = n8n;
		const webhookBase = n8n.baseUrl;
		for (const w of chosen) {
			const connections = 10;
			if (w.throughput) await warmUp({ webhookBase, workflow: w, connections, warmupSeconds: 3 });
			else await executionTimes({ rest, webhookBase, workflow: w, rounds: 1, items });
			await session.send('Profiler.start');
			const measured = w.throughput
				? await throughput({ rest, webhookBase, workflow: w, connections, seconds: options.seconds })
				: await executionTimes({ rest, webhookBase, workflow: w, rounds: options.rounds, items });
			const { profile } = await session.send('Profiler.stop');
			const file = path.join(RUNTIME_DIR, 'bench', `profile-${runtime.name}-${w.key}.cpuprofile`);
			fs.writeFileSync(file, JSON.stringify(profile));
			const figure = w.throughput
				? `${measured.executionsPerSecond} executions/s, p50 ${measured.p50} ms over ${options.seconds} s`
				: `executionTime median ${measured.median} ms over ${options.rounds} runs`;
			print(`${runtime.name} ${w.label}: ${figure} (${path.relative(process.cwd(), file)})`, summarize(profile), options.top);
			sandbox.clearRequests();
		}
	} finally {
		if (session) session.close();
		await n8n.stop().catch(() => {});
		await sandbox.close();
	}
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
}

module.exports = { summarize, areaOf };
