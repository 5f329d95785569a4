'use strict';
/**
 * The shared layer's seams (issue 22), measured on our compiled shared layer and n8n's engine:
 *
 *   waits   1,000 concurrent waits on one execution's cancel signal: the heap after 1 minute and
 *           after 10 minutes of waiting in 500 ms steps. The step is shortened to
 *           BENCH_WAIT_STEP_MS (20 ms), so the 1,200 steps of 10 minutes take 24 s; the heap is
 *           read (after a full GC) when the steps of 1 and of 10 minutes have passed. Three
 *           kinds: our `pause`, 1,000 requests held by one governor hold (a 429), and, for
 *           reference, 58a66c6's `pause` (a Promise.race of every step against one long-lived
 *           promise), which shows what growth the figure catches.
 *   queue   1,000 / 10,000 / 50,000 requests queued on one governor with a cap of 1, each
 *           starting when the one before it finishes: total time and time per request, median
 *           of 3 (linear means a flat time per request; 58a66c6's governor, one abort listener
 *           per waiter removed by indexOf/splice, took 34 / 913 / 15,621 ms here: 34 → 312 µs).
 *   budget  50 executions at once, one TalkBox request each (Max Concurrent Requests 20),
 *           against a sandbox that allows 20 requests at once and answers 429 to the rest: in one
 *           process (one budget per credential), and split over two processes, as two queue-mode
 *           workers would run them (a budget per worker).
 *
 * Numbers are printed, never asserted. `node bench/seams.js --worker` is the second process.
 */
const { fork } = require('node:child_process');
const { setMaxListeners } = require('node:events');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const { BUILD } = require('./engine');
const { pause, STEP_MS } = require(path.join(BUILD, 'nodes', 'shared', 'pause.js'));
const { Governor } = require(path.join(BUILD, 'nodes', 'shared', 'governor.js'));

const WAITS = 1000;
const WAIT_STEP_MS = Number(process.env.BENCH_WAIT_STEP_MS || 20);
const QUEUES = [1_000, 10_000, 50_000];
const EXECUTIONS = 50;
const SANDBOX_LIMIT = 20;

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const kb = (bytes) => `${bytes < 0 ? '−' : '+'}${(Math.abs(bytes) / 1024).toFixed(0)} KB`;

function heapNow() {
	global.gc?.();
	global.gc?.();
	return process.memoryUsage().heapUsed;
}

/** 58a66c6's pause.ts, for reference only: every step raced against one long-lived promise. */
async function racingPause(ms, signal, stepMs) {
	const cancelled = () => new Error('The execution was cancelled');
	if (signal?.aborted) throw cancelled();
	const until = Date.now() + ms;
	let onAbort;
	const aborted = new Promise((_, reject) => {
		onAbort = () => reject(cancelled());
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	aborted.catch(() => undefined);
	try {
		for (let left = until - Date.now(); left > 0; left = until - Date.now()) {
			await Promise.race([delay(Math.min(left, stepMs)), aborted]);
		}
	} finally {
		if (onAbort) signal?.removeEventListener('abort', onAbort);
	}
}

/** The heap before, after 1 minute's and after 10 minutes' worth of steps of `WAITS` waits. */
async function waitFigure(name, start) {
	const controller = new AbortController();
	const before = heapNow();
	const began = performance.now();
	const waits = await start(controller.signal);
	const at = async (minutes) => {
		const steps = (minutes * 60_000) / STEP_MS;
		await delay(Math.max(0, began + steps * WAIT_STEP_MS - performance.now()));
		return heapNow();
	};
	const oneMinute = await at(1);
	const tenMinutes = await at(10);
	controller.abort();
	const outcomes = await Promise.allSettled(waits);
	const ended = outcomes.filter((outcome) => outcome.status === 'rejected').length;
	return {
		name: `waits: ${WAITS.toLocaleString('en-US')} × ${name}`,
		text: `heap ${kb(oneMinute - before)} at 1 min, ${kb(tenMinutes - before)} at 10 min: growth ${kb(tenMinutes - oneMinute)} (${ended} of ${WAITS} ended by the cancel)`,
	};
}

async function waitFigures() {
	const day = 24 * 3_600_000;
	return [
		await waitFigure('pause (ours)', (signal) => Array.from({ length: WAITS }, () => pause(day, signal, WAIT_STEP_MS))),
		await waitFigure('requests held by one 429 hold (governor)', async (signal) => {
			const governor = new Governor({ maxConcurrent: 1, stepMs: WAIT_STEP_MS });
			governor.slowDown(await governor.acquire(), day);
			return Array.from({ length: WAITS }, () => governor.acquire(signal));
		}),
		await waitFigure("58a66c6's pause (reference)", (signal) => {
			// It adds an abort listener per wait (ours add none): no MaxListeners warning for that.
			setMaxListeners(WAITS + 10, signal);
			return Array.from({ length: WAITS }, () => racingPause(day, signal, WAIT_STEP_MS));
		}),
	];
}

/** `count` requests queued on one governor with a cap of 1, each released as soon as it starts: ms. */
async function drainQueue(count) {
	const governor = new Governor({ maxConcurrent: 1 });
	const signal = new AbortController().signal;
	heapNow();
	const started = performance.now();
	await Promise.all(Array.from({ length: count }, () => governor.acquire(signal).then((ticket) => governor.succeeded(ticket))));
	if (governor.listeners !== 0 || governor.waiting !== 0) throw new Error('the governor kept a listener or a waiter');
	return performance.now() - started;
}

async function queueFigures() {
	const rows = [];
	let perThousand;
	for (const count of QUEUES) {
		const runs = [];
		for (let round = 0; round < 3; round++) runs.push(await drainQueue(count));
		const ms = runs.sort((a, b) => a - b)[1];
		const perRequest = (ms * 1000) / count;
		perThousand ??= perRequest;
		rows.push({
			name: `queue: ${count.toLocaleString('en-US')} requests, cap 1 (median of 3)`,
			text: `${ms.toFixed(0)} ms, ${perRequest.toFixed(2)} µs per request (${(perRequest / perThousand).toFixed(2)} × the 1,000 case)`,
		});
	}
	return rows;
}

/** `count` executions at once, one TalkBox Contact Get each; their failed items. */
async function executions(runNode, credentials, count) {
	const results = await Promise.all(
		Array.from({ length: count }, () =>
			runNode({
				type: 'talkBox',
				parameters: { resource: 'contact', operation: 'get', contactId: '300', retry: { maxConcurrent: SANDBOX_LIMIT, initialDelayMs: 50 } },
				credentials,
				credentialId: 'talkBoxApi-shared',
				continueOnFail: true,
			}),
		),
	);
	return results.filter((result) => result.error || result.items.some((item) => item.error || item.json.error)).length;
}

async function budgetFigures(sandbox, runNode, credentials, measure) {
	const rows = [];
	const limit = () => {
		sandbox.reset();
		sandbox.fault('talkbox', { concurrencyLimit: SANDBOX_LIMIT, headers: { 'Retry-After': '1' }, body: { code: 429, description: 'Too many requests' } });
		sandbox.fault('talkbox', { delayMs: 50 });
	};
	const report = (name, failed, ms) => {
		const stats = sandbox.stats().byVendor.talkbox;
		rows.push({
			name,
			text: `${ms.toFixed(0)} ms, failed ${failed}, requests ${sandbox.requestsFor('talkbox').length}, 429s ${stats.rateLimited}, max in flight ${stats.maxInFlight}`,
		});
	};

	limit();
	const one = await measure(() => executions(runNode, credentials, EXECUTIONS));
	report(`budget: ${EXECUTIONS} executions at once, one process (one budget per credential)`, one.value, one.ms);

	// Two workers: each loads the engine, says it is ready, and both start on the same signal.
	const workers = [0, 1].map(() => fork(__filename, ['--worker'], { env: process.env, execArgv: ['--expose-gc'] }));
	const answer = (child) =>
		new Promise((resolve, reject) => {
			child.once('message', resolve);
			child.once('error', reject);
			child.once('exit', (code) => reject(new Error(`bench worker exited with ${code}`)));
		});
	await Promise.all(workers.map(answer));
	limit();
	const started = performance.now();
	const done = workers.map(answer);
	for (const child of workers) child.send({ credentials, count: EXECUTIONS / 2 });
	const failed = (await Promise.all(done)).map((message) => message.failed);
	report(`budget: ${EXECUTIONS} executions at once, two processes (queue mode: a budget per worker)`, failed[0] + failed[1], performance.now() - started);
	sandbox.clearFaults();
	return rows;
}

async function run({ sandbox, runNode, credentials, measure }) {
	return [...(await waitFigures()), ...(await queueFigures()), ...(await budgetFigures(sandbox, runNode, credentials, measure))];
}

function print(rows) {
	console.log(`\n  Seams (issue 22; wait steps shortened to ${WAIT_STEP_MS} ms, ${STEP_MS} ms in use)`);
	const width = Math.max(...rows.map((row) => row.name.length));
	for (const row of rows) console.log(`  ${row.name.padEnd(width)}  ${row.text}`);
}

module.exports = { run, print };

if (require.main === module && process.argv.includes('--worker')) {
	// The second process of the budget figure: its own module state, so its own governors.
	const { runNode, shutdownEngine } = require(path.join(BUILD, 'test', 'support', 'harness.js'));
	process.once('message', async ({ credentials, count }) => {
		const failed = await executions(runNode, credentials, count);
		shutdownEngine();
		process.send({ failed }, () => process.exit(0));
	});
	process.send({ ready: true });
}
