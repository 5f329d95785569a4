#!/usr/bin/env node
// Runs n8n's community-package scanner (@n8n/scan-community-package's analyzePackage) offline,
// the two ways n8n runs it on a published package: on the source files and on the packed
// tarball's compiled files. Needs `npm run build` first. Prints "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'n8n-engagement-scan-'));
let passed = 0;
let failed = 0;

function report(name, result) {
	if (result.passed && result.message !== 'No files found to analyze') {
		passed += 1;
		console.log(`ok   scanner: ${name}`);
	} else {
		failed += 1;
		console.log(`FAIL scanner: ${name}: ${result.message ?? 'no files analyzed'}\n${result.details ?? ''}`);
	}
}

try {
	report('source files', await analyzePackage(root, SOURCE_FILE_PATTERNS));

	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
	execFileSync('tar', ['xzf', join(work, tarball), '-C', work]);
	const packed = join(work, 'package');
	const files = readdirSync(join(packed, 'dist'));
	if (!files.includes('nodes') || !files.includes('credentials')) {
		throw new Error(`the tarball has no dist/nodes or dist/credentials: ${files.join(', ')}`);
	}
	report('packed tarball', await analyzePackage(packed, ['**/*.js', 'package.json']));
} finally {
	rmSync(work, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
