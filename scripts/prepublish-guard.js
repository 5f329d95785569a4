#!/usr/bin/env node
'use strict';
/**
 * `prepublishOnly`: refuse to publish from anywhere but the release workflow.
 *
 * n8n requires every community package version to be published from CI with an npm provenance
 * statement (since 1 May 2026). A publish is allowed only when all of these hold:
 *   - it runs in GitHub Actions (GITHUB_ACTIONS=true),
 *   - npm is asked for provenance (`--provenance`, i.e. npm_config_provenance=true, or
 *     publishConfig.provenance in package.json),
 *   - it runs for a tag (GITHUB_REF_TYPE=tag) named v<package.json version>.
 *
 * Caveat: this project's .npmrc sets ignore-scripts=true, and npm then skips prepublishOnly.
 * The release workflow therefore publishes with --ignore-scripts=false; a hand `npm publish` is
 * stopped by publishConfig.provenance=true (npm refuses provenance outside a supported CI).
 */
const fs = require('node:fs');
const path = require('node:path');

/** The reasons to refuse a publish (empty: allowed). */
function problems(env, manifest) {
	const found = [];
	if (env.GITHUB_ACTIONS !== 'true') {
		found.push('not running in GitHub Actions: publish by pushing a version tag (v<version>), the release workflow publishes it');
	}
	const provenance = env.npm_config_provenance === 'true' || Boolean(manifest.publishConfig && manifest.publishConfig.provenance === true);
	if (!provenance) found.push('npm provenance is off: publish with --provenance (n8n requires a provenance statement)');
	const expectedTag = `v${manifest.version}`;
	if (env.GITHUB_REF_TYPE !== 'tag') {
		found.push(`not a tag build (GITHUB_REF_TYPE=${env.GITHUB_REF_TYPE || 'unset'}): releases are published from tag ${expectedTag}`);
	} else if (env.GITHUB_REF_NAME !== expectedTag) {
		found.push(`tag ${env.GITHUB_REF_NAME} does not match package.json version ${manifest.version} (expected ${expectedTag})`);
	}
	return found;
}

function main() {
	const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
	const found = problems(process.env, manifest);
	if (found.length === 0) {
		console.log(`prepublish guard: publishing ${manifest.name}@${manifest.version} from ${process.env.GITHUB_REF_NAME} with provenance`);
		return;
	}
	console.error(`prepublish guard: refusing to publish ${manifest.name}@${manifest.version}:`);
	for (const problem of found) console.error(`  - ${problem}`);
	console.error('See CHANGELOG.md and .github/workflows/release.yml for the release path.');
	process.exitCode = 1;
}

if (require.main === module) main();

module.exports = { problems };
