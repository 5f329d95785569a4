/**
 * Vendor bodies of any size and depth (issue 22, rows 6 and 7), through n8n's real engine against
 * the sandbox: a secret across the 300-character cut of an error excerpt (in every encoding that
 * redaction knows), error bodies nested 10,000 levels deep, 50 MB and 10 MB bodies. Each ends in a
 * clear node error or output, never a stack overflow, and no secret survives in it.
 */
import { collectSecrets } from '../../nodes/shared/redact';
import { runNode, useSandbox, type RunResult } from '../support/harness';
import { everythingVisible, json } from '../support/helpers';

const sandbox = useSandbox({ vendors: ['talkbox'] });

/** A password that takes a different shape in each encoding (URI, form, RFC 3986, JSON, base64). */
const SPICY = "Spicy secret !*'() ~+/=&%\"\\";

async function runTalkBox(parameters: Record<string, unknown>, continueOnFail = false): Promise<RunResult> {
	return await runNode({
		type: 'talkBox',
		parameters: { retry: { initialDelayMs: 5, maxRetries: 0 }, ...parameters } as never,
		credentials: { talkBoxApi: { ...sandbox.credentials('talkbox'), password: SPICY } },
		continueOnFail,
	});
}

const forms = () => collectSecrets({ ...sandbox.credentials('talkbox'), password: SPICY }, ['password']);

/** Nothing of the secret in any form, nor the engine's stack overflow, anywhere the user can look. */
function expectClean(result: RunResult): void {
	const visible = everythingVisible(result);
	expect(visible).not.toContain('Maximum call stack');
	for (const form of forms()) expect(visible).not.toContain(form);
}

const CUT = 300;
const TAIL = ' and then the rest of the page'.repeat(20);

describe('an error excerpt is redacted before it is shortened (row 6)', () => {
	test('the secret takes at least 8 distinct forms (else the test below proves little)', () => {
		expect(forms().length).toBeGreaterThanOrEqual(8);
	});

	test.each([...Array(12).keys()])('form %i of the password, straddling the cut of a text body', async (index) => {
		const form = forms()[index];
		expect(form).toBeDefined();
		const start = CUT - Math.floor(form.length / 2);
		sandbox.fault('talkbox', { status: 400, headers: { 'Content-Type': 'text/plain' }, body: `${'x'.repeat(start)}${form}${TAIL}` });
		const result = await runTalkBox({ resource: 'account', operation: 'get' });
		const excerpt = `${'x'.repeat(start)}[redacted]${TAIL}`.slice(0, CUT);
		expect(result.error?.message).toBe(`TalkBox answered HTTP 400 with a body that is not valid JSON: ${excerpt}…`);
		expectClean(result);
	});

	test.each([...Array(12).keys()])('form %i of the password, straddling the cut of a JSON body without an envelope', async (index) => {
		const form = forms()[index];
		const start = CUT - Math.floor(form.length / 2) - '{"note":"'.length;
		sandbox.fault('talkbox', { status: 400, body: { note: `${'x'.repeat(start)}${form}${TAIL}` } });
		const result = await runTalkBox({ resource: 'account', operation: 'get' });
		const excerpt = JSON.stringify({ note: `${'x'.repeat(start)}[redacted]${TAIL}` }).slice(0, CUT);
		expect(result.error?.message).toBe(`TalkBox answered HTTP 400 with ${excerpt}…`);
		expectClean(result);
	});
});

/** `{"inner":` ten thousand times around `leaf`, as text (the sandbox sends it as it is). */
const nested = (levels: number, leaf: string) => `${'{"inner":'.repeat(levels)}${leaf}${'}'.repeat(levels)}`;

describe('vendor bodies of any depth or size (row 7)', () => {
	const secretJson = () => JSON.stringify(SPICY);
	const JSON_TYPE = { 'Content-Type': 'application/json' };

	test.each([false, true])('a 400 nested 10,000 levels deep, with the envelope on top: the vendor message (Continue On Fail %s)', async (continueOnFail) => {
		const body = `{"code":400,"description":"Deep trouble","detail":${nested(10_000, secretJson())}}`;
		sandbox.fault('talkbox', { status: 400, headers: JSON_TYPE, body });
		const result = await runTalkBox({ resource: 'account', operation: 'get' }, continueOnFail);
		const error = (continueOnFail ? json(result.items)[0] : result.error) as { error?: string; message?: string; httpCode?: unknown } | undefined;
		expect(error?.error ?? error?.message).toBe('TalkBox error (code 400): Deep trouble');
		expect(error?.httpCode).toBe(continueOnFail ? 400 : '400');
		expectClean(result);
	});

	test('a 400 nested 10,000 levels deep without an envelope: a short excerpt, the deep part marked', async () => {
		sandbox.fault('talkbox', { status: 400, headers: JSON_TYPE, body: nested(10_000, secretJson()) });
		const result = await runTalkBox({ resource: 'account', operation: 'get' });
		expect(result.error?.message).toBe(`TalkBox answered HTTP 400 with ${'{"inner":'.repeat(300).slice(0, CUT)}…`);
		expect(result.error?.httpCode).toBe('400');
		expectClean(result);
	});

	test('a 200 nested 10,000 levels deep: an output item, cut where it is too deep, without a stack overflow', async () => {
		sandbox.fault('talkbox', { status: 200, headers: JSON_TYPE, body: `{"id":1,"tree":${nested(10_000, '"leaf"')}}` });
		const result = await runTalkBox({ resource: 'account', operation: 'get' });
		expect(result.error).toBeUndefined();
		const [item] = json(result.items);
		expect(item.id).toBe(1);
		let depth = 0;
		let node: unknown = item.tree;
		while (node !== null && typeof node === 'object') {
			node = (node as { inner: unknown }).inner;
			depth++;
		}
		expect(node).toBe('[nested too deep]');
		expect(depth).toBeLessThan(10_000);
		expectClean(result);
	});

	test('a 50 MB error body with the envelope on top: the vendor message, the body not attached whole', async () => {
		const row = JSON.stringify({ id: 'x'.repeat(80), note: 'y'.repeat(400) });
		const rows = Array(Math.ceil((50 * 1024 * 1024) / (row.length + 1))).fill(row).join(',');
		const body = `{"code":400,"description":"Big trouble","rows":[${rows},${secretJson()}]}`;
		expect(body.length).toBeGreaterThan(50 * 1024 * 1024);
		sandbox.fault('talkbox', { status: 400, headers: JSON_TYPE, body });
		const result = await runTalkBox({ resource: 'account', operation: 'get' });
		expect(result.error?.message).toBe('TalkBox error (code 400): Big trouble');
		expect(JSON.stringify(result.error).length).toBeLessThan(1024 * 1024);
		expectClean(result);
	}, 60_000);

	test.each([false, true])('a 10 MB text error body with the secret at both ends: a 300-character excerpt (Continue On Fail %s)', async (continueOnFail) => {
		const body = `${SPICY}${'z'.repeat(10 * 1024 * 1024)}${SPICY}`;
		sandbox.fault('talkbox', { status: 502, headers: { 'Content-Type': 'text/plain' }, body });
		const result = await runTalkBox({ resource: 'account', operation: 'get' }, continueOnFail);
		const message = `TalkBox answered HTTP 502 with a body that is not valid JSON: ${`[redacted]${'z'.repeat(CUT)}`.slice(0, CUT)}…`;
		if (continueOnFail) expect(json(result.items)[0].error).toBe(message);
		else expect(result.error?.message).toBe(message);
		expectClean(result);
	}, 60_000);

	test('a 200 with a 10 MB string: output whole, as the vendor sent it', async () => {
		const big = 'q'.repeat(10 * 1024 * 1024);
		sandbox.fault('talkbox', { status: 200, body: { id: 7, notes: big } });
		const result = await runTalkBox({ resource: 'account', operation: 'get' });
		expect(result.error).toBeUndefined();
		const [item] = json(result.items);
		expect(item.id).toBe(7);
		expect(item.notes).toBe(big);
	}, 60_000);
});
