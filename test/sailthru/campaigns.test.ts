/**
 * Sailthru blasts and stats through n8n's real engine against the sandbox: exact signed calls,
 * paging with limit/skip, create modes, unschedule, delete refused once sending, blast create
 * sent once after a 500, and signature vectors computed with the official sailthru-client.
 */
import {
	callOf,
	context,
	expectOk,
	expectSameSignedCall,
	expectSignedCall,
	officialRequest,
	requests,
	run,
	runWithVectorKeys,
	state,
	useSandbox,
	VECTOR_KEYS,
} from './common';

useSandbox();

const ref = (value: string) => ({ __rl: true, mode: 'id', value });

const OWN_CONTENT = {
	resource: 'blast',
	operation: 'create',
	blastName: 'Weekly #42',
	list: ref('Newsletter'),
	schedule_time: '2099-01-02 10:00 UTC',
	from_name: 'Acme News',
	from_email: 'news@example.com',
	subject: 'This week',
	content_html: '<p>Hi</p>',
	content_text: 'Hi',
};

describe('blast', () => {
	test('create with own content (scheduled), get, update, pause, unschedule, delete', async () => {
		const created = await run({ ...OWN_CONTENT, additionalFields: { replyto: 'help@example.com', labels: 'weekly', is_link_tracking: true } });
		expectOk(created);
		expectSignedCall(
			requests()[0],
			'POST',
			'/blast',
			'{"name":"Weekly #42","list":"Newsletter","schedule_time":"2099-01-02 10:00 UTC","from_name":"Acme News","from_email":"news@example.com","subject":"This week","content_html":"<p>Hi</p>","content_text":"Hi","replyto":"help@example.com","is_link_tracking":1,"labels":["weekly"]}',
		);
		const blast = created.items[0].json as any;
		expect(blast).toMatchObject({ name: 'Weekly #42', status: 'scheduled' });
		const id = String(blast.blast_id);

		const got = await run({ resource: 'blast', operation: 'get', blastId: ref(id) });
		expectOk(got);
		expectSignedCall(requests()[1], 'GET', '/blast', JSON.stringify({ blast_id: Number(id) }));

		const updated = await run({ resource: 'blast', operation: 'update', blastId: ref(id), updateFields: { subject: 'New subject', paused: 'pause' } });
		expectOk(updated);
		expectSignedCall(requests()[2], 'POST', '/blast', JSON.stringify({ blast_id: Number(id), subject: 'New subject', paused: true }));
		expect(updated.items[0].json).toMatchObject({ subject: 'New subject', paused: true });

		const unscheduled = await run({ resource: 'blast', operation: 'unschedule', blastId: ref(id) });
		expectOk(unscheduled);
		expectSignedCall(requests()[3], 'POST', '/blast', JSON.stringify({ blast_id: Number(id), schedule_time: '', status: 'draft' }));
		expect(unscheduled.items[0].json).toMatchObject({ status: 'created', schedule_time: '' });

		const deleted = await run({ resource: 'blast', operation: 'delete', blastId: ref(id) });
		expectOk(deleted);
		expectSignedCall(requests()[4], 'DELETE', '/blast', JSON.stringify({ blast_id: Number(id) }));
		expect(deleted.items[0].json).toEqual({ ok: true, blast_id: Number(id) });
	});

	test('create from a template and as a copy; "now" sends at once and then cannot be deleted (403)', async () => {
		const fromTemplate = await run({
			resource: 'blast',
			operation: 'create',
			createFrom: 'template',
			copyTemplate: ref('weekly'),
			list: ref('Newsletter'),
			schedule_time: 'now',
		});
		expectOk(fromTemplate);
		expect(callOf(requests()[0])).toEqual({ copy_template: 'weekly', list: 'Newsletter', schedule_time: 'now' });
		const sent = fromTemplate.items[0].json as any;
		expect(sent.status).toBe('sent');

		const copy = await run({ resource: 'blast', operation: 'create', createFrom: 'blast', copyBlast: ref(String(sent.blast_id)), schedule_time: '+1 day', blastNameOptional: 'Again' });
		expectOk(copy);
		expect(callOf(requests()[1])).toEqual({ copy_blast: sent.blast_id, schedule_time: '+1 day', name: 'Again' });
		expect(copy.items[0].json).toMatchObject({ status: 'scheduled', name: 'Again', subject: 'This week at Acme' });

		const refused = await run({ resource: 'blast', operation: 'delete', blastId: ref(String(sent.blast_id)) });
		expect(refused.error?.httpCode).toBe('403');
		expect(refused.error?.message).toMatch(/^Sailthru error \(code 41\): Cannot delete blast/);
	});

	test('get many by status: one item per blast, paged with limit/skip until a short page', async () => {
		for (let i = 0; i < 3; i++) state().blasts.push({ ...state().blasts[0], blast_id: 8000 + i, name: `Extra ${i}` });
		const all = await run({ resource: 'blast', operation: 'getAll', status: 'sent', returnAll: true, filters: { list: 'Newsletter' } });
		expectOk(all);
		expect(all.items).toHaveLength(6);
		expectSignedCall(requests()[0], 'GET', '/blast', '{"status":"sent","list":"Newsletter","skip":0,"limit":100}');
		expect(requests()).toHaveLength(1);

		const limited = await run({ resource: 'blast', operation: 'getAll', status: 'sent', returnAll: false, limit: 2 });
		expectOk(limited);
		expect(callOf(requests()[1])).toEqual({ status: 'sent', skip: 0, limit: 2 });
		expect(limited.items.map((item) => item.json.blast_id)).toEqual([8002, 8001]);
	});

	test('paging: several pages of 100', async () => {
		for (let i = 0; i < 150; i++) state().blasts.push({ ...state().blasts[0], blast_id: 9000 + i });
		const all = await run({ resource: 'blast', operation: 'getAll', status: 'sent', returnAll: true });
		expectOk(all);
		expect(all.items).toHaveLength(153);
		expect(requests().map((r) => callOf(r))).toEqual([
			{ status: 'sent', skip: 0, limit: 100 },
			{ status: 'sent', skip: 100, limit: 100 },
		]);
		expect(new Set(all.items.map((item) => item.json.blast_id)).size).toBe(153);
	});

	test('missing required content is refused before sending; unknown blast is error 13', async () => {
		const result = await run({ ...OWN_CONTENT, subject: '={{ $json.subject }}' }, { continueOnFail: true });
		expect(requests()).toHaveLength(0);
		expect(result.items[0].json.error).toBe('Subject: a value is required but this item has none [item 0]');
		const unknown = await run({ resource: 'blast', operation: 'get', blastId: ref('1') });
		expect(unknown.error?.message).toBe('Sailthru error (code 13): Unknown blast_id: 1');
		expect(unknown.error?.description).toContain('Unknown blast ID.');
	});

	test('create is sent once after a 500 and after a reset; update is retried after a 503', async () => {
		context.sandbox.fault('sailthru', { method: 'POST', path: '/blast', status: 500, times: 1, body: { error: 9, errormsg: 'Internal error' } });
		const failed = await run({ ...OWN_CONTENT, retry: { initialDelayMs: 1 } });
		expect(requests()).toHaveLength(1);
		expect(failed.error?.description).toContain('not safe to repeat');

		context.sandbox.clearRequests();
		context.sandbox.fault('sailthru', { method: 'POST', path: '/blast', reset: true, times: 1 });
		await run({ ...OWN_CONTENT, retry: { initialDelayMs: 1 } });
		expect(requests()).toHaveLength(1);

		context.sandbox.clearRequests();
		context.sandbox.fault('sailthru', { method: 'POST', path: '/blast', status: 503, times: 1, body: 'busy' });
		const updated = await run({ resource: 'blast', operation: 'update', blastId: ref('7001'), updateFields: { paused: 'resume' }, retry: { initialDelayMs: 1 } });
		expectOk(updated);
		expect(requests()).toHaveLength(2);
	});
});

describe('stats', () => {
	test('list stats (primary list, date), blast stats (one or a range), send stats', async () => {
		const list = await run({ resource: 'stats', operation: 'getListStats', statsList: 'All Users', date: '2026-11-20' });
		expectOk(list);
		expectSignedCall(requests()[0], 'GET', '/stats', '{"stat":"list","list":"All Users","date":"2026-11-20"}');
		expect(list.items[0].json).toMatchObject({ list: 'All Users', email_count: 1, engaged_count: 1 });

		const blast = await run({ resource: 'stats', operation: 'getBlastStats', blastId: ref('7001') });
		expectOk(blast);
		expectSignedCall(requests()[1], 'GET', '/stats', '{"stat":"blast","blast_id":7001}');

		const range = await run({
			resource: 'stats',
			operation: 'getBlastStats',
			blastScope: 'range',
			start_date: '2026-11-01 UTC',
			end_date: '2026-11-30 UTC',
			blastFilters: { list: 'Newsletter' },
		});
		expectOk(range);
		expect(callOf(requests()[2])).toEqual({ stat: 'blast', start_date: '2026-11-01 UTC', end_date: '2026-11-30 UTC', list: 'Newsletter' });
		expect(range.items[0].json).toMatchObject({ blast_count: 3, count: 6 });

		const send = await run({ resource: 'stats', operation: 'getSendStats', template: ref('welcome'), start_date: '-7 days', end_date: 'now' });
		expectOk(send);
		expectSignedCall(requests()[3], 'GET', '/stats', '{"stat":"send","template":"welcome","start_date":"-7 days","end_date":"now"}');
	});

	test('list stats of a non-primary list: Sailthru error 99 shown as is', async () => {
		const result = await run({ resource: 'stats', operation: 'getListStats', statsList: 'Daily Deals' });
		expect(result.error?.message).toBe('Sailthru error (code 99): List stats are kept for primary lists only: Daily Deals');
	});
});

describe('signature vectors computed with the official sailthru-client', () => {
	test('blast: client.scheduleBlast, getBlast, unscheduleBlast, deleteBlast', async () => {
		await runWithVectorKeys({ ...OWN_CONTENT });
		const official = await officialRequest(
			(client, done) =>
				client.scheduleBlast('Weekly #42', 'Newsletter', '2099-01-02 10:00 UTC', 'Acme News', 'news@example.com', 'This week', '<p>Hi</p>', 'Hi', {}, done),
			VECTOR_KEYS,
		);
		expectSameSignedCall(requests()[0], official);
		// The vector: key abc123key, secret shhh-secret.
		expect((official.body as any).sig).toBe('651531497c7632eded85ade0772833ff');
		const cases: Array<[Record<string, unknown>, (client: any, done: (e: unknown) => void) => void]> = [
			[{ resource: 'blast', operation: 'get', blastId: ref('7001') }, (client, done) => client.getBlast(7001, done)],
			[{ resource: 'blast', operation: 'unschedule', blastId: ref('7001') }, (client, done) => client.unscheduleBlast(7001, done)],
			[{ resource: 'blast', operation: 'delete', blastId: ref('7001') }, (client, done) => client.deleteBlast(7001, done)],
			[
				{ resource: 'blast', operation: 'update', blastId: ref('7001'), updateFields: { paused: 'pause' } },
				(client, done) => client.apiPost('blast', { blast_id: 7001, paused: true }, done),
			],
		];
		for (const [parameters, call] of cases) {
			context.sandbox.clearRequests();
			await runWithVectorKeys(parameters);
			expectSameSignedCall(requests()[0], await officialRequest(call, VECTOR_KEYS));
		}
	});

	test('stats: client.statsList, client.statsBlast, client.stats', async () => {
		const cases: Array<[Record<string, unknown>, (client: any, done: (e: unknown) => void) => void]> = [
			[{ resource: 'stats', operation: 'getListStats', statsList: 'All Users' }, (client, done) => client.statsList({ stat: 'list', list: 'All Users' }, done)],
			[{ resource: 'stats', operation: 'getBlastStats', blastId: ref('7001') }, (client, done) => client.statsBlast({ stat: 'blast', blast_id: 7001 }, done)],
			[
				{ resource: 'stats', operation: 'getSendStats', template: ref('welcome'), start_date: '-7 days', end_date: 'now' },
				(client, done) => client.stats({ stat: 'send', template: 'welcome', start_date: '-7 days', end_date: 'now' }, done),
			],
		];
		for (const [parameters, call] of cases) {
			context.sandbox.clearRequests();
			await runWithVectorKeys(parameters);
			expectSameSignedCall(requests()[0], await officialRequest(call, VECTOR_KEYS));
		}
	});
});
