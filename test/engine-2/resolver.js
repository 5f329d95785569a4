'use strict';
/**
 * Jest resolver for `test/engine-2/jest.config.js`: n8n's engine packages (n8n-workflow,
 * n8n-core, n8n-nodes-base, @n8n/*) come from the n8n 2.x install in .runtime/n8n-2 (what
 * `npm run test:e2e` installs), so the engine-level count tests run on n8n 2.x's engine too.
 * Everything else resolves as usual.
 */
const path = require('node:path');

const RUNTIME = path.join(__dirname, '..', '..', '.runtime', 'n8n-2', 'node_modules');
const ENGINE = /^(n8n-workflow|n8n-core|n8n-nodes-base|@n8n\/[^/]+)(\/|$)/;

module.exports = (request, options) =>
	options.defaultResolver(request, ENGINE.test(request) && !options.basedir.startsWith(RUNTIME) ? { ...options, basedir: RUNTIME } : options);
