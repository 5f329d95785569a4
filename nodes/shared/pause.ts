import { sleep } from 'n8n-workflow';

/**
 * Wait `ms`, or less when the execution is cancelled (then throws). n8n-workflow's own
 * `sleepWithAbort` is missing from the n8n-workflow of n8n 2.x, which our nodes run against
 * there: only `sleep` exists in every n8n line, so the abort is handled here.
 */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new Error('The execution was cancelled');
	if (ms <= 0) return;
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(new Error('The execution was cancelled'));
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		if (onAbort) signal?.removeEventListener('abort', onAbort);
	}
}
