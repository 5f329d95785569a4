'use strict';
/**
 * The two measurements of the real-n8n bench (bench/real.js) against a running n8n:
 *
 *   executionTimes  call a part-A webhook once (warm-up), then `rounds` times, one call at a
 *                   time; after each call wait for its stored execution and read the node
 *                   executionTime of "Under test" from it (GET /rest/executions/:id), checking
 *                   that it produced every item without an error.
 *   throughput      autocannon (programmatic) against a part-B webhook: a warm-up, then a fixed
 *                   time at a fixed number of connections; requests/s, p50/p99 latency, non-2xx,
 *                   and the executions n8n stored meanwhile (its own count, per second, less the
 *                   requests still in flight when autocannon stopped), and how many failed.
 */
const autocannon = require('autocannon');
const { request } = require('undici');

const { waitFor } = require('../scripts/lib/util');
const { UNDER_TEST } = require('./real-workflows');

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const FINISHED = (e) => !['new', 'running', 'waiting', 'unknown'].includes(e.status) && e.stoppedAt;

/** GET a webhook; resolves to { status, ms, text }. */
async function callWebhook(url) {
	const started = performance.now();
	const response = await request(url, { method: 'GET', headersTimeout: 600000, bodyTimeout: 600000 });
	const text = await response.body.text();
	return { status: response.statusCode, ms: performance.now() - started, text };
}

/** The newest finished execution of a workflow with an id above `afterId`. */
async function nextExecution(rest, workflowId, afterId) {
	return waitFor(
		`the stored execution of ${workflowId} after #${afterId}`,
		async () => {
			const { results } = await rest.executions(workflowId, 5);
			const newer = results.filter((e) => Number(e.id) > afterId);
			return newer.length && newer.every(FINISHED) ? newer.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b)) : undefined;
		},
		{ timeoutMs: 120000, intervalMs: 100 },
	);
}

/** executionTime of the node under test in a stored execution; throws the node's or the run's error. */
function underTest(execution, items) {
	if (execution.dataTooLargeToDisplay) {
		throw new Error(`execution ${execution.id}: n8n withholds its data as too large to display (EXECUTIONS_DATA_MAX_DISPLAY_SIZE; fewer BENCH_ITEMS)`);
	}
	const result = execution.data && execution.data.resultData;
	if (!result) throw new Error(`execution ${execution.id} has no run data (status ${execution.status})`);
	const runs = result.runData[UNDER_TEST];
	const run = runs && runs[runs.length - 1];
	const error = (run && run.error) || result.error;
	if (error) throw new Error(`execution ${execution.id}: ${error.message}${error.description ? ` (${error.description})` : ''}`);
	if (!run) throw new Error(`execution ${execution.id}: "${UNDER_TEST}" did not run (last node: ${result.lastNodeExecuted})`);
	const out = ((run.data && run.data.main && run.data.main[0]) || []).map((item) => item.json);
	const failed = out.filter((json) => json && json.error).length;
	if (out.length !== items || failed) {
		throw new Error(`execution ${execution.id}: ${out.length} items out of ${items}, ${failed} failed (first: ${JSON.stringify(out[0]).slice(0, 200)})`);
	}
	return run.executionTime;
}

/** One call of a part-A webhook and its stored execution: { id, ms (executionTime), wall }. */
async function oneExecution({ rest, webhookBase, workflow, items, afterId }) {
	const answer = await callWebhook(`${webhookBase}/webhook/${workflow.path}`);
	if (answer.status !== 200) throw new Error(`webhook ${workflow.path} answered HTTP ${answer.status}: ${answer.text.slice(0, 300)}`);
	const last = await nextExecution(rest, workflow.id, afterId);
	return { id: Number(last.id), ms: underTest(await rest.execution(last.id), items), wall: answer.ms };
}

const summary = (times, walls) => ({ median: median(times), min: Math.min(...times), max: Math.max(...times), times, wallMedian: Math.round(median(walls)) });

/**
 * Part A for one workflow: `rounds` executionTimes after one warm-up.
 * `rest`: the N8n that answers /rest (main); `webhookBase`: where production webhooks go.
 */
async function executionTimes({ rest, webhookBase, workflow, rounds, items }) {
	const [last] = (await rest.executions(workflow.id, 1)).results;
	let afterId = last ? Number(last.id) : 0;
	const times = [];
	const walls = [];
	for (let round = 0; round <= rounds; round += 1) {
		const run = await oneExecution({ rest, webhookBase, workflow, items, afterId });
		afterId = run.id;
		if (round > 0) {
			times.push(run.ms);
			walls.push(run.wall);
		}
	}
	return summary(times, walls);
}

/**
 * Part A for several workflows at once, interleaved so that a drift of the machine or of n8n
 * (its database growing, a neighbour's load) falls on every contender alike: a warm-up call of
 * each, then `rounds` rounds of one call of each, every round starting one contender further.
 * Resolves to a Map key → the executionTimes figures, or { error } for a contender that failed
 * (it is left out of the later rounds).
 */
async function executionTimesInterleaved({ rest, webhookBase, workflows, rounds, items }) {
	const state = new Map();
	for (const workflow of workflows) {
		const [last] = (await rest.executions(workflow.id, 1)).results;
		state.set(workflow.key, { afterId: last ? Number(last.id) : 0, times: [], walls: [] });
	}
	for (let round = 0; round <= rounds; round += 1) {
		for (let i = 0; i < workflows.length; i += 1) {
			const workflow = workflows[(i + round) % workflows.length];
			const own = state.get(workflow.key);
			if (own.error) continue;
			try {
				const run = await oneExecution({ rest, webhookBase, workflow, items, afterId: own.afterId });
				own.afterId = run.id;
				if (round > 0) {
					own.times.push(run.ms);
					own.walls.push(run.wall);
				}
			} catch (error) {
				own.error = error.message.split('\n')[0];
			}
		}
	}
	return new Map([...state].map(([key, own]) => [key, own.error ? { error: own.error } : summary(own.times, own.walls)]));
}

function runAutocannon(url, { connections, seconds }) {
	return autocannon({ url, connections, duration: seconds, timeout: 60, method: 'GET' });
}

const throughputUrl = (webhookBase, workflow) => `${webhookBase}/webhook/${workflow.path}?email=${encodeURIComponent('customer@example.com')}`;

/** One call that must answer 200, then autocannon for `warmupSeconds` (run for every part-B workflow before any is measured). */
async function warmUp({ webhookBase, workflow, connections, warmupSeconds }) {
	const url = throughputUrl(webhookBase, workflow);
	// n8n 2.x may still be registering the webhook just after activation: 404 until it has.
	const probe = await waitFor(
		`webhook ${workflow.path} registered`,
		async () => {
			const answer = await callWebhook(url);
			return answer.status === 404 ? undefined : answer;
		},
		{ timeoutMs: 30000, intervalMs: 500 },
	);
	if (probe.status !== 200) throw new Error(`webhook ${workflow.path} answered HTTP ${probe.status}: ${probe.text.slice(0, 300)}`);
	if (warmupSeconds > 0) await runAutocannon(url, { connections, seconds: warmupSeconds });
}

/** Part B for one (warmed-up) workflow: autocannon for `seconds`, and n8n's count of stored executions. */
async function throughput({ rest, webhookBase, workflow, connections, seconds }) {
	const url = throughputUrl(webhookBase, workflow);
	const before = await settledCount(rest, workflow.id);
	const result = await runAutocannon(url, { connections, seconds });
	const after = await settledCount(rest, workflow.id);
	const stored = after.count - before.count;
	// Requests still in flight when autocannon stopped (at most one per connection) ran to the end
	// in n8n and were stored too: they are not counted as executions of the window.
	const inFlight = Math.max(0, result.requests.sent - result.requests.total);
	return {
		requestsPerSecond: round1(result.requests.total / result.duration),
		executionsPerSecond: round1((stored - inFlight) / result.duration),
		executionsStored: stored,
		inFlightAtEnd: inFlight,
		failedExecutions: after.failed - before.failed,
		p50: result.latency.p50,
		p99: result.latency.p99,
		requests: result.requests.total,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		seconds: round1(result.duration),
		connections,
	};
}

const round1 = (value) => Math.round(value * 10) / 10;

/** n8n's count of a workflow's executions once none of the newest is still running: { count, failed }. */
async function settledCount(rest, workflowId) {
	const data = await waitFor(
		`the executions of ${workflowId} to settle`,
		async () => {
			const page = await rest.executions(workflowId, 50);
			return page.results.every(FINISHED) ? page : undefined;
		},
		{ timeoutMs: 120000, intervalMs: 250 },
	);
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status: ['error', 'crashed'] }));
	const failed = await rest.get(`/rest/executions?filter=${filter}&limit=1`);
	return { count: data.count, failed: failed.status === 200 ? failed.body.data.count : NaN };
}

/**
 * Part B for several (warmed-up) workflows, alternated: `rounds` rounds of `seconds` each, every
 * round in the other order (A B, B A, A B, …), so that no contender always runs first or on a
 * warmer n8n. Per workflow: the rounds' totals (requests and executions per second over all its
 * rounds), the median of the rounds' p50 and of their p99, and each round's figures.
 */
async function throughputAlternated({ rest, webhookBase, workflows, connections, seconds, rounds }) {
	const perKey = new Map(workflows.map((w) => [w.key, []]));
	for (let round = 0; round < rounds; round += 1) {
		const order = round % 2 ? [...workflows].reverse() : workflows;
		for (const workflow of order) perKey.get(workflow.key).push(await throughput({ rest, webhookBase, workflow, connections, seconds }));
	}
	return new Map([...perKey].map(([key, runs]) => [key, combine(runs)]));
}

/** Several throughput rounds of one workflow as one figure. */
function combine(runs) {
	const sum = (field) => runs.reduce((total, run) => total + run[field], 0);
	const duration = sum('seconds');
	return {
		requestsPerSecond: round1(sum('requests') / duration),
		executionsPerSecond: round1((sum('executionsStored') - sum('inFlightAtEnd')) / duration),
		executionsStored: sum('executionsStored'),
		inFlightAtEnd: sum('inFlightAtEnd'),
		failedExecutions: sum('failedExecutions'),
		p50: median(runs.map((run) => run.p50)),
		p99: median(runs.map((run) => run.p99)),
		requests: sum('requests'),
		non2xx: sum('non2xx'),
		errors: sum('errors'),
		timeouts: sum('timeouts'),
		seconds: round1(duration),
		connections: runs[0].connections,
		rounds: runs.map((run) => ({ requestsPerSecond: run.requestsPerSecond, executionsPerSecond: run.executionsPerSecond, p50: run.p50, p99: run.p99 })),
	};
}

module.exports = { executionTimes, executionTimesInterleaved, warmUp, throughput, throughputAlternated, median };
