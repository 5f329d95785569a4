'use strict';
/**
 * Execution summaries with each id once: where n8n listed one twice (running, then finished: see
 * `N8n.executions`), the entry that is not new or running, in the first one's place.
 */
function uniqueExecutions(results) {
	const byId = new Map();
	for (const summary of results) {
		const known = byId.get(String(summary.id));
		if (!known || ['new', 'running'].includes(known.status)) byId.set(String(summary.id), summary);
	}
	return [...byId.values()];
}

/**
 * Drive a real n8n install: CLI commands (import, execute), the server (`n8n start`, polled on
 * /healthz), the owner account and the REST endpoints the tests use. One `N8n` object is one
 * n8n user folder (SQLite database, encryption key, installed community packages) run by one
 * runtime from runtimes.js.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { request } = require('undici');

const { ROOT, ensureDir, freePorts, readJson, run, startBackground, waitFor, writeJson, LOG_DIR } = require('./util');
const { npmEnv, NPM } = require('./runtimes');

const PACKAGE = readJson(path.join(ROOT, 'package.json')).name;
const BROWSER_ID = 'n8n-nodes-engagement-scripts';

/** The owner account of the e2e's n8n instances (its runtime suites and its single-vendor packages). */
const E2E_OWNER = { email: 'e2e-owner@example.com', password: 'E2eOwner-Passw0rd', firstName: 'E2E', lastName: 'Owner' };

class N8n {
	/**
	 * @param {object} options
	 * @param {object} options.runtime   n8n1 or n8n2 from runtimes.js
	 * @param {string} options.home      N8N_USER_FOLDER
	 * @param {number} options.port      editor/REST port (listens on 127.0.0.1 only)
	 * @param {number} options.brokerPort task-runner broker port (must not clash with the sandbox)
	 * @param {{email: string, password: string, firstName: string, lastName: string}} options.owner
	 * @param {string} options.logName   file name stem for logs under .runtime/logs
	 * @param {object} [options.extraEnv] extra environment
	 * @param {'package'|'custom'} [options.load] how n8n gets our nodes: 'package' = the packed
	 *   tarball installed as a community package (node types `n8n-nodes-engagement.<name>`),
	 *   'custom' = N8N_CUSTOM_EXTENSIONS pointing at dist/ (node types `CUSTOM.<name>`)
	 * @param {string} [options.packageName] the installed package's name (default n8n-nodes-engagement;
	 *   a vendor package such as n8n-nodes-talkable gives node types `n8n-nodes-talkable.<name>`)
	 */
	/** An n8n on two free ports (its HTTP port and its task runners' broker). */
	static async onFreePorts(options) {
		const [port, brokerPort] = await freePorts(2);
		return new N8n({ ...options, port, brokerPort });
	}

	constructor(options) {
		this.load = 'package';
		this.packageName = PACKAGE;
		Object.assign(this, options);
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		this.cookie = undefined;
		this.server = undefined;
		ensureDir(LOG_DIR);
		this.logFile = path.join(LOG_DIR, `${this.logName}.log`);
	}

	env() {
		const env = {
			...npmEnv(),
			PATH: `${this.runtime.pathPrefix}${path.delimiter}${process.env.PATH}`,
			N8N_USER_FOLDER: this.home,
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			DB_SQLITE_POOL_SIZE: '2',
			N8N_LOG_LEVEL: 'info',
		};
		if (this.load === 'custom') env.N8N_CUSTOM_EXTENSIONS = path.join(ROOT, 'dist');
		if (this.runtime.major >= 2) {
			Object.assign(env, {
				N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
				N8N_INSTANCE_OWNER_EMAIL: this.owner.email,
				N8N_INSTANCE_OWNER_FIRST_NAME: this.owner.firstName,
				N8N_INSTANCE_OWNER_LAST_NAME: this.owner.lastName,
				N8N_INSTANCE_OWNER_PASSWORD_HASH: this.ownerPasswordHash(),
			});
		}
		return { ...env, ...(this.extraEnv || {}) };
	}

	/** bcrypt hash of the owner password, made with the bcrypt library n8n 2.x itself ships. */
	ownerPasswordHash() {
		if (!this.passwordHash) {
			const bcrypt = require(require.resolve('bcryptjs', { paths: [path.join(this.runtime.dir, 'node_modules', 'n8n')] }));
			this.passwordHash = bcrypt.hashSync(this.owner.password, 10);
		}
		return this.passwordHash;
	}

	/** Run an n8n CLI command to completion. */
	cli(args, options = {}) {
		return run(this.runtime.nodeBinary, [this.runtime.bin, ...args], {
			env: this.env(),
			cwd: this.home,
			logFile: this.logFile,
			...options,
		});
	}

	/** `n8n import:credentials` of a list of credentials (plain `data`; n8n encrypts on import). */
	async importCredentials(credentials, fileName = 'credentials.json') {
		const file = path.join(this.home, 'import', fileName);
		writeJson(file, credentials);
		await this.cli(['import:credentials', `--input=${file}`]);
	}

	/** The node type a workflow uses for one of our nodes, given how the package is loaded. */
	nodeType(name) {
		return this.load === 'custom' ? `CUSTOM.${name}` : `${this.packageName}.${name}`;
	}

	/** `n8n import:workflow` of a list of workflows (written with package node types). */
	async importWorkflows(workflows, fileName = 'workflows.json') {
		const file = path.join(this.home, 'import', fileName);
		const adapted = workflows.map((workflow) => ({
			...workflow,
			nodes: workflow.nodes.map((node) =>
				node.type.startsWith(`${PACKAGE}.`) ? { ...node, type: this.nodeType(node.type.slice(PACKAGE.length + 1)) } : node,
			),
		}));
		writeJson(file, adapted);
		await this.cli(['import:workflow', `--input=${file}`]);
	}

	/**
	 * `n8n execute --id=<id> --rawOutput`. Resolves to { ok, run, stdout, stderr }: `run` is the
	 * parsed run data (stdout carries log lines before the JSON document).
	 */
	async execute(workflowId) {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], { allowFailure: true });
		const parsed = parseRawOutput(result.stdout);
		return { ok: result.code === 0 && Boolean(parsed), code: result.code, run: parsed, stdout: result.stdout, stderr: result.stderr };
	}

	/** Start `n8n start` and wait until /healthz answers (and the REST API is up). */
	async start({ prefix, logLevel } = {}) {
		if (this.server && this.server.isAlive()) return;
		this.server = startBackground(this.runtime.nodeBinary, [this.runtime.bin, 'start'], {
			env: { ...this.env(), ...(logLevel ? { N8N_LOG_LEVEL: logLevel } : {}) },
			cwd: this.home,
			logFile: this.logFile,
			prefix,
		});
		const abort = () => (this.server.isAlive() ? undefined : `n8n exited early:\n${this.server.output().slice(-3000)}`);
		await waitFor(`n8n on ${this.baseUrl}/healthz`, async () => (await this.get('/healthz', { auth: false })).status === 200, {
			timeoutMs: 180000,
			abort,
		});
		// /healthz answers while n8n still replies "n8n is starting up. Please wait" (HTTP 200,
		// text/html) to everything else: wait for the REST API's JSON.
		await waitFor(
			`n8n REST API on ${this.baseUrl}`,
			async () => {
				const settings = await this.get('/rest/settings', { auth: false });
				return settings.status === 200 && typeof settings.body === 'object' && Boolean(settings.body.data);
			},
			{ timeoutMs: 120000, abort },
		);
	}

	async stop() {
		if (this.server) await this.server.stop();
		this.server = undefined;
	}

	/**
	 * Make the running server log a line of its own (a request for an unknown webhook, which n8n
	 * logs with its path) and wait until that line is in the log file: whatever n8n logged before
	 * it is then in the file too (one pipe, written in order).
	 */
	async syncLog() {
		const mark = `e2e-log-sync-${crypto.randomUUID()}`;
		const from = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
		const answer = await this.call('GET', `/webhook/${mark}`, undefined, { auth: false });
		await waitFor(
			`n8n's log line for GET /webhook/${mark} (answered HTTP ${answer.status}) in ${this.logFile}`,
			() => readFrom(this.logFile, from).includes(mark),
			{ timeoutMs: 30000, intervalMs: 50 },
		);
	}

	/** One REST call; returns { status, body, headers }. Sends the session cookie once logged in. */
	async call(method, urlPath, body, { auth = true } = {}) {
		const headers = { 'browser-id': BROWSER_ID, accept: 'application/json' };
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (auth && this.cookie) headers.cookie = this.cookie;
		const response = await request(`${this.baseUrl}${urlPath}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.body.text();
		let parsed = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			/* not JSON */
		}
		return { status: response.statusCode, body: parsed, headers: response.headers };
	}

	get(urlPath, options) {
		return this.call('GET', urlPath, undefined, options);
	}

	post(urlPath, body, options) {
		return this.call('POST', urlPath, body, options);
	}

	/**
	 * Make sure the owner account exists: n8n 1.x through POST /rest/owner/setup (once), n8n 2.x
	 * from the environment (N8N_INSTANCE_OWNER_*). Returns true when it was created now.
	 */
	async ensureOwner() {
		if (this.runtime.major >= 2) return false;
		const settings = await this.get('/rest/settings', { auth: false });
		const showSetup = settings.body && settings.body.data && settings.body.data.userManagement.showSetupOnFirstLoad;
		if (showSetup === false) return false;
		const response = await this.post('/rest/owner/setup', this.owner, { auth: false });
		if (response.status !== 200) {
			throw new Error(`owner setup failed: HTTP ${response.status} ${JSON.stringify(response.body)}`);
		}
		return true;
	}

	async login() {
		const response = await this.post(
			'/rest/login',
			{ emailOrLdapLoginId: this.owner.email, password: this.owner.password },
			{ auth: false },
		);
		if (response.status !== 200) throw new Error(`login failed: HTTP ${response.status} ${JSON.stringify(response.body)}`);
		const setCookie = [].concat(response.headers['set-cookie'] || []);
		const auth = setCookie.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (!auth) {
			throw new Error(`login answered without an n8n-auth cookie: ${JSON.stringify(response.headers)} ${JSON.stringify(response.body).slice(0, 300)}`);
		}
		this.cookie = auth;
		return response.body.data;
	}

	/** POST /rest/credentials/test for a stored credential, optionally with replaced data. */
	async testCredential(credential, data = credential.data) {
		const response = await this.post('/rest/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type: credential.type, data },
		});
		// An HTTP error (unknown credential type, no access) is not a credential-test verdict.
		if (response.status !== 200) {
			const message = response.body && response.body.message ? response.body.message : JSON.stringify(response.body);
			throw new Error(`POST /rest/credentials/test answered HTTP ${response.status}: ${message}`);
		}
		return response.body.data;
	}

	/** Activate an imported workflow (POST /rest/workflows/:id/activate with its current versionId; 1.x and 2.x). */
	async activateWorkflow(workflowId) {
		const current = await this.get(`/rest/workflows/${workflowId}`);
		const versionId = current.body && current.body.data && current.body.data.versionId;
		if (current.status !== 200 || !versionId) {
			throw new Error(`GET /rest/workflows/${workflowId} answered HTTP ${current.status}: ${JSON.stringify(current.body).slice(0, 300)}`);
		}
		const response = await this.post(`/rest/workflows/${workflowId}/activate`, { versionId });
		const data = response.body && response.body.data;
		if (response.status !== 200 || !data || !(data.active === true || data.activeVersionId)) {
			throw new Error(`activating workflow ${workflowId} answered HTTP ${response.status}: ${JSON.stringify(response.body).slice(0, 500)}`);
		}
		return data;
	}

	/**
	 * GET /rest/executions for one workflow: { count, results } (results newest first, as
	 * summaries), each execution once. n8n lists the running ones and the finished ones with two
	 * queries run side by side (ExecutionService.findLatestCurrentAndCompleted): one that finishes
	 * between them is in both, listed twice. Its finished entry is kept.
	 */
	async executions(workflowId, limit = 250) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const response = await this.get(`/rest/executions?filter=${filter}&limit=${limit}`);
		if (response.status !== 200) throw new Error(`GET /rest/executions: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
		const data = response.body.data;
		return Array.isArray(data) ? { count: data.length, results: uniqueExecutions(data) } : { ...data, results: uniqueExecutions(data.results) };
	}

	/**
	 * One stored execution (GET /rest/executions/:id) with its run data unflattened (n8n sends it
	 * as a `flatted` string, parsed with the flatted copy of this runtime), shaped like
	 * `n8n execute --rawOutput` output.
	 */
	async execution(id) {
		const response = await this.get(`/rest/executions/${id}`);
		if (response.status !== 200) throw new Error(`GET /rest/executions/${id}: HTTP ${response.status}`);
		const execution = response.body.data;
		const flatted = require(require.resolve('flatted', { paths: [path.join(this.runtime.dir, 'node_modules', 'n8n')] }));
		const data = typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data;
		return { ...execution, data };
	}

	/** Install the package tarball the way n8n installs community packages (~/.n8n/nodes). */
	async installPackage(tarball) {
		const nodesDir = ensureDir(path.join(this.home, '.n8n', 'nodes'));
		const manifest = path.join(nodesDir, 'package.json');
		if (!fs.existsSync(manifest)) writeJson(manifest, { name: 'installed-nodes', private: true, dependencies: {} });
		await run(
			NPM,
			['install', tarball, '--no-audit', '--no-fund', '--ignore-scripts', '--omit=dev', '--legacy-peer-deps', '--no-package-lock'],
			{ cwd: nodesDir, logFile: this.logFile, env: npmEnv() },
		);
	}
}

/** The text appended to a file since byte `from` ('' when there is none). */
function readFrom(file, from) {
	let handle;
	try {
		handle = fs.openSync(file, 'r');
		const size = fs.fstatSync(handle).size;
		if (size <= from) return '';
		const buffer = Buffer.alloc(size - from);
		fs.readSync(handle, buffer, 0, buffer.length, from);
		return buffer.toString('utf8');
	} catch {
		return '';
	} finally {
		if (handle !== undefined) fs.closeSync(handle);
	}
}

/** The JSON document `n8n execute --rawOutput` prints after its log lines. */
function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	for (let start = 0; start < lines.length; start += 1) {
		if (lines[start] !== '{') continue;
		const end = lines.indexOf('}', start);
		if (end === -1) break;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			/* a log line that happens to be "{": keep looking */
		}
	}
	return undefined;
}

/** Output items (their `json`) of a node in a parsed run, main output 0 by default. */
function nodeOutput(runData, nodeName, outputIndex = 0) {
	const runs = runData && runData.data && runData.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0) return undefined;
	const main = runs[runs.length - 1].data && runs[runs.length - 1].data.main;
	return ((main && main[outputIndex]) || []).map((item) => item.json);
}

function nodeError(runData, nodeName) {
	const runs = runData && runData.data && runData.data.resultData.runData[nodeName];
	return runs && runs.length ? runs[runs.length - 1].error : undefined;
}

function randomPassword() {
	// n8n requires 8+ characters with a digit and an upper-case letter.
	return `Sb${crypto.randomBytes(9).toString('base64url')}7x`;
}

module.exports = { N8n, E2E_OWNER, parseRawOutput, nodeOutput, nodeError, randomPassword, readFrom, uniqueExecutions };
