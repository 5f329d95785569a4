import { sleep } from 'n8n-workflow';

/** Longest single sleep: a cancelled wait ends at most this long after the cancel. */
export const STEP_MS = 500;

export const cancelledError = () => new Error('The execution was cancelled');

/**
 * Wait `ms`, or less when the execution is cancelled (then throws). Nodes may not start timers of
 * their own (n8n's community rules), and n8n-workflow's `sleepWithAbort` is missing from the
 * n8n-workflow of n8n 2.x: only `sleep` exists in every n8n line. So the wait is cut into short
 * sleeps (`stepMs`; shorter only in benchmarks), and the signal is read after each one. Nothing
 * else is attached to anything: no abort listener, no promise that outlives one step, so what a
 * wait holds does not grow with its length (an earlier version raced every step against one
 * long-lived promise, and each race left a reaction on it: +461 MB for 200 waits held for an hour).
 */
export async function pause(ms: number, signal?: AbortSignal, stepMs = STEP_MS): Promise<void> {
	if (signal?.aborted) throw cancelledError();
	const until = Date.now() + ms;
	for (let left = ms; left > 0; left = until - Date.now()) {
		await sleep(Math.min(left, stepMs));
		if (signal?.aborted) throw cancelledError();
	}
}
