'use strict';
/**
 * This package as n8n sees it: build it, pack it, and discover which nodes and credentials the
 * build provides (from package.json's `n8n` section), matched with the vendor sandboxes present
 * under sandbox/vendors/. Nothing here is vendor-specific except the VENDORS table, which says
 * which sandbox serves which credential type.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, LOG_DIR, ensureDir, readJson, run } = require('./util');
const { npmEnv, NPM } = require('./runtimes');
const { loadVendor } = require('../../sandbox');

const PACKAGE = readJson(path.join(ROOT, 'package.json')).name;

/**
 * One row per vendor: node type name, credential type name and sandbox module name. A vendor
 * takes part in start/e2e once its node is in package.json's `n8n.nodes` and its sandbox module
 * exists; rows for vendors not built yet are simply skipped.
 */
const VENDORS = [
	{ vendor: 'Talkable', node: 'talkable', credential: 'talkableApi', sandbox: 'talkable' },
	{ vendor: 'TalkBox', node: 'talkBox', credential: 'talkBoxApi', sandbox: 'talkbox' },
	{ vendor: 'Sailthru', node: 'sailthru', credential: 'sailthruApi', sandbox: 'sailthru' },
	{ vendor: 'PersonaClick', node: 'personaClick', credential: 'personaClickApi', sandbox: 'personaclick' },
];

/** Fixed credential IDs (n8n IDs are at most 16 characters), so later imports update in place. */
const credentialId = (type) => `sbx${type[0].toUpperCase()}${type.slice(1).replace(/Api$/, '')}`;
const credentialName = (vendor) => `${vendor} sandbox`;
/** The node type as saved in workflows when the package is installed as a community package. */
const nodeType = (name) => `${PACKAGE}.${name}`;

async function build(logFile = path.join(ensureDir(LOG_DIR), 'build.log')) {
	await run(NPM, ['run', 'build'], { cwd: ROOT, logFile, env: npmEnv() });
}

/** `npm pack` into `into` (default .runtime/pack/, emptied first), returning the tarball path. */
async function pack(logFile = path.join(ensureDir(LOG_DIR), 'build.log'), into = path.join(ROOT, '.runtime', 'pack')) {
	const dir = ensureDir(into);
	for (const old of fs.readdirSync(dir)) fs.rmSync(path.join(dir, old), { force: true });
	const { stdout } = await run(NPM, ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, logFile, env: npmEnv() });
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return path.join(dir, info.filename);
}

function loadClass(file) {
	const exports = require(path.join(ROOT, file));
	const Cls = Object.values(exports).find((value) => typeof value === 'function');
	if (!Cls) throw new Error(`${file} exports no class`);
	return new Cls();
}

/**
 * What the build provides: nodes (type name → description) and credentials (type name →
 * instance), read from the built files package.json lists. Listed files that do not exist are
 * returned as `missingFiles`.
 */
function discover() {
	const manifest = readJson(path.join(ROOT, 'package.json')).n8n || {};
	// Files package.json lists but the build has not produced (a vendor still being written).
	const missingFiles = [...(manifest.nodes || []), ...(manifest.credentials || [])].filter(
		(file) => !fs.existsSync(path.join(ROOT, file)),
	);
	const built = (files) => (files || []).filter((file) => !missingFiles.includes(file));
	const nodes = {};
	for (const file of built(manifest.nodes)) {
		const description = loadClass(file).description;
		nodes[description.name] = { file, description };
	}
	const credentials = {};
	for (const file of built(manifest.credentials)) {
		const credential = loadClass(file);
		credentials[credential.name] = { file, credential };
	}
	const sandboxDir = path.join(ROOT, 'sandbox', 'vendors');
	const sandboxes = fs.existsSync(sandboxDir)
		? fs.readdirSync(sandboxDir).filter((f) => f.endsWith('.js')).map((f) => f.replace(/\.js$/, ''))
		: [];
	const vendors = VENDORS.filter((row) => nodes[row.node] || credentials[row.credential]).map((row) => ({
		...row,
		hasNode: Boolean(nodes[row.node]),
		hasCredential: Boolean(credentials[row.credential]),
		hasSandbox: sandboxes.includes(row.sandbox),
	}));
	// A vendor's triggers (`<node>Trigger`, `<node>InstantTrigger`) belong to its row.
	const ownTrigger = (row, name) => new RegExp(`^${row.node}(Instant)?Trigger$`).test(name);
	const unknownNodes = Object.keys(nodes).filter((name) => !VENDORS.some((row) => row.node === name || ownTrigger(row, name)));
	return { nodes, credentials, sandboxes, vendors, unknownNodes, missingFiles };
}

/**
 * How n8n should load the package: as asked, else the packed tarball, unless package.json lists
 * files the build has not produced (n8n refuses such a package as a whole; dist/ loaded through
 * N8N_CUSTOM_EXTENSIONS still gives the vendors that are built).
 */
function chooseLoad(discovered, requested, log) {
	if (requested) return requested;
	if (discovered.missingFiles.length === 0) return 'package';
	log(`WARNING: package.json lists files the build did not produce: ${discovered.missingFiles.join(', ')}`);
	log('         n8n would refuse the whole package, so dist/ is loaded via N8N_CUSTOM_EXTENSIONS (node types CUSTOM.<name>).');
	return 'custom';
}

/** Sandbox credential data for a vendor, in the shape `n8n import:credentials` takes. */
function sandboxCredential(row, sandboxOrigin) {
	const module = loadVendor(row.sandbox);
	return {
		id: credentialId(row.credential),
		name: credentialName(row.vendor),
		type: row.credential,
		data: { ...module.credentials, baseUrl: `${sandboxOrigin}${module.prefix}` },
	};
}

/** The names of a credential's password-type fields. */
function secretFields(credentialInstance) {
	return credentialInstance.properties.filter((p) => p.typeOptions && p.typeOptions.password).map((p) => p.name);
}

/** Credential data with every password-type field replaced by a wrong value. */
function withWrongSecrets(credentialInstance, data) {
	const wrong = { ...data };
	const fields = secretFields(credentialInstance);
	for (const name of fields) wrong[name] = `wrong-${data[name] || 'secret'}`;
	return { data: wrong, fields };
}

module.exports = {
	PACKAGE,
	VENDORS,
	build,
	pack,
	discover,
	chooseLoad,
	nodeType,
	credentialId,
	credentialName,
	sandboxCredential,
	secretFields,
	withWrongSecrets,
};
