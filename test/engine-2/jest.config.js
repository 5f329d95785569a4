'use strict';
/**
 * The engine-level count tests (one evaluation per parameter per item, one credential decryption
 * per run, the runner's requests equal RoutingNode's) on n8n 2.x's engine, run by
 * `npm run test:e2e` with n8n 2.x's Node. `npm test` runs them on the repository's engine (1.x).
 */
const path = require('node:path');

const base = require('../../jest.config.js');

module.exports = {
	...base,
	rootDir: path.join(__dirname, '..', '..'),
	testMatch: ['<rootDir>/test/speed-counts.test.ts'],
	resolver: path.join(__dirname, 'resolver.js'),
};
