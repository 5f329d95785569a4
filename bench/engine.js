'use strict';
/**
 * Load n8n's engine packages (n8n-workflow, n8n-core, n8n-nodes-base) from the n8n line named by
 * BENCH_RUNTIME (its install in .runtime/), for the harness and our compiled nodes alike, so that
 * our nodes and the peer run on the same engine copy. `repo` uses this repository's node_modules.
 * Required first by every bench process.
 */
const Module = require('node:module');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const RUNTIME = process.env.BENCH_RUNTIME || 'repo';
const runtimeModules = RUNTIME === 'repo' ? path.join(ROOT, 'node_modules') : path.join(ROOT, '.runtime', RUNTIME, 'node_modules');
const ENGINE_PACKAGES = /^(n8n-workflow|n8n-core|n8n-nodes-base|@n8n\/[^/]+)(\/|$)/;

const originalResolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	if (ENGINE_PACKAGES.test(request)) {
		return originalResolve.call(this, request, parent, false, { paths: [runtimeModules] });
	}
	return originalResolve.call(this, request, parent, ...rest);
};

/** Where `npm run bench` compiled the harness and our nodes. */
const BUILD = path.join(ROOT, '.runtime', 'bench-build');

module.exports = { ROOT, RUNTIME, BUILD, runtimeModules };
