#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`, per n8n line (n8n 1.x on this Node 20, n8n 2.x on Node 24; both installed in
 * .runtime/ as the e2e suite installs them). Numbers are printed, never asserted.
 *
 *   in-process  compiles the test harness and our nodes into .runtime/bench-build and runs
 *               bench/compare.js (+ bench/seams.js) once per line with that line's Node: our nodes
 *               and n8n's HTTP Request node in one process, the 429 storm, Return All, the seams
 *   real        bench/real.js: the packed package inside real, running n8n (single instance and
 *               queue mode): node executionTime from stored executions and webhook throughput
 *               (autocannon); prints one table, writes bench/results.json and bench/chart.svg
 *               (`node bench/chart.js` redraws the chart from the JSON)
 *
 * Options: --runtime=n8n-1 (or n8n-2) runs one line only; --only=real or --only=in-process runs
 * one part; --skip-real is --only=in-process. Sizes: see compare.js and real.js (BENCH_*).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runtimes = require('../scripts/lib/runtimes');

const ROOT = path.join(__dirname, '..');
const BUILD = path.join(ROOT, '.runtime', 'bench-build');

function parseArgs(argv) {
	const options = { runtime: undefined, inProcess: true, real: true };
	for (const arg of argv) {
		const [key, value] = arg.replace(/^--/, '').split('=');
		if (key === 'runtime' && ['n8n-1', 'n8n-2'].includes(value)) options.runtime = value;
		else if (key === 'only' && value === 'real') options.inProcess = false;
		else if (key === 'only' && value === 'in-process') options.real = false;
		else if (key === 'skip-real') options.real = false;
		else throw new Error(`unknown option ${arg} (known: --runtime=n8n-1|n8n-2, --only=real|in-process, --skip-real)`);
	}
	return options;
}

const LINES = [
	{ name: 'n8n-1', ensure: () => runtimes.n8n1.ensure(), node: () => process.execPath },
	{
		name: 'n8n-2',
		ensure: async () => {
			await runtimes.node24.ensure();
			await runtimes.n8n2.ensure();
		},
		node: () => runtimes.node24.bin,
	},
];

/** The in-process part: bench/compare.js once per line with that line's Node. Resolves to whether all ran. */
async function inProcess(lines) {
	fs.rmSync(BUILD, { recursive: true, force: true });
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', BUILD], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	if (!fs.existsSync(path.join(BUILD, 'test', 'support', 'harness.js'))) return false;
	// The compiled test helpers require the sandbox (plain JavaScript, not compiled) next to them.
	fs.symlinkSync(path.join(ROOT, 'sandbox'), path.join(BUILD, 'sandbox'), 'dir');
	let ok = true;
	for (const line of lines) {
		await line.ensure();
		const result = spawnSync(line.node(), ['--expose-gc', path.join(__dirname, 'compare.js')], {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, BENCH_RUNTIME: line.name },
		});
		if (result.status !== 0) ok = false;
	}
	return ok;
}

async function main() {
	const started = Date.now();
	const options = parseArgs(process.argv.slice(2));
	const lines = LINES.filter((line) => !options.runtime || line.name === options.runtime);
	console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`);
	let failed = false;
	if (options.inProcess && !(await inProcess(lines))) failed = true;
	if (options.real) {
		const results = await require('./real').run({ lines: lines.map((line) => line.name) });
		require('./report').report(results);
		const failures = Object.entries(results.lines).flatMap(([name, line]) => [
			...[...line.executionTime, ...line.throughput].filter((row) => row.error).map((row) => `${name} ${row.mode || 'A'} ${row.label}: ${row.error}`),
			...['singleError', 'queueError'].filter((field) => line[field]).map((field) => `${name}: ${line[field]}`),
		]);
		if (failures.length) {
			failed = true;
			console.log(`\nNot measured:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
		}
	}
	console.log(`\nnpm run bench took ${Math.round((Date.now() - started) / 1000)} s`);
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
