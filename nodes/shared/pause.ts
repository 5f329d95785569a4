import { sleep } from 'n8n-workflow';

/** Longest single sleep: a cancelled wait leaves no timer behind for longer than this. */
const STEP_MS = 500;

/**
 * Wait `ms`, or less when the execution is cancelled (then throws). n8n-workflow's own
 * `sleepWithAbort` is missing from the n8n-workflow of n8n 2.x, which our nodes run against
 * there, and nodes may not start timers of their own (n8n's community rules): only `sleep`
 * exists in every n8n line, so the wait is cut into short sleeps and the abort is handled here.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	const cancelled = () => new Error('The execution was cancelled');
	if (signal?.aborted) throw cancelled();
	const until = Date.now() + ms;
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(cancelled());
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	aborted.catch(() => undefined);
	try {
		for (let left = until - Date.now(); left > 0; left = until - Date.now()) {
			await Promise.race([sleep(Math.min(left, STEP_MS)), aborted]);
		}
	} finally {
		if (onAbort) signal?.removeEventListener('abort', onAbort);
	}
}
