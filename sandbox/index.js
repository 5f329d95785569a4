'use strict';
/**
 * Local vendor sandbox: one node:http server on loopback that hosts every vendor under its own
 * path prefix (see vendors/*.js). It records every request it receives (for exact wire
 * assertions) and can inject faults (canned error responses, connection resets, delays) before
 * a vendor handler sees the request.
 *
 * Vendor module contract (sandbox/vendors/<name>.js):
 *   module.exports = {
 *     name: 'talkable',                    // key used in sandbox.url(name) etc.
 *     prefix: '/talkable/api/v2',          // mount path; the credential's baseUrl is origin + prefix
 *     credentials: { ... },                // credential data that the sandbox accepts (no baseUrl)
 *     create: () => ({ handle(req) { return { status, headers, body } }, state }),
 *   };
 * `req` is { method, path, query, headers, body, rawBody }: `path` is relative to the prefix,
 * `query` maps each name to a string (or an array when repeated), `body` is parsed JSON or form
 * data (or undefined). A handler may return a Promise. A string body is sent as is; anything else
 * is sent as JSON.
 */
const http = require('node:http');
const { URL } = require('node:url');

const fs = require('node:fs');
const path = require('node:path');

const openai = require('./openai');
const triggers = require('./triggers');

/** Every vendor that has a module in vendors/ (talkable, talkbox, sailthru, personaclick). */
const VENDOR_NAMES = ['talkable', 'talkbox', 'sailthru', 'personaclick'].filter((name) =>
	fs.existsSync(path.join(__dirname, 'vendors', `${name}.js`)),
);

function loadVendor(name) {
	// eslint-disable-next-line global-require
	return require(`./vendors/${name}`);
}

function parseQuery(searchParams) {
	const query = {};
	for (const key of new Set(searchParams.keys())) {
		const values = searchParams.getAll(key);
		query[key] = values.length > 1 ? values : values[0];
	}
	return query;
}

function parseBody(rawBody, contentType) {
	if (!rawBody) return undefined;
	if ((contentType || '').includes('application/x-www-form-urlencoded')) {
		return parseQuery(new URLSearchParams(rawBody));
	}
	try {
		return JSON.parse(rawBody);
	} catch {
		return rawBody;
	}
}

function matches(fault, vendor, req) {
	if (fault.vendor !== vendor) return false;
	if (fault.method && fault.method !== req.method) return false;
	if (fault.path && !(fault.path instanceof RegExp ? fault.path.test(req.path) : fault.path === req.path)) {
		return false;
	}
	return fault.times === undefined || fault.times > 0;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {{ port?: number, host?: string, vendors?: string[], log?: (line: string) => void }} [options]
 */
async function startSandbox(options = {}) {
	const host = options.host || '127.0.0.1';
	const names = options.vendors || VENDOR_NAMES;
	const modules = Object.fromEntries(names.map((name) => [name, loadVendor(name)]));
	let instances = {};
	const resetState = () => {
		instances = Object.fromEntries(names.map((name) => [name, modules[name].create()]));
	};
	resetState();

	const requests = [];
	let faults = [];
	/** Requests being answered right now, overall and per vendor, and the peaks (see stats()). */
	const emptyStats = () => ({ inFlight: 0, maxInFlight: 0, byVendor: {} });
	let stats = emptyStats();
	const vendorStats = (vendor) => (stats.byVendor[vendor] ??= { inFlight: 0, maxInFlight: 0, rateLimited: 0 });

	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'Content-Type': 'text/plain' });
				}
				res.end(`sandbox failure: ${error && error.stack}`);
			});
		});
	});

	async function handle(req, res, rawBody) {
		const url = new URL(req.url, 'http://sandbox.local');
		// A scripted OpenAI-compatible chat model for AI Agent tests (sandbox/openai.js).
		if (openai.serves(url.pathname)) return send(res, openai.handle(req, url, rawBody, requests));
		// Admin routes that fire trigger events at a URL or change vendor state (sandbox/triggers.js).
		if (url.pathname === '/_sandbox' || url.pathname.startsWith('/_sandbox/')) {
			return send(res, await triggers.handleAdmin(req.method, url.pathname, rawBody, (name) => instances[name]));
		}
		const vendor = names.find(
			(name) => url.pathname === modules[name].prefix || url.pathname.startsWith(`${modules[name].prefix}/`),
		);
		if (!vendor) {
			res.writeHead(404, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ error: `no sandbox vendor serves ${url.pathname}` }));
			return;
		}
		const record = {
			vendor,
			method: req.method,
			path: url.pathname.slice(modules[vendor].prefix.length) || '/',
			query: parseQuery(url.searchParams),
			headers: { ...req.headers },
			rawBody,
			body: parseBody(rawBody, req.headers['content-type']),
		};
		requests.push(record);
		if (options.log) options.log(`${vendor} ${req.method} ${record.path}`);

		const counter = vendorStats(vendor);
		stats.inFlight += 1;
		counter.inFlight += 1;
		stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
		counter.maxInFlight = Math.max(counter.maxInFlight, counter.inFlight);
		let counted = true;
		const done = () => {
			if (!counted) return;
			counted = false;
			stats.inFlight -= 1;
			counter.inFlight -= 1;
		};
		res.on('close', done);
		try {
			await answer(req, res, vendor, record, counter);
		} finally {
			done();
			// What the request got, for failure reports: a status, or the connection dropped.
			record.status = res.headersSent ? res.statusCode : 'connection dropped';
		}
	}

	async function answer(req, res, vendor, record, counter) {
		const limit = faults.find((candidate) => candidate.concurrencyLimit && matches(candidate, vendor, record));
		if (limit && counter.inFlight > limit.concurrencyLimit) {
			// A server that allows `concurrencyLimit` requests at once and refuses the rest.
			counter.rateLimited += 1;
			if (limit.delayMs) await sleep(limit.delayMs);
			send(res, {
				status: limit.status || 429,
				headers: limit.headers || {},
				body: limit.body === undefined ? { error: 'Too many concurrent requests' } : limit.body,
			});
			return;
		}
		const fault = faults.find((candidate) => !candidate.concurrencyLimit && matches(candidate, vendor, record));
		if (fault) {
			if (fault.times !== undefined) fault.times -= 1;
			if (fault.reset) {
				req.socket.destroy();
				return;
			}
			if (fault.cutBody) {
				// Headers and the start of a JSON body, then the rest never comes ('stall') or the
				// connection drops ('reset').
				res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
				res.write('{"ok":true,"result":{"person":{"email":"');
				if (fault.cutBody === 'reset') setTimeout(() => req.socket.destroy(), 20);
				return;
			}
			if (fault.delayMs) await sleep(fault.delayMs);
			if (fault.status) {
				// A function body answers from the request (e.g. a proxy that echoes it back).
				const body = typeof fault.body === 'function' ? fault.body(record) : fault.body;
				send(res, { status: fault.status, headers: fault.headers, body });
				return;
			}
		}
		const reply = await instances[vendor].handle(record);
		send(res, reply);
	}

	function send(res, reply) {
		const headers = { ...(reply.headers || {}) };
		let payload = '';
		if (typeof reply.body === 'string') {
			payload = reply.body;
		} else if (reply.body !== undefined) {
			payload = JSON.stringify(reply.body);
			if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
				headers['Content-Type'] = 'application/json; charset=utf-8';
			}
		}
		headers['Content-Length'] = Buffer.byteLength(payload);
		res.writeHead(reply.status || 200, headers);
		res.end(payload);
	}

	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port || 0, host, resolve);
	});
	const origin = `http://${host}:${server.address().port}`;

	return {
		origin,
		port: server.address().port,
		/** The credential baseUrl for a vendor. */
		url: (vendor) => `${origin}${modules[vendor].prefix}`,
		/** Credential data (with baseUrl) that the sandbox accepts for a vendor. */
		credentials: (vendor) => ({ ...modules[vendor].credentials, baseUrl: `${origin}${modules[vendor].prefix}` }),
		requests,
		requestsFor: (vendor) => requests.filter((r) => r.vendor === vendor),
		clearRequests: () => {
			requests.length = 0;
		},
		/**
		 * Queue a fault for a vendor. `fault` is one of: { status, headers?, body? } (a canned
		 * response; `body` may be a function of the recorded request, to echo it), { reset: true } (destroy the connection), { delayMs } (answer late, normally).
		 * Optional: method, path (string or RegExp, relative to the prefix), times (default: always).
		 * { cutBody: 'stall' | 'reset' }: headers and the first bytes of a body, then nothing more
		 * (until the client gives up) or a dropped connection.
		 * { concurrencyLimit: N, status?, headers?, body?, delayMs? }: a server that answers
		 * normally while at most N requests of the vendor are in flight and refuses the rest
		 * (default 429; e.g. headers { 'Retry-After': '1' }); it stays until clearFaults().
		 */
		fault: (vendor, fault) => {
			faults.push({ vendor, ...fault });
		},
		clearFaults: () => {
			faults = [];
		},
		/** Concurrency seen so far: { inFlight, maxInFlight, byVendor: { name: { inFlight, maxInFlight, rateLimited } } }. */
		stats: () => JSON.parse(JSON.stringify(stats)),
		resetStats: () => {
			const inFlight = stats.inFlight;
			const byVendor = Object.fromEntries(
				Object.entries(stats.byVendor).map(([name, v]) => [name, { inFlight: v.inFlight, maxInFlight: v.inFlight, rateLimited: 0 }]),
			);
			stats = { inFlight, maxInFlight: inFlight, byVendor };
		},
		/** The live vendor instance (its `state` can be seeded or inspected). */
		vendor: (vendor) => instances[vendor],
		reset: () => {
			resetState();
			faults = [];
			requests.length = 0;
			stats = emptyStats();
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startSandbox, VENDOR_NAMES, loadVendor };
