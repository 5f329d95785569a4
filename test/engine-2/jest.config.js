'use strict';
/**
 * On n8n 2.x's engine, run by `npm run test:e2e` with n8n 2.x's Node: the engine-level count tests
 * (one evaluation per parameter per item, one credential decryption per run, the runner's requests
 * equal RoutingNode's) and the builderHint tests (their shape test reads n8n 2.x's typings, which
 * a fresh clone's `npm test` does not have yet). `npm test` runs both on the repository's engine (1.x).
 */
const path = require('node:path');

const base = require('../../jest.config.js');

module.exports = {
	...base,
	rootDir: path.join(__dirname, '..', '..'),
	testMatch: ['<rootDir>/test/shared/speed-counts.test.ts', '<rootDir>/test/shared/builder-hint.test.ts'],
	resolver: path.join(__dirname, 'resolver.js'),
};
