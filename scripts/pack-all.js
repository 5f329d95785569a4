#!/usr/bin/env node
'use strict';
/**
 * `npm run pack:all`: builds once, then packs the five packages into .packages/ (git-ignored):
 * n8n-nodes-engagement (all four vendors) and n8n-nodes-talkable, -talkbox, -sailthru,
 * -personaclick (one vendor each; see scripts/lib/packages.js). Prints each tarball with its
 * size and the nodes and credentials its package.json lists.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, log } = require('./lib/util');
const pkg = require('./lib/package');
const { packAll } = require('./lib/packages');

async function main() {
	if (!process.argv.includes('--no-build')) await pkg.build();
	for (const { name, dir, tarball } of await packAll()) {
		const { n8n } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
		const names = [...n8n.nodes, ...n8n.credentials].map((file) => path.basename(file, '.js'));
		log(`${path.relative(ROOT, tarball)} (${(fs.statSync(tarball).size / 1024).toFixed(0)} KiB): ${name}: ${names.join(', ')}`);
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
