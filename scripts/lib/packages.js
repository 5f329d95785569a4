'use strict';
/**
 * The five npm packages built from this repository (issue 24): one per vendor, which n8n can
 * verify (one third-party service per package), and n8n-nodes-engagement, all four in one.
 *
 * A vendor package is cut from the repository's own build, not compiled again:
 *   dist/nodes/<Vendor>/**, dist/nodes/shared/**, dist/credentials/<Vendor>Api.credentials.js and
 *   the vendor's two icons, with a package.json whose `n8n` section lists only that vendor's nodes
 *   and credential, the LICENSE, and a README (title, nodes/<Vendor>/README.md, then the
 *   operations read from the built node, compatibility and installation).
 * Every relative require of every packed file must resolve inside the package: a vendor that
 * imported another vendor's code would fail here, not in a user's n8n.
 *
 * `sourceTree` lays out the same package as TypeScript sources (with the default
 * eslint.config.mjs and node_modules linked), which is what `n8n-node lint` checks.
 *
 * `npm run pack:all` writes the five tarballs to .packages/ (git-ignored).
 */
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, ensureDir, readJson, run, writeJson } = require('./util');
const runtimes = require('./runtimes');
const { VENDORS } = require('./package');

const OUT_DIR = path.join(ROOT, '.packages');
const ROOT_PACKAGE = readJson(path.join(ROOT, 'package.json'));
const ALL_IN_ONE = ROOT_PACKAGE.name;

/** One row per vendor package: npm name, vendor folder under nodes/, icon base name. */
const VENDOR_PACKAGES = VENDORS.map((row) => ({
	...row,
	name: `n8n-nodes-${row.vendor.toLowerCase()}`,
	icon: row.vendor.toLowerCase(),
	credentialFile: `${row.vendor}Api.credentials`,
}));

const inVendor = (row) => (file) => file.startsWith(`dist/nodes/${row.vendor}/`) || file === `dist/credentials/${row.credentialFile}.js`;

/** The package.json of a vendor package (no scripts, no devDependencies, no runtime dependencies). */
function manifest(row, description) {
	const { n8n } = ROOT_PACKAGE;
	return {
		name: row.name,
		version: ROOT_PACKAGE.version,
		description,
		keywords: ['n8n-community-node-package', row.vendor.toLowerCase()],
		license: ROOT_PACKAGE.license,
		homepage: `${ROOT_PACKAGE.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/tree/main/nodes/${row.vendor}#readme`,
		author: ROOT_PACKAGE.author,
		repository: { ...ROOT_PACKAGE.repository, directory: `nodes/${row.vendor}` },
		files: ['dist'],
		n8n: {
			n8nNodesApiVersion: n8n.n8nNodesApiVersion,
			strict: n8n.strict,
			credentials: n8n.credentials.filter(inVendor(row)),
			nodes: n8n.nodes.filter(inVendor(row)),
		},
		peerDependencies: ROOT_PACKAGE.peerDependencies,
		publishConfig: ROOT_PACKAGE.publishConfig,
	};
}

/** Files under `dir` (relative paths, sorted), recursively. */
function listFiles(dir, base = dir) {
	const out = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...listFiles(full, base));
		else out.push(path.relative(base, full));
	}
	return out.sort();
}

function copy(from, to) {
	ensureDir(path.dirname(to));
	fs.copyFileSync(from, to);
}

/** Copies `relative` paths (files or folders) from ROOT to `dir`, keeping their place. */
function copyPaths(dir, relatives) {
	for (const relative of relatives) {
		const from = path.join(ROOT, relative);
		if (!fs.existsSync(from)) throw new Error(`${relative} does not exist (run npm run build first)`);
		if (fs.statSync(from).isDirectory()) for (const file of listFiles(from)) copy(path.join(from, file), path.join(dir, relative, file));
		else copy(from, path.join(dir, relative));
	}
}

/** Loads a built node or credential class from the repository's dist/. */
function loadBuilt(file) {
	const Cls = Object.values(require(path.join(ROOT, file))).find((value) => typeof value === 'function');
	return new Cls();
}

/** A built node's operations by resource ({ resource, operations: [names] }), from its resource/operation options. */
function operationsByResource(description) {
	const resource = description.properties.find((p) => p.name === 'resource');
	return resource.options.map((option) => ({
		resource: option.name,
		operations: description.properties
			.filter((p) => p.name === 'operation' && (p.displayOptions?.show?.resource || []).includes(option.value))
			.flatMap((p) => p.options.map((o) => o.name)),
	}));
}

function readme(row, files) {
	const nodes = files.nodes.map(loadBuilt).map((node) => node.description);
	const action = nodes.find((d) => d.name === row.node);
	const triggers = nodes.filter((d) => d.name !== row.node);
	const credential = loadBuilt(files.credentials[0]);
	const intro = fs.readFileSync(path.join(ROOT, 'nodes', row.vendor, 'README.md'), 'utf8').trim();
	const resources = operationsByResource(action);
	const count = resources.reduce((n, r) => n + r.operations.length, 0);
	return [
		`# ${row.name}`,
		'',
		`n8n community nodes for ${row.vendor}: the **${action.displayName}** node (${count} operations, usable as an AI Agent tool), ${triggers.map((t) => `the **${t.displayName}**`).join(' and ')}, and the **${credential.displayName}** credential.`,
		'',
		intro,
		'',
		'## Operations',
		'',
		'| Resource | Operations |',
		'| --- | --- |',
		...resources.map((r) => `| ${r.resource} | ${r.operations.join(', ')} |`),
		'',
		'## Compatibility',
		'',
		`Tested in real n8n ${runtimes.n8n1.version} (Node.js 20) and n8n ${runtimes.n8n2.version} (Node.js 24): this package installed alone as a community package (it loads, the credential test, one operation of each resource, the trigger); the same code in the all-in-one package also in queue mode. No runtime dependencies.`,
		'',
		'## Installation',
		'',
		`In n8n: **Settings → Community Nodes → Install**, package name \`${row.name}\`. Self-hosted, by hand: \`npm install ${row.name}\` in \`~/.n8n/nodes\`, then restart n8n.`,
		'',
		`**Choose one package per vendor.** The same nodes and credential also ship in \`${ALL_IN_ONE}\` (all four vendors in one package). n8n credential type names are global, so \`${row.name}\` and \`${ALL_IN_ONE}\` cannot be installed side by side. To switch, uninstall one, install the other, then open each workflow that uses ${row.vendor} nodes: the node type changes from \`${ALL_IN_ONE}.${row.node}\` to \`${row.name}.${row.node}\` (or back), so replace those nodes; saved ${row.vendor} credentials keep working, as the credential type \`${row.credential}\` is the same in both.`,
		'',
		'## License',
		'',
		`MIT. Source: ${ROOT_PACKAGE.repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}`,
		'',
	].join('\n');
}

/** Every relative require() of the JS files under `dir` resolves to a file inside `dir`. */
function assertSelfContained(dir) {
	const problems = [];
	for (const file of listFiles(dir).filter((f) => f.endsWith('.js'))) {
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		for (const [, spec] of text.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
			const target = path.resolve(path.dirname(path.join(dir, file)), spec);
			if (![target, `${target}.js`, `${target}.json`, path.join(target, 'index.js')].some((t) => fs.existsSync(t))) {
				problems.push(`${file} requires ${spec}, which is not in the package`);
			}
		}
	}
	if (problems.length) throw new Error(problems.join('\n'));
}

/** What a vendor package holds, as paths relative to the repository root. */
function vendorPaths(row, { source = false } = {}) {
	const icons = [`${row.icon}.svg`, `${row.icon}.dark.svg`];
	return source
		? [`nodes/${row.vendor}`, 'nodes/shared', `credentials/${row.credentialFile}.ts`, ...icons.map((i) => `icons/${i}`)]
		: [`dist/nodes/${row.vendor}`, 'dist/nodes/shared', `dist/credentials/${row.credentialFile}.js`, ...icons.map((i) => `dist/icons/${i}`)];
}

/** Lays out a vendor package in `dir` (emptied first) from the repository's build. */
function stageVendor(row, dir) {
	fs.rmSync(dir, { recursive: true, force: true });
	copyPaths(dir, vendorPaths(row));
	const action = loadBuilt(`dist/nodes/${row.vendor}/${row.vendor}.node.js`).description;
	const pkg = manifest(row, action.description);
	writeJson(path.join(dir, 'package.json'), pkg);
	copy(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
	fs.writeFileSync(path.join(dir, 'README.md'), readme(row, pkg.n8n));
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		if (!fs.existsSync(path.join(dir, file))) throw new Error(`${row.name}: package.json lists ${file}, which is not in the package`);
	}
	assertSelfContained(path.join(dir, 'dist'));
	return pkg;
}

/**
 * The package as TypeScript sources in `dir`, the way `n8n-node lint` expects a package folder:
 * package.json (strict), the default eslint.config.mjs, tsconfig.json and node_modules linked
 * from the repository. `row` undefined: the all-in-one package.
 */
function sourceTree(row, dir) {
	fs.rmSync(dir, { recursive: true, force: true });
	const paths = row ? vendorPaths(row, { source: true }) : ['nodes', 'credentials', 'icons'];
	copyPaths(dir, paths);
	const pkg = row ? manifest(row, 'lint copy') : ROOT_PACKAGE;
	writeJson(path.join(dir, 'package.json'), pkg);
	copy(path.join(ROOT, 'eslint.config.mjs'), path.join(dir, 'eslint.config.mjs'));
	const tsconfig = readJson(path.join(ROOT, 'tsconfig.json'));
	writeJson(path.join(dir, 'tsconfig.json'), { ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, types: ['node'] }, include: ['credentials/**/*', 'nodes/**/*'] });
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
	return pkg;
}

/** `npm pack` of a folder into `into`; returns the tarball's path. */
async function npmPack(dir, into, logFile) {
	const { stdout } = await run(runtimes.NPM, ['pack', '--json', '--pack-destination', into], { cwd: dir, logFile, env: runtimes.npmEnv() });
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('[')));
	return path.join(into, info.filename);
}

/**
 * Packs all five packages from the current build into .packages/ (emptied first). Returns
 * [{ name, vendor (row, or undefined for the all-in-one), tarball, dir }].
 */
async function packAll(logFile = path.join(ensureDir(path.join(ROOT, '.runtime', 'logs')), 'pack-all.log')) {
	fs.rmSync(OUT_DIR, { recursive: true, force: true });
	const stage = ensureDir(path.join(OUT_DIR, 'stage'));
	const packed = [{ name: ALL_IN_ONE, vendor: undefined, dir: ROOT, tarball: await npmPack(ROOT, OUT_DIR, logFile) }];
	for (const row of VENDOR_PACKAGES) {
		const dir = path.join(stage, row.name);
		stageVendor(row, dir);
		packed.push({ name: row.name, vendor: row, dir, tarball: await npmPack(dir, OUT_DIR, logFile) });
	}
	return packed;
}

module.exports = { OUT_DIR, ALL_IN_ONE, VENDOR_PACKAGES, packAll, sourceTree, stageVendor, operationsByResource, listFiles };
