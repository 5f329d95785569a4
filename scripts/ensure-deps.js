#!/usr/bin/env node
'use strict';
/**
 * Installs the project's dev dependencies (`npm ci`) when they are missing or older than
 * package-lock.json, so that `npm start` and `npm test` work as the first commands on a fresh
 * clone. Uses nothing but Node itself.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const lock = path.join(root, 'package-lock.json');
// npm writes this after every install: it describes what node_modules holds.
const installed = path.join(root, 'node_modules', '.package-lock.json');

const upToDate = fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
if (!upToDate) {
	console.log('Installing dev dependencies (npm ci, first run only; about a minute)…');
	const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund'], {
		cwd: root,
		stdio: 'inherit',
	});
	if (result.status !== 0) {
		console.error('npm ci failed: see the output above.');
		process.exit(result.status ?? 1);
	}
}
