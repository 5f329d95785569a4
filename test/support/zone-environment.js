'use strict';
/**
 * Jest's node environment plus `setProcessTimeZone(zone)` for a test file that needs the n8n
 * instance in another time zone: a test's own `process.env` is a copy, and Node re-reads its
 * zone only when the worker's real `process.env.TZ` changes. `setProcessTimeZone()` (no zone)
 * restores the worker's zone; teardown restores it in any case.
 * Use: a `@jest-environment ./test/support/zone-environment.js` docblock at the top of the test file.
 */
const { TestEnvironment } = require('jest-environment-node');

class ZoneEnvironment extends TestEnvironment {
	constructor(config, context) {
		super(config, context);
		const original = process.env.TZ;
		this.restoreZone = () => {
			if (original === undefined) delete process.env.TZ;
			else process.env.TZ = original;
		};
		this.global.setProcessTimeZone = (zone) => {
			if (zone === undefined) this.restoreZone();
			else process.env.TZ = zone;
		};
	}

	async teardown() {
		this.restoreZone();
		await super.teardown();
	}
}

module.exports = ZoneEnvironment;
