#!/usr/bin/env node
'use strict';
/**
 * One benchmark run on one n8n line: everything side by side, in this one process, against one
 * loopback sandbox. Started by bench/run.js (`npm run bench`) once per n8n line, with that line's
 * Node binary; the engine (n8n-core, n8n-workflow) and n8n's own HTTP Request node are loaded from
 * that line's install in .runtime/, so our nodes and the peer run on the same engine copy.
 *
 *   raw undici   sequential and concurrent GETs (the wire, no engine)
 *   HTTP Request n8n's HTTP Request node (4.2, predefined credential type) doing the same GET for
 *                the same items
 *   ours         Talkable Person Get, TalkBox Contact Get (same items), and a paged Return All
 *   storm        2,000 items against a server that allows 20 requests at once (429 + Retry-After)
 *   seams        what waits retain, the governor's queue overhead, one budget per credential
 *                (bench/seams.js)
 *
 * Each timed case: the median of ROUNDS rounds, the ratio to the HTTP Request node, peak heap.
 * Numbers are printed, never asserted.
 *
 * Environment: BENCH_RUNTIME (n8n-1 | n8n-2 | repo), BENCH_ITEMS (1000), BENCH_ROUNDS (5),
 * BENCH_RECORDS (100000), BENCH_STORM_ITEMS (2000).
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const { ROOT, RUNTIME, BUILD, runtimeModules } = require('./engine');
const ITEMS = Number(process.env.BENCH_ITEMS || 1000);
const ROUNDS = Math.max(3, Number(process.env.BENCH_ROUNDS || 5));
const RECORDS = Number(process.env.BENCH_RECORDS || 100_000);
const STORM_ITEMS = Number(process.env.BENCH_STORM_ITEMS || 2000);

const { request, Agent } = require('undici');
const { startSandbox } = require('../sandbox');
const seams = require('./seams');

const { runNode, shutdownEngine } = require(path.join(BUILD, 'test', 'support', 'harness.js'));
const { HttpRequest } = require(path.join(runtimeModules, 'n8n-nodes-base/dist/nodes/HttpRequest/HttpRequest.node.js'));

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Peak heap while `fn` runs (sampled every 20 ms) and its duration. */
async function measure(fn) {
	global.gc?.();
	let peak = process.memoryUsage().heapUsed;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 20);
	const started = performance.now();
	try {
		const value = await fn();
		return { ms: performance.now() - started, peak: Math.max(peak, process.memoryUsage().heapUsed), value };
	} finally {
		clearInterval(sampler);
	}
}

let resetSandbox = () => {};

async function rounds(fn, setup = () => {}) {
	// Fresh vendor state for each case (TalkBox's sandbox counts its hourly quota, like TalkBox).
	resetSandbox();
	setup();
	await fn(); // warm-up
	const runs = [];
	for (let i = 0; i < ROUNDS; i++) runs.push(await measure(fn));
	return { ms: median(runs.map((r) => r.ms)), peak: Math.max(...runs.map((r) => r.peak)), value: runs[0].value };
}

function expectItems(result, count, label) {
	if (result.error) throw new Error(`${label}: ${result.error.message}`);
	if (result.items.length !== count) throw new Error(`${label}: ${result.items.length} items, expected ${count}`);
	const failed = result.items.filter((item) => item.error || item.json.error).length;
	if (failed) throw new Error(`${label}: ${failed} failed items`);
}

async function main() {
	const sandbox = await startSandbox({ vendors: ['talkable', 'talkbox', 'personaclick'] });
	resetSandbox = () => sandbox.reset();
	const talkable = sandbox.credentials('talkable');
	const talkbox = sandbox.credentials('talkbox');
	const credentials = { talkableApi: talkable, talkBoxApi: talkbox, personaClickApi: sandbox.credentials('personaclick') };
	const items = Array.from({ length: ITEMS }, () => ({ email: 'customer@example.com', id: 300 }));
	const personUrl = `${talkable.baseUrl}/people/customer%40example.com?site_slug=${talkable.siteSlug}`;
	const authorization = `Bearer ${talkable.apiKey}`;
	const rows = [];
	if (process.env.BENCH_VERBOSE) setInterval(() => console.error(JSON.stringify(sandbox.stats())), 10_000).unref();
	const add = (name, result, extra = '') => {
		rows.push({ name, ...result, extra });
		if (process.env.BENCH_VERBOSE) console.error(`done: ${name}`);
	};

	// The raw wire.
	const agent = new Agent({ connections: 64 });
	const get = async () => {
		const response = await request(personUrl, { headers: { authorization, accept: 'application/json' }, dispatcher: agent });
		await response.body.json();
	};
	add('raw undici, sequential', await rounds(async () => {
		for (let i = 0; i < ITEMS; i++) await get();
	}));
	add('raw undici, concurrent (all at once)', await rounds(() => Promise.all(items.map(get))));

	// n8n's HTTP Request node, the same GET per item with the same credential.
	const httpRequest = new HttpRequest();
	const peer = (url, credentialType) => ({
		fullType: 'n8n-nodes-base.httpRequest',
		type: 'httpRequest',
		typeVersion: 4.2,
		nodeTypes: { httpRequest },
		credentials,
		items,
		parameters: {
			method: 'GET',
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: credentialType,
			options: {},
		},
	});
	/** One case side by side: the HTTP Request node, then our node, the same GET for every item. */
	const sideBySide = async (peerName, peerRun, oursName, oursRun) => {
		const http = await rounds(async () => expectItems(await runNode(peerRun), ITEMS, peerName));
		add(`HTTP Request node: ${peerName}`, http);
		const ours = await rounds(async () => expectItems(await runNode({ credentials, items, ...oursRun }), ITEMS, oursName));
		add(`ours: ${oursName}`, ours, `${(ours.ms / http.ms).toFixed(2)} × HTTP Request`);
	};
	await sideBySide(
		'Talkable person',
		peer(`={{ "${talkable.baseUrl}/people/" + encodeURIComponent($json.email) + "?site_slug=${talkable.siteSlug}" }}`, 'talkableApi'),
		'Talkable Person Get',
		{ type: 'talkable', parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' } },
	);
	await sideBySide(
		'TalkBox contact',
		peer(`={{ "${talkbox.baseUrl}/contact/" + $json.id }}`, 'talkBoxApi'),
		'TalkBox Contact Get',
		{ type: 'talkBox', parameters: { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' } },
	);

	// A paged Return All: PersonaClick subscription changes, 20,000 per page.
	const seedChanges = () => {
		const state = sandbox.vendor('personaclick').state;
		state.changes.length = 0;
		state.addChanges(RECORDS, (i) => ({ contact: `c${i}@example.com` }));
	};
	const paged = await rounds(async () => {
		const result = await runNode({
			type: 'personaClick',
			parameters: { resource: 'subscription', operation: 'getChanges', returnAll: true },
			credentials,
		});
		expectItems(result, RECORDS, 'Get Changes');
	}, seedChanges);
	add(`ours: PersonaClick Get Changes, Return All of ${RECORDS.toLocaleString('en-US')}`, paged);

	// The 429 storm: the server allows 20 requests at once and refuses the rest with Retry-After: 1.
	// First the same run against a server without that limit (what the engine itself takes).
	const stormItems = Array.from({ length: STORM_ITEMS }, () => ({ email: 'customer@example.com' }));
	const stormRun = async () => {
		sandbox.reset();
		sandbox.fault('talkable', { delayMs: 20 });
		return await runNode({
			type: 'talkable',
			parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' },
			credentials,
			items: stormItems,
			continueOnFail: true,
		});
	};
	const calm = await measure(stormRun);
	add(`calm: ${STORM_ITEMS} items, no server limit (20 ms each)`, calm);
	const storm = await measure(async () => {
		// The limit is queued first so that it is checked before the delay.
		sandbox.reset();
		sandbox.fault('talkable', {
			concurrencyLimit: 20,
			headers: { 'Retry-After': '1' },
			body: { ok: false, error_message: 'Too Many Requests' },
		});
		sandbox.fault('talkable', { delayMs: 20 });
		return await runNode({
			type: 'talkable',
			parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' },
			credentials,
			items: stormItems,
			continueOnFail: true,
		});
	});
	const failed = storm.value.items.filter((item) => item.error || item.json.error).length;
	const sent = sandbox.requestsFor('talkable').length;
	const stats = sandbox.stats().byVendor.talkable;
	add(
		`storm: ${STORM_ITEMS} items, server allows 20 at once (20 ms each), else 429 + Retry-After: 1`,
		storm,
		`failed ${failed}, requests ${sent} (${(sent / STORM_ITEMS).toFixed(2)} per item), 429s ${stats.rateLimited}, max in flight ${stats.maxInFlight}; the limit alone allows ${((STORM_ITEMS / 20) * 20).toFixed(0)} ms`,
	);
	sandbox.clearFaults();

	const seamRows = await seams.run({ sandbox, runNode, credentials, measure });

	console.log(`\n${RUNTIME} (Node ${process.version}; n8n-core ${require('n8n-core/package.json').version}); ${ITEMS} items, median of ${ROUNDS} rounds`);
	const width = Math.max(...rows.map((r) => r.name.length));
	for (const row of rows) {
		console.log(`  ${row.name.padEnd(width)}  ${`${row.ms.toFixed(0)} ms`.padStart(9)}  peak heap ${mb(row.peak).padStart(7)}  ${row.extra}`);
	}
	seams.print(seamRows);
	await agent.close();
	await sandbox.close();
	shutdownEngine();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
