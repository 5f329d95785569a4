#!/usr/bin/env node
'use strict';
/**
 * Benchmark: what our node adds on top of the raw HTTP exchange.
 *
 *   baseline  N sequential Talkable "get person" requests with undici (the raw wire)
 *   node      the same N requests as N input items of one Talkable node run through n8n's
 *             engine (WorkflowExecute + RoutingNode + our shared executor), in one execution
 *   batch     one run with ITEMS input items (all sent concurrently, as n8n's routing does),
 *             heap measured before and after
 *
 * Run: `npm run bench` (compiles the TypeScript test harness first). Numbers are printed, not
 * asserted: speed and memory are measured here, never in tests.
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { request } = require('undici');

const BUILD = path.join(__dirname, '..', '.runtime', 'bench-build');
const N = Number(process.env.BENCH_N || 300);
const ITEMS = Number(process.env.BENCH_ITEMS || 2000);

const { startSandbox } = require('../sandbox');
const { runNode, shutdownEngine } = require(path.join(BUILD, 'test', 'harness.js'));

const ms = (value) => `${value.toFixed(2)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
	const sandbox = await startSandbox({ vendors: ['talkable'] });
	const credentials = { talkableApi: sandbox.credentials('talkable') };
	const url = `${sandbox.url('talkable')}/people/customer%40example.com?site_slug=my-store`;
	const headers = { authorization: `Bearer ${credentials.talkableApi.apiKey}`, accept: 'application/json' };

	// warm-up both paths
	for (let i = 0; i < 20; i++) await (await request(url, { headers })).body.json();
	await runNode({ type: 'talkable', parameters: { resource: 'person', operation: 'get', personSlug: 'customer@example.com' }, credentials });

	const raw = [];
	for (let i = 0; i < N; i++) {
		const start = performance.now();
		const response = await request(url, { headers });
		await response.body.json();
		raw.push(performance.now() - start);
	}
	raw.sort((a, b) => a - b);
	const rawTotal = raw.reduce((a, b) => a + b, 0);

	// N items through the engine, one at a time (batching: 1 item per request, no interval)
	const nodeStart = performance.now();
	for (let i = 0; i < N; i++) {
		const result = await runNode({
			type: 'talkable',
			parameters: { resource: 'person', operation: 'get', personSlug: 'customer@example.com' },
			credentials,
		});
		if (result.error || result.items.length !== 1) throw new Error(`node run failed: ${result.error?.message}`);
	}
	const nodeTotal = performance.now() - nodeStart;

	sandbox.clearRequests();
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const batchStart = performance.now();
	const batch = await runNode({
		type: 'talkable',
		parameters: { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' },
		credentials,
		items: Array.from({ length: ITEMS }, () => ({ email: 'customer@example.com' })),
	});
	const batchTime = performance.now() - batchStart;
	const heapAfter = process.memoryUsage().heapUsed;
	if (batch.error || batch.items.length !== ITEMS) throw new Error(`batch failed: ${batch.error?.message}`);
	const sent = sandbox.requestsFor('talkable').length;

	console.log(`Talkable "get person" against the local sandbox (Node ${process.version})`);
	console.log(`baseline (undici, sequential): ${N} requests, mean ${ms(rawTotal / N)}, p50 ${ms(percentile(raw, 50))}, p95 ${ms(percentile(raw, 95))}`);
	console.log(`node through n8n's engine (one execution per request): ${N} runs, mean ${ms(nodeTotal / N)} per run, overhead ${ms(nodeTotal / N - rawTotal / N)} per request`);
	console.log(`one execution with ${ITEMS} items: ${ms(batchTime)} (${ms(batchTime / ITEMS)} per item), ${sent} requests sent, heap ${mb(heapBefore)} → ${mb(heapAfter)}`);

	await sandbox.close();
	shutdownEngine();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
