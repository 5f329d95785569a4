/**
 * Sailthru request signing, without the engine: the contract's two test vectors byte for byte,
 * and the wire shapes the credential's authenticate produces.
 */
import { createHash } from 'node:crypto';

import { SailthruApi } from '../../credentials/SailthruApi.credentials';
import {
	callParameters,
	sailthruJson,
	sailthruSignature,
	signParameters,
	signRequest,
} from '../../nodes/Sailthru/lib/signature';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sandboxSailthru = require('../../sandbox/vendors/sailthru');

const VECTOR_KEYS = { apiKey: 'abc123key', apiSecret: 'shhh-secret' };
const VECTORS = [
	{
		parameters: { id: 'user@example.com', fields: { vars: 1, lists: 1 } },
		json: '{"id":"user@example.com","fields":{"vars":1,"lists":1}}',
		sig: 'a831ba196b9ae8554c98b62d02dabfc1',
	},
	{
		parameters: { id: 'user@example.com', key: 'email', lists: { Newsletter: 1 }, vars: { first_name: 'Ann' } },
		json: '{"id":"user@example.com","key":"email","lists":{"Newsletter":1},"vars":{"first_name":"Ann"}}',
		sig: '41a5058e6d7f194db510bacf53c8d1ce',
	},
];

describe('contract test vectors', () => {
	test.each(VECTORS)('json and sig of $json', ({ parameters, json, sig }) => {
		expect(sailthruJson(parameters)).toBe(json);
		expect(sailthruSignature('shhh-secret', { api_key: 'abc123key', format: 'json', json })).toBe(sig);
		expect(signParameters(VECTOR_KEYS, parameters)).toEqual({ api_key: 'abc123key', format: 'json', json, sig });
		// The sandbox's own implementation agrees (it is what verifies the node's requests).
		expect(sandboxSailthru.expectedSignature('shhh-secret', { api_key: 'abc123key', format: 'json', json, sig: 'x' })).toBe(sig);
	});

	test('a different secret gives a different sig', () => {
		const { json } = VECTORS[0];
		expect(sailthruSignature('shhh-secreT', { api_key: 'abc123key', format: 'json', json })).not.toBe(VECTORS[0].sig);
	});
});

describe('sailthruJson', () => {
	test('keeps key order and escapes non-ASCII like the official clients', () => {
		const json = sailthruJson({ id: 'zoë@example.com', vars: { city: 'Zürich', emoji: '🙂', slash: 'a/b' } });
		expect(json).toBe(
			'{"id":"zo\\u00eb@example.com","vars":{"city":"Z\\u00fcrich","emoji":"\\ud83d\\ude42","slash":"a/b"}}',
		);
		expect(JSON.parse(json)).toEqual({ id: 'zoë@example.com', vars: { city: 'Zürich', emoji: '🙂', slash: 'a/b' } });
	});
});

describe('signRequest (the credential authenticate)', () => {
	const keys = { apiKey: 'abc123key', apiSecret: 'shhh-secret' };
	const md5 = (text: string) => createHash('md5').update(text).digest('hex');

	test('GET: the four parameters in the query, no body, input untouched', () => {
		const input = {
			method: 'GET' as const,
			url: '/user',
			qs: {},
			body: { ...VECTORS[0].parameters },
			headers: { Accept: 'application/json' },
		};
		const snapshot = structuredClone(input);
		const signed = signRequest(keys, input);
		expect(signed.qs).toEqual({ api_key: 'abc123key', format: 'json', json: VECTORS[0].json, sig: VECTORS[0].sig });
		expect(Object.keys(signed.qs!)).toEqual(['api_key', 'format', 'json', 'sig']);
		expect(signed.body).toBeUndefined();
		expect(signed.headers).toEqual({ Accept: 'application/json' });
		expect(input).toEqual(snapshot);
	});

	test('POST: form-encoded body with the content type, no query', () => {
		const signed = signRequest(keys, {
			method: 'POST',
			url: '/user',
			qs: {},
			body: { ...VECTORS[1].parameters },
			headers: { Accept: 'application/json', 'content-type': 'application/json' },
		});
		expect(signed.qs).toBeUndefined();
		expect(signed.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' });
		expect(signed.body).toBe(
			`api_key=abc123key&format=json&json=${encodeURIComponent(VECTORS[1].json).replace(/%20/g, '+')}&sig=${VECTORS[1].sig}`,
		);
	});

	test('parameters already in the query are signed too (body first), signing parameters are not', () => {
		const signed = signRequest(keys, {
			method: 'GET',
			url: '/user',
			qs: { key: 'sms', id: 'ignored-because-body-has-it', sig: 'stale', api_key: 'stale' },
			body: { id: '+15551234567' },
		});
		const json = '{"id":"+15551234567","key":"sms"}';
		expect(signed.qs).toEqual({
			api_key: 'abc123key',
			format: 'json',
			json,
			sig: md5(`shhh-secret${['abc123key', 'json', json].sort().join('')}`),
		});
	});

	test('signing an already signed request changes nothing (n8n re-authenticates after a 401)', () => {
		for (const method of ['GET', 'POST'] as const) {
			const once = signRequest(keys, { method, url: '/user', body: { ...VECTORS[1].parameters } });
			expect(callParameters(once)).toEqual(VECTORS[1].parameters);
			expect(signRequest(keys, once)).toEqual(once);
		}
	});

	test('an empty call signs {} (the credential test)', () => {
		const signed = signRequest(keys, { method: 'GET', url: '/list', qs: {}, body: {} });
		expect(signed.qs!.json).toBe('{}');
		expect(signed.qs!.sig).toBe(md5(`shhh-secret${['abc123key', 'json', '{}'].sort().join('')}`));
	});

	test('the credential authenticate is this signing, with the credential values', async () => {
		const credential = new SailthruApi();
		expect(typeof credential.authenticate).toBe('function');
		const signed = await credential.authenticate(
			{ apiKey: ' abc123key ', apiSecret: 'shhh-secret', baseUrl: 'https://api.sailthru.com' },
			{ method: 'GET', url: '/user', body: { ...VECTORS[0].parameters } },
		);
		expect(signed.qs).toEqual({ api_key: 'abc123key', format: 'json', json: VECTORS[0].json, sig: VECTORS[0].sig });
		expect(JSON.stringify(signed)).not.toContain('shhh-secret');
	});
});

describe('file uploads (multipart/form-data)', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { buildMultipart, multipartContentType, parseMultipart } = require('../../nodes/Sailthru/lib/multipart');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SailthruUtil } = require('sailthru-client/lib/sailthru_util');

	test('the node`s json + file body becomes api_key, format, json, sig, file; sig over the first three', () => {
		const boundary = '----n8nSailthruTest';
		const json = '{"job":"import","list":"Newsletter"}';
		const csv = Buffer.from('email\nann@example.com\n', 'utf8');
		const signed = signRequest(VECTOR_KEYS, {
			method: 'POST',
			url: '/job',
			headers: { Accept: 'application/json', 'content-type': multipartContentType(boundary) },
			body: buildMultipart(boundary, [
				{ name: 'json', data: Buffer.from(json) },
				{ name: 'file', data: csv, fileName: 'users.csv', contentType: 'text/csv' },
			]),
		});
		expect(signed.headers).toEqual({ Accept: 'application/json', 'Content-Type': `multipart/form-data; boundary=${boundary}` });
		expect(signed.qs).toBeUndefined();
		const parts = parseMultipart(boundary, signed.body as Buffer);
		expect(parts.map((part: any) => part.name)).toEqual(['api_key', 'format', 'json', 'sig', 'file']);
		const fields = Object.fromEntries(parts.slice(0, 4).map((part: any) => [part.name, part.data.toString()]));
		// The official client's own signing function over the same three values.
		const official = SailthruUtil.getSignatureHash({ api_key: 'abc123key', format: 'json', json }, 'shhh-secret');
		expect(fields).toEqual({ api_key: 'abc123key', format: 'json', json, sig: official });
		expect(official).toBe('143108f80189e063622bfed530b49317');
		expect(parts[4]).toEqual({ name: 'file', data: csv, fileName: 'users.csv', contentType: 'text/csv' });
		// The sandbox (written independently) parses the same body and accepts the signature.
		const parsed = sandboxSailthru.parseMultipart((signed.body as Buffer).toString('utf8'), `multipart/form-data; boundary=${boundary}`);
		expect(parsed.fields.sig).toBe(sandboxSailthru.expectedSignature('shhh-secret', { api_key: 'abc123key', format: 'json', json }));
	});
});
