/**
 * Shared by the Sailthru core-API tests: the sandbox, a runner, exact wire assertions (the
 * signed `json` and `sig`), and the official `sailthru-client` npm package driven against the
 * sandbox to compute reference requests (signature vectors).
 */
import { createHash } from 'node:crypto';

import { runNode, useSandbox as useVendorSandbox, type RunResult } from '../support/harness';
import { everythingVisible, type RecordedRequest, type Sandbox } from '../support/helpers';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSailthruClient } = require('sailthru-client') as {
	createSailthruClient: (key: string, secret: string, options?: object) => any;
};

export const context: { sandbox: Sandbox } = { sandbox: undefined as unknown as Sandbox };

/** Start one Sailthru sandbox for the file, reset it before each test. */
export function useSandbox() {
	context.sandbox = useVendorSandbox({ vendors: ['sailthru'] });
}

export const credentials = () =>
	context.sandbox.credentials('sailthru') as { apiKey: string; apiSecret: string; baseUrl: string };
export const requests = (): RecordedRequest[] => context.sandbox.requestsFor('sailthru');
export const state = (): any => context.sandbox.vendor('sailthru').state;

export async function run(
	parameters: Record<string, unknown>,
	extra: Partial<Parameters<typeof runNode>[0]> = {},
): Promise<RunResult> {
	return await runNode({
		type: 'sailthru',
		parameters: parameters as never,
		credentials: { sailthruApi: credentials() },
		...extra,
	});
}

export function expectOk(result: RunResult) {
	if (result.error) throw result.error;
	expect(result.error).toBeUndefined();
	const visible = everythingVisible(result);
	expect(visible).not.toContain(credentials().apiSecret);
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** The signature computed here, independently of the node: md5(secret + sorted values). */
export const sigFor = (json: string, apiKey = credentials().apiKey, secret = credentials().apiSecret) =>
	md5(secret + [apiKey, 'json', json].sort().join(''));

/** One request is exactly the signed call `json` (GET/DELETE: query only; POST: form body only). */
export function expectSignedCall(request: RecordedRequest, method: 'GET' | 'POST' | 'DELETE', path: string, json: string) {
	const params = { api_key: credentials().apiKey, format: 'json', json, sig: sigFor(json) };
	expect({ method: request.method, path: request.path }).toEqual({ method, path });
	if (method === 'POST') {
		expect(request.query).toEqual({});
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(request.rawBody).toBe(new URLSearchParams(params).toString());
	} else {
		expect(request.query).toEqual(params);
		expect(Object.keys(request.query)).toEqual(['api_key', 'format', 'json', 'sig']);
		expect(request.rawBody).toBe('');
	}
}

/** The decoded `json` of a recorded request. */
export const callOf = (request: RecordedRequest): any =>
	JSON.parse(String(((request.method === 'POST' ? request.body : request.query) as Record<string, string>).json));

/**
 * Run `call(client)` with the official sailthru-client against the sandbox, and return the
 * request it sent (as recorded by the sandbox), so a test can compare the node's request to it.
 */
export async function officialRequest(
	call: (client: any, done: (error: unknown) => void) => void,
	keys: { apiKey: string; apiSecret: string } = credentials(),
): Promise<RecordedRequest> {
	const before = requests().length;
	const client = createSailthruClient(keys.apiKey, keys.apiSecret, { apiUrl: `${credentials().baseUrl}/` });
	client.disableLogging();
	await new Promise<void>((resolve) => call(client, () => resolve()));
	const sent = requests().slice(before);
	expect(sent).toHaveLength(1);
	return sent[0];
}

/** The signed parameters of a request (query for GET/DELETE, form or multipart fields for POST). */
export function signedParameters(request: RecordedRequest): Record<string, string> {
	if (request.method !== 'POST') return request.query as Record<string, string>;
	const type = String(request.headers['content-type']);
	if (type.startsWith('multipart/form-data')) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { parseMultipart } = require('../../sandbox/vendors/sailthru') as {
			parseMultipart: (raw: string, type: string) => { fields: Record<string, string> };
		};
		return parseMultipart(request.rawBody, type).fields;
	}
	return request.body as Record<string, string>;
}

/**
 * The node's request and the official client's for the same call are the same signed call:
 * the same `json` string, the same `sig` (a signature vector computed by the official client).
 */
export function expectSameSignedCall(node: RecordedRequest, official: RecordedRequest) {
	expect({ method: node.method, path: node.path }).toEqual({ method: official.method, path: official.path });
	const ours = signedParameters(node);
	const theirs = signedParameters(official);
	expect({ api_key: ours.api_key, format: ours.format, json: ours.json, sig: ours.sig }).toEqual({
		api_key: theirs.api_key,
		format: theirs.format,
		json: theirs.json,
		sig: theirs.sig,
	});
	expect(ours.sig).toMatch(/^[0-9a-f]{32}$/);
}

/** The vector credentials of the contract (the sandbox refuses them; the request is recorded). */
export const VECTOR_KEYS = { apiKey: 'abc123key', apiSecret: 'shhh-secret' };

export async function runWithVectorKeys(parameters: Record<string, unknown>) {
	return await runNode({
		type: 'sailthru',
		parameters: parameters as never,
		credentials: { sailthruApi: { ...VECTOR_KEYS, baseUrl: credentials().baseUrl } },
	});
}
