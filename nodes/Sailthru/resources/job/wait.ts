/**
 * "Wait for Completion" of a job: poll GET /job with growing pauses until its status is
 * `completed` (or `error`), at most Max Wait; then output the finished job (export jobs carry
 * their `export_url`).
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { pause } from '../../../shared';

/** Statuses after which a job changes no more. */
const FINISHED = ['completed', 'error', 'failed'];

/** Pauses between polls grow by this factor, up to MAX_PAUSE_MS. */
const BACK_OFF = 1.5;
const MAX_PAUSE_MS = 30_000;

/** A failed poll that may pass (a 5xx answer or a dropped connection): try again later. */
function isPassing(error: unknown): boolean {
	const code = String((error as NodeApiError).httpCode ?? '');
	return code === '' || code.startsWith('5');
}

export async function waitForJob(
	this: IExecuteSingleFunctions,
	records: IDataObject[],
	send: (options: IHttpRequestOptions) => Promise<unknown>,
): Promise<IDataObject[]> {
	if (this.getNodeParameter('waitForCompletion', false) !== true) return records;
	const created = records[0] ?? {};
	const jobId = created.job_id;
	if (jobId === undefined || jobId === null || jobId === '') {
		throw new NodeOperationError(this.getNode(), 'Sailthru answered without a job_id: cannot wait for the job', {
			itemIndex: this.getItemIndex(),
		});
	}
	const maxWaitMs = Math.max(0, Number(this.getNodeParameter('maxWaitSeconds', 600))) * 1000;
	let pauseMs = Math.max(0, Number(this.getNodeParameter('pollIntervalSeconds', 5))) * 1000;
	const started = Date.now();
	let job: IDataObject = created;
	while (!FINISHED.includes(String(job.status))) {
		const elapsed = Date.now() - started;
		if (elapsed + pauseMs > maxWaitMs) {
			throw new NodeOperationError(
				this.getNode(),
				`Sailthru job ${String(jobId)} is still ${String(job.status ?? 'pending')} after ${Math.round(elapsed / 1000)} s (Max Wait)`,
				{
					itemIndex: this.getItemIndex(),
					description: `The job keeps running at Sailthru. Read it later with Job → Get (job ID ${String(jobId)}), or raise Max Wait.`,
				},
			);
		}
		await pause(pauseMs, this.getExecutionCancelSignal());
		pauseMs = Math.min(MAX_PAUSE_MS, Math.max(100, pauseMs * BACK_OFF));
		try {
			job = (await send({
				method: 'GET',
				url: '/job',
				headers: { Accept: 'application/json' },
				body: { job_id: jobId },
			})) as IDataObject;
		} catch (error) {
			if (!isPassing(error)) {
				throw error instanceof NodeApiError || error instanceof NodeOperationError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex: this.getItemIndex() });
			}
			this.logger.warn(`Sailthru GET /job ${String(jobId)}: poll failed, polling again`, { itemIndex: this.getItemIndex() });
		}
	}
	if (String(job.status) !== 'completed') {
		throw new NodeOperationError(this.getNode(), `Sailthru job ${String(jobId)} ended with status ${String(job.status)}`, {
			itemIndex: this.getItemIndex(),
			description: JSON.stringify(job),
		});
	}
	return [job];
}
