#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: compiles the test harness and our nodes into .runtime/bench-build, makes sure
 * both n8n lines are installed in .runtime/ (as the e2e suite installs them), then runs
 * bench/compare.js once per line with that line's Node: n8n 1.x on this Node 20, n8n 2.x on
 * Node 24. Numbers are printed, never asserted. `--runtime=n8n-1` (or n8n-2) runs one line only.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const runtimes = require('../scripts/lib/runtimes');

const ROOT = path.join(__dirname, '..');
const BUILD = path.join(ROOT, '.runtime', 'bench-build');

async function main() {
	const only = process.argv.find((arg) => arg.startsWith('--runtime='))?.split('=')[1];
	fs.rmSync(BUILD, { recursive: true, force: true });
	const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json', '--outDir', BUILD], {
		cwd: ROOT,
		stdio: 'inherit',
	});
	if (!fs.existsSync(path.join(BUILD, 'test', 'harness.js'))) process.exit(tsc.status || 1);
	// The compiled test helpers require the sandbox (plain JavaScript, not compiled) next to them.
	fs.symlinkSync(path.join(ROOT, 'sandbox'), path.join(BUILD, 'sandbox'), 'dir');

	const lines = [
		{ name: 'n8n-1', ensure: () => runtimes.n8n1.ensure(), node: () => process.execPath },
		{
			name: 'n8n-2',
			ensure: async () => {
				await runtimes.node24.ensure();
				await runtimes.n8n2.ensure();
			},
			node: () => runtimes.node24.bin,
		},
	].filter((line) => !only || line.name === only);

	console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`);
	let failed = false;
	for (const line of lines) {
		await line.ensure();
		const result = spawnSync(line.node(), ['--expose-gc', path.join(__dirname, 'compare.js')], {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, BENCH_RUNTIME: line.name },
		});
		if (result.status !== 0) failed = true;
	}
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
