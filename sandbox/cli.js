#!/usr/bin/env node
'use strict';
/** Start every vendor sandbox on one loopback port: `node sandbox/cli.js [--port 5679] [--quiet]`. */
const { startSandbox, VENDOR_NAMES } = require('./index');

const portArg = process.argv.indexOf('--port');
const port = portArg > -1 ? Number(process.argv[portArg + 1]) : Number(process.env.SANDBOX_PORT || 5679);
const quiet = process.argv.includes('--quiet');

startSandbox({ port, log: quiet ? undefined : (line) => console.log(`[sandbox] ${line}`) }).then(
	(sandbox) => {
		for (const name of VENDOR_NAMES) {
			console.log(`[sandbox] ${name}: ${sandbox.url(name)}`);
		}
		const stop = () => sandbox.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	},
	(error) => {
		if (error && error.code === 'EADDRINUSE') {
			console.error(
				`[sandbox] Port ${port} on 127.0.0.1 is already in use (is \`npm start\` or another sandbox running?).\n` +
					`[sandbox] Pick another port: npm run sandbox -- --port ${port + 10}   (or SANDBOX_PORT=${port + 10} npm run sandbox)`,
			);
		} else {
			console.error(`[sandbox] could not start: ${error && error.message}`);
		}
		process.exit(1);
	},
);
