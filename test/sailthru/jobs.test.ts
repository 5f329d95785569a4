/**
 * Sailthru jobs through n8n's real engine against the sandbox: each job type's parameters,
 * file uploads as multipart/form-data (api_key, format, json, sig, file; sig over the first
 * three), waiting for completion (polling GET /job), job create sent once after a 500 or a
 * reset, and the multipart signature vector computed with the official sailthru-client.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WorkflowExecute } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import {
	callOf,
	context,
	credentials,
	expectOk,
	expectSameSignedCall,
	expectSignedCall,
	officialRequest,
	requests,
	run,
	runWithVectorKeys,
	sigFor,
	state,
	useSandbox,
	VECTOR_KEYS,
} from './common';

useSandbox();

/**
 * The harness feeds JSON-only items: binary data for the node's input items is added here, just
 * before n8n runs the node (by input item index).
 */
let inputBinary: Array<Record<string, IBinaryData> | undefined> = [];
const originalRunNode = WorkflowExecute.prototype.runNode;
beforeAll(() => {
	jest.spyOn(WorkflowExecute.prototype, 'runNode').mockImplementation(function (this: WorkflowExecute, ...args: any[]) {
		const [workflow, executionData] = args;
		if (executionData?.node?.type?.startsWith('n8n-nodes-engagement.')) {
			for (const [index, item] of (executionData.data.main[0] ?? []).entries()) {
				if (inputBinary[index]) item.binary = inputBinary[index];
			}
		}
		return (originalRunNode as any).call(this, workflow, executionData, ...args.slice(2));
	});
});
afterEach(() => {
	inputBinary = [];
});

const file = (text: string, fileName: string, mimeType: string): IBinaryData => ({
	data: Buffer.from(text, 'utf8').toString('base64'),
	mimeType,
	fileName,
});

const CSV = 'email,first_name\nann@example.com,Ann\nbob@example.com,Bob\nnot-an-email,X\n';

function multipartParts(request: any) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { parseMultipart } = require('../../sandbox/vendors/sailthru');
	return parseMultipart(request.rawBody, request.headers['content-type']);
}

describe('uploads: multipart/form-data', () => {
	test('import from a binary CSV: parts api_key, format, json, sig, file; sig over the first three', async () => {
		inputBinary = [{ csv: file(CSV, 'users.csv', 'text/csv') }];
		const result = await run({
			resource: 'job',
			operation: 'create',
			jobType: 'import',
			list: { __rl: true, mode: 'id', value: 'Newsletter' },
			importSource: 'file',
			binaryPropertyName: 'csv',
			additionalFields: { report_email: 'ops@example.com' },
		});
		expectOk(result);
		const [request] = requests();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/job');
		expect(request.query).toEqual({});
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=----n8nSailthru[0-9a-f]{32}$/);
		const parts = multipartParts(request);
		const json = '{"job":"import","list":"Newsletter","report_email":"ops@example.com"}';
		expect(parts.order).toEqual(['api_key', 'format', 'json', 'sig', 'file']);
		expect(parts.fields).toEqual({ api_key: credentials().apiKey, format: 'json', json, sig: sigFor(json) });
		expect(parts.files.file).toEqual({ fileName: 'users.csv', contentType: 'text/csv', data: CSV });
		expect(result.items[0].json).toEqual({ job_id: expect.any(String), name: 'import', status: 'pending' });
		expect(state().jobs[0].fileName).toBe('users.csv');
	});

	test('update, purchase_import and content_update upload JSON lines; the field name is configurable', async () => {
		const lines = '{"email":"old@example.com","vars":{"plan":"platinum"}}\n';
		for (const [jobType, extra] of [
			['update', { updateSource: 'file' }],
			['purchase_import', {}],
			['content_update', {}],
		] as const) {
			context.sandbox.clearRequests();
			inputBinary = [{ data: file(lines, `${jobType}.json`, 'application/json') }];
			const result = await run({ resource: 'job', operation: 'create', jobType, ...extra });
			expectOk(result);
			const parts = multipartParts(requests()[0]);
			expect(parts.fields.json).toBe(JSON.stringify({ job: jobType }));
			expect(parts.fields.sig).toBe(sigFor(JSON.stringify({ job: jobType })));
			expect(parts.files.file.data).toBe(lines);
		}
	});

	test('a missing binary field is an input error; nothing is sent', async () => {
		const result = await run(
			{ resource: 'job', operation: 'create', jobType: 'purchase_import', binaryPropertyName: 'nope' },
			{ continueOnFail: true },
		);
		expect(requests()).toHaveLength(0);
		expect(result.items[0].json.error).toBe('Input Binary Field: the input item has no binary field "nope" (the file to upload) [item 0]');
	});

	test('the sandbox refuses a multipart body whose sig also covers the file', async () => {
		const json = '{"job":"content_update"}';
		const form = new FormData();
		form.append('api_key', credentials().apiKey);
		form.append('format', 'json');
		form.append('json', json);
		const withFile = (await import('node:crypto')).createHash('md5');
		withFile.update(credentials().apiSecret + [credentials().apiKey, 'json', json, '{"url":"x"}'].sort().join(''));
		form.append('sig', withFile.digest('hex'));
		form.append('file', new Blob(['{"url":"x"}']), 'c.json');
		const response = await fetch(`${credentials().baseUrl}/job`, { method: 'POST', body: form });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ error: 5, errormsg: 'Authentication failed' });
	});
});

describe('job types without a file', () => {
	const cases: Array<[string, Record<string, unknown>, string]> = [
		['import from emails', { jobType: 'import', list: { __rl: true, mode: 'id', value: 'VIP' }, importSource: 'emails', emails: 'a@example.com, b@example.com' }, '{"job":"import","list":"VIP","emails":"a@example.com,b@example.com"}'],
		['import from a URL', { jobType: 'import', list: { __rl: true, mode: 'id', value: 'VIP' }, importSource: 'url', fileUrl: 'https://files.example.com/u.csv' }, '{"job":"import","list":"VIP","url":"https://files.example.com/u.csv"}'],
		['update by query', { jobType: 'update', updateSource: 'query', query: '{"list":"All Users"}', update: '{"vars":{"plan":"gold"}}' }, '{"job":"update","query":{"list":"All Users"},"update":{"vars":{"plan":"gold"}}}'],
		['export list data', { jobType: 'export_list_data', list: { __rl: true, mode: 'id', value: 'All Users' }, exportFields: '{"vars":{"first_name":1}}' }, '{"job":"export_list_data","list":"All Users","fields":{"vars":{"first_name":1}}}'],
		['export purchase log', { jobType: 'export_purchase_log', start_date: '2026-11-01 UTC', end_date: '2026-11-30 UTC' }, '{"job":"export_purchase_log","start_date":"2026-11-01 UTC","end_date":"2026-11-30 UTC"}'],
		['export scheduled sends', { jobType: 'export_scheduled_sends', additionalFields: { postback_url: 'https://n8n.example.com/webhook/x' } }, '{"job":"export_scheduled_sends","postback_url":"https://n8n.example.com/webhook/x"}'],
		['blast query', { jobType: 'blast_query', blastId: { __rl: true, mode: 'id', value: '7001' } }, '{"job":"blast_query","blast_id":7001}'],
		['snapshot', { jobType: 'snapshot', query: '{"engagement":"engaged"}' }, '{"job":"snapshot","query":{"engagement":"engaged"}}'],
	];
	test.each(cases)('%s: form-encoded, signed', async (_name, parameters, json) => {
		const result = await run({ resource: 'job', operation: 'create', ...parameters });
		expectOk(result);
		expectSignedCall(requests()[0], 'POST', '/job', json);
		expect(result.items[0].json).toMatchObject({ status: 'pending' });
	});
});

describe('wait for completion', () => {
	test('polls GET /job with growing pauses until completed; an export outputs its export_url', async () => {
		const started = Date.now();
		const result = await run({
			resource: 'job',
			operation: 'create',
			jobType: 'export_list_data',
			list: { __rl: true, mode: 'id', value: 'All Users' },
			waitForCompletion: true,
			pollIntervalSeconds: 0.05,
			maxWaitSeconds: 30,
		});
		expectOk(result);
		const calls = requests().map((r) => [r.method, r.path]);
		expect(calls).toEqual([
			['POST', '/job'],
			['GET', '/job'],
			['GET', '/job'],
			['GET', '/job'],
		]);
		const jobId = state().jobs[0].job_id;
		expectSignedCall(requests()[1], 'GET', '/job', JSON.stringify({ job_id: jobId }));
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			job_id: jobId,
			name: 'export_list_data',
			status: 'completed',
			export_url: `https://exports.sailthru.example/${jobId}.csv`,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		// Pauses of 50, 100 and 150 ms at least.
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
	});

	test('an import is applied when it completes: the users are on the list', async () => {
		inputBinary = [{ data: file(CSV, 'users.csv', 'text/csv') }];
		const result = await run({
			resource: 'job',
			operation: 'create',
			jobType: 'import',
			list: { __rl: true, mode: 'id', value: 'Imported' },
			waitForCompletion: true,
			pollIntervalSeconds: 0.01,
		});
		expectOk(result);
		expect(result.items[0].json).toMatchObject({ status: 'completed', count: 2, invalid_count: 1 });
		const members = state().users.filter((user: any) => user.lists.Imported).map((user: any) => user.keys.email);
		expect(members).toEqual(['ann@example.com', 'bob@example.com']);
	});

	test('gives up after Max Wait with the job ID to read later; a 503 on a poll is polled again', async () => {
		state().jobPolls = 1000;
		const result = await run({
			resource: 'job',
			operation: 'create',
			jobType: 'export_scheduled_sends',
			waitForCompletion: true,
			pollIntervalSeconds: 0.2,
			maxWaitSeconds: 1,
		});
		const jobId = state().jobs[0].job_id;
		expect(result.error?.message).toMatch(new RegExp(`^Sailthru job ${jobId} is still pending after \\d+ s \\(Max Wait\\)$`));
		expect(result.error?.description).toContain(`Job → Get (job ID ${jobId})`);
		expect(requests().filter((r) => r.method === 'POST')).toHaveLength(1);

		context.sandbox.reset();
		context.sandbox.fault('sailthru', { method: 'GET', path: '/job', status: 503, times: 1, body: 'busy' });
		const recovered = await run({
			resource: 'job',
			operation: 'create',
			jobType: 'export_scheduled_sends',
			waitForCompletion: true,
			pollIntervalSeconds: 0.01,
			retry: { initialDelayMs: 1 },
		});
		expectOk(recovered);
		expect(recovered.items[0].json.status).toBe('completed');
	});

	test('a job that ends in error fails the item with the job as the description', async () => {
		state().failJobType = 'snapshot';
		const result = await run(
			{ resource: 'job', operation: 'create', jobType: 'snapshot', query: '{"engagement":"engaged"}', waitForCompletion: true, pollIntervalSeconds: 0.01 },
			{ continueOnFail: true },
		);
		const jobId = state().jobs[0].job_id;
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe(`Sailthru job ${jobId} ended with status error`);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('job get', async () => {
		await run({ resource: 'job', operation: 'create', jobType: 'export_scheduled_sends' });
		const jobId = state().jobs[0].job_id;
		const got = await run({ resource: 'job', operation: 'get', jobId });
		expectOk(got);
		expectSignedCall(requests()[1], 'GET', '/job', JSON.stringify({ job_id: jobId }));
		expect(got.items[0].json).toMatchObject({ job_id: jobId, status: 'pending' });
	});
});

describe('job create is sent once', () => {
	test('after a 500 and after a reset (upload and form)', async () => {
		context.sandbox.fault('sailthru', { method: 'POST', path: '/job', status: 500, times: 1, body: { error: 9, errormsg: 'Internal error' } });
		inputBinary = [{ data: file(CSV, 'users.csv', 'text/csv') }];
		const failed = await run({ resource: 'job', operation: 'create', jobType: 'import', list: { __rl: true, mode: 'id', value: 'X' }, retry: { initialDelayMs: 1 } });
		expect(requests()).toHaveLength(1);
		expect(failed.error?.description).toContain('not safe to repeat');

		context.sandbox.clearRequests();
		context.sandbox.fault('sailthru', { method: 'POST', path: '/job', reset: true, times: 1 });
		const reset = await run({ resource: 'job', operation: 'create', jobType: 'export_scheduled_sends', retry: { initialDelayMs: 1 } });
		expect(requests()).toHaveLength(1);
		expect(reset.error?.message).toBe('Sailthru could not be reached: the connection was reset');
	});
});

describe('signature vectors computed with the official sailthru-client', () => {
	test('multipart upload: client.processJob with a file (needle multipart)', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'sailthru-job-'));
		const path = join(folder, 'users.csv');
		writeFileSync(path, CSV);
		inputBinary = [{ data: file(CSV, 'users.csv', 'text/csv') }];
		await runWithVectorKeys({ resource: 'job', operation: 'create', jobType: 'import', list: { __rl: true, mode: 'id', value: 'Newsletter' } });
		const official = await officialRequest(
			(client, done) => client.processJob('import', { job: 'import', list: 'Newsletter', file: path }, undefined, undefined, ['file'], done),
			VECTOR_KEYS,
		);
		expect(official.headers['content-type']).toMatch(/^multipart\/form-data/);
		expectSameSignedCall(requests()[0], official);
		// The vector: key abc123key, secret shhh-secret, json {"job":"import","list":"Newsletter"}.
		expect(multipartParts(official).fields.sig).toBe('143108f80189e063622bfed530b49317');
		expect(multipartParts(official).files.file.data).toBe(CSV);
		expect(multipartParts(requests()[0]).files.file.data).toBe(CSV);
	});

	test('job get: client.getJobStatus', async () => {
		await runWithVectorKeys({ resource: 'job', operation: 'get', jobId: '5e0000000000000000000001' });
		expectSameSignedCall(
			requests()[0],
			await officialRequest((client, done) => client.getJobStatus('5e0000000000000000000001', done), VECTOR_KEYS),
		);
		expect(callOf(requests()[0])).toEqual({ job_id: '5e0000000000000000000001' });
	});
});
