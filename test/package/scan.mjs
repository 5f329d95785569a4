#!/usr/bin/env node
// The checks n8n's verification runs, on each of the five packages (`npm run pack:all`:
// n8n-nodes-engagement and one package per vendor). Needs `npm run build` first.
//   - n8n's community-package scanner (@n8n/scan-community-package's analyzePackage, offline):
//     on the source files, and on each packed tarball's files;
//   - the tarball's package.json: no runtime dependencies, MIT, the community keyword, the
//     repository, an n8n section whose files are all in the tarball, and (a vendor package) only
//     that vendor's nodes, credential and icons;
//   - `n8n-node lint` in strict mode (the default eslint.config.mjs, n8n's cloud rules: no process,
//     globalThis, timers, fs or other restricted imports) on each package's own source tree.
// Prints "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const require = createRequire(import.meta.url);
const { packAll, sourceTree, listFiles } = require('../../scripts/lib/packages.js');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(join(tmpdir(), 'n8n-engagement-scan-'));
const cli = join(root, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
let passed = 0;
let failed = 0;

async function check(name, fn) {
	try {
		await fn();
		passed += 1;
		console.log(`ok   ${name}`);
	} catch (error) {
		failed += 1;
		console.log(`FAIL ${name}: ${error.message}`);
	}
}

async function scanner(dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	if (!result.passed || result.message === 'No files found to analyze') {
		throw new Error(`${result.message ?? 'no files analyzed'}\n${result.details ?? ''}`);
	}
}

function manifestProblems(manifest, files, vendor) {
	const problems = [];
	if (manifest.dependencies && Object.keys(manifest.dependencies).length) problems.push(`runtime dependencies: ${Object.keys(manifest.dependencies)}`);
	if (manifest.license !== 'MIT') problems.push(`license ${manifest.license}`);
	if (!manifest.keywords?.includes('n8n-community-node-package')) problems.push('no n8n-community-node-package keyword');
	if (!manifest.repository?.url) problems.push('no repository URL');
	if (!files.includes('README.md') || !files.includes('LICENSE')) problems.push('no README.md or LICENSE');
	const listed = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	if (!manifest.n8n.strict || listed.length === 0) problems.push('n8n section not strict or empty');
	for (const file of listed) if (!files.includes(file)) problems.push(`lists ${file}, not in the tarball`);
	if (vendor) {
		const own = (file) =>
			!file.startsWith('dist/') || file.startsWith(`dist/nodes/${vendor.vendor}/`) || file.startsWith('dist/nodes/shared/') ||
			file.startsWith(`dist/credentials/${vendor.credentialFile}.`) || file.startsWith(`dist/icons/${vendor.icon}.`);
		const foreign = files.filter((file) => !own(file));
		if (foreign.length) problems.push(`files of other vendors: ${foreign.slice(0, 5).join(', ')}`);
		if (manifest.n8n.credentials.length !== 1) problems.push(`${manifest.n8n.credentials.length} credentials`);
	}
	return problems;
}

try {
	await check('scanner: source files', () => scanner(root, SOURCE_FILE_PATTERNS));
	let packages = [];
	await check('npm run pack:all: five tarballs, each self-contained', async () => {
		packages = await packAll();
	});
	for (const { name, vendor, tarball } of packages) {
		const out = join(work, name);
		execFileSync('mkdir', ['-p', out]);
		execFileSync('tar', ['xzf', tarball, '-C', out]);
		const packed = join(out, 'package');
		const files = listFiles(packed);
		const manifest = JSON.parse(readFileSync(join(packed, 'package.json'), 'utf8'));
		await check(`${name}: tarball holds what its package.json lists, no runtime dependencies, MIT${vendor ? `, ${vendor.vendor} only` : ''}`, () => {
			if (manifest.name !== name) throw new Error(`package name ${manifest.name}`);
			const problems = manifestProblems(manifest, files, vendor);
			if (problems.length) throw new Error(problems.join('; '));
		});
		await check(`${name}: scanner on the packed tarball`, () => scanner(packed, ['**/*.js', 'package.json']));
		await check(`${name}: n8n-node lint (strict) on its sources`, () => {
			const dir = join(work, `${name}-src`);
			sourceTree(vendor, dir);
			const lint = spawnSync(process.execPath, [cli, 'lint'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
			if (lint.status !== 0) throw new Error(`exit ${lint.status}\n${`${lint.stdout}${lint.stderr}`.slice(-3000)}`);
			if (/Strict mode violation/.test(lint.stdout)) throw new Error(lint.stdout);
		});
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
