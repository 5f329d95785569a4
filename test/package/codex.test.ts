/**
 * Codex files (`nodes/<Vendor>/<Name>.node.json`): what n8n reads from them and the values it
 * accepts. An unknown category does not fail anywhere in n8n: the node is silently misfiled in the
 * node panel, so this test is the only thing that catches it.
 *
 * Allowlist: the category list documented for codex files
 * (docs.n8n.io/integrations/creating-nodes/build/reference/node-codex-files/), which is also the
 * community-node subset of `KNOWN_CODEX_CATEGORIES` in n8n's lint rule `valid-codex-categories`
 * (@n8n/eslint-plugin-community-nodes). `AI` is reserved for nodes built with @n8n/ai-node-sdk
 * (rule `no-ai-codex-category`) and `subcategories` is not allowed in community nodes
 * (rule `no-codex-subcategories`), so neither is accepted here.
 *
 * Fields: n8n-core's DirectoryLoader.getCodex reads only `categories`, `subcategories`, `alias` and
 * `resources.{primaryDocumentation,credentialDocumentation}` (and gives up on the whole codex when
 * `resources` is missing); `node`, `nodeVersion` and `codexVersion` are the documented identity.
 */
import { readdirSync, readFileSync, existsSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string };

export const DOCUMENTED_CATEGORIES = new Set([
	'Data & Storage',
	'Finance & Accounting',
	'Marketing & Content',
	'Productivity',
	'Miscellaneous',
	'Sales',
	'Development',
	'Analytics',
	'Communication',
	'Utility',
]);

const TOP_LEVEL_KEYS = new Set(['node', 'nodeVersion', 'codexVersion', 'categories', 'alias', 'resources']);
const RESOURCE_KEYS = new Set(['primaryDocumentation', 'credentialDocumentation']);

/** Documentation pages that no longer exist (see README, development notes). */
const RETIRED_DOC_URLS = [/^https?:\/\/docs\.talkable\.com\/api_v2\//, /talkbox\.impactapp\.com\.au\/service\/v1\/docs/];

type Codex = Record<string, unknown>;

/** Every problem in one codex file, as sentences; empty when the file is valid. */
export function codexProblems(codex: Codex, expected: { node: string; version: number }): string[] {
	const problems: string[] = [];
	for (const key of Object.keys(codex)) {
		if (key === 'subcategories') problems.push('"subcategories" is not allowed in community nodes');
		else if (!TOP_LEVEL_KEYS.has(key)) problems.push(`unknown field "${key}"`);
	}
	if (codex.node !== expected.node) problems.push(`"node" is ${JSON.stringify(codex.node)}, expected "${expected.node}"`);
	const version = Number.isInteger(expected.version) ? `${expected.version}.0` : String(expected.version);
	if (codex.nodeVersion !== version) {
		problems.push(`"nodeVersion" is ${JSON.stringify(codex.nodeVersion)}, the node's version is "${version}"`);
	}
	if (codex.codexVersion !== '1.0') problems.push('"codexVersion" must be "1.0"');

	const categories = codex.categories;
	if (!Array.isArray(categories) || categories.length === 0) {
		problems.push('"categories" must be a non-empty array');
	} else {
		for (const category of categories) {
			if (typeof category !== 'string' || !DOCUMENTED_CATEGORIES.has(category)) {
				problems.push(`category ${JSON.stringify(category)} is not in n8n's documented list`);
			}
		}
		if (new Set(categories).size !== categories.length) problems.push('"categories" has duplicates');
	}

	if (codex.alias !== undefined) {
		const alias = codex.alias;
		if (!Array.isArray(alias) || alias.some((entry) => typeof entry !== 'string' || !entry.trim())) {
			problems.push('"alias" must be an array of non-empty strings');
		} else if (new Set(alias.map((entry: string) => entry.toLowerCase())).size !== alias.length) {
			problems.push('"alias" has duplicates');
		}
	}

	const resources = codex.resources as Record<string, unknown> | undefined;
	if (!resources || typeof resources !== 'object' || Array.isArray(resources)) {
		problems.push('"resources" is required (n8n drops the whole codex without it)');
	} else {
		for (const key of Object.keys(resources)) {
			if (!RESOURCE_KEYS.has(key)) problems.push(`unknown resources field "${key}"`);
		}
		for (const key of RESOURCE_KEYS) {
			const links = resources[key];
			if (!Array.isArray(links) || links.length === 0) {
				problems.push(`resources.${key} must list at least one link`);
				continue;
			}
			for (const link of links as Array<Record<string, unknown>>) {
				const url = link?.url;
				if (typeof url !== 'string' || !/^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/.test(url)) {
					problems.push(`resources.${key} has a link that is not an https URL: ${JSON.stringify(url)}`);
				} else if (RETIRED_DOC_URLS.some((pattern) => pattern.test(url))) {
					problems.push(`resources.${key} points at a retired page: ${url}`);
				}
				for (const field of Object.keys(link ?? {})) {
					if (field !== 'url') problems.push(`resources.${key} link has unknown field "${field}"`);
				}
			}
		}
	}
	return problems;
}

type NodeClass = new () => { description: { name: string; version: number | number[] } };

/** Every `<Name>.node.ts` under nodes/, with its codex path. */
function nodeFiles() {
	const found: Array<{ dir: string; base: string }> = [];
	for (const dir of readdirSync(join(ROOT, 'nodes'))) {
		if (dir === 'shared') continue;
		const full = join(ROOT, 'nodes', dir);
		for (const file of readdirSync(full)) {
			if (file.endsWith('.node.ts')) found.push({ dir, base: file.slice(0, -'.node.ts'.length) });
		}
	}
	return found;
}

function loadDescription(dir: string, base: string) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(ROOT, 'nodes', dir, `${base}.node.ts`)) as Record<string, NodeClass>;
	const NodeType = module[base] ?? Object.values(module).find((value) => typeof value === 'function');
	if (!NodeType) throw new Error(`nodes/${dir}/${base}.node.ts exports no node class`);
	return new NodeType().description;
}

describe('codex files', () => {
	const nodes = nodeFiles();

	it('every node has a codex file next to it, and every codex file belongs to a node', () => {
		expect(nodes.length).toBeGreaterThanOrEqual(4);
		for (const { dir, base } of nodes) {
			expect(existsSync(join(ROOT, 'nodes', dir, `${base}.node.json`)) ? `${base}.node.json` : `missing for ${base}`).toBe(
				`${base}.node.json`,
			);
		}
		const codexFiles = readdirSync(join(ROOT, 'nodes'))
			.filter((dir) => dir !== 'shared')
			.flatMap((dir) => readdirSync(join(ROOT, 'nodes', dir)).filter((file) => file.endsWith('.node.json')).map((file) => `${dir}/${file}`));
		expect(codexFiles.sort()).toEqual(nodes.map(({ dir, base }) => `${dir}/${base}.node.json`).sort());
	});

	it.each(nodeFiles().map(({ dir, base }) => [`${dir}/${base}.node.json`, dir, base]))(
		'%s uses only documented fields and values',
		(_label, dir, base) => {
			const description = loadDescription(dir, base);
			const version = Array.isArray(description.version)
				? Math.max(...description.version)
				: description.version;
			const codex = JSON.parse(readFileSync(join(ROOT, 'nodes', dir, `${base}.node.json`), 'utf8')) as Codex;
			expect(codexProblems(codex, { node: `${PACKAGE.name}.${description.name}`, version })).toEqual([]);
		},
	);

	it('every main node is filed under Marketing & Content and has search aliases', () => {
		for (const { dir, base } of nodes.filter(({ base }) => !base.endsWith('Trigger'))) {
			const codex = JSON.parse(readFileSync(join(ROOT, 'nodes', dir, `${base}.node.json`), 'utf8')) as Codex;
			expect({ base, categories: codex.categories }).toEqual({ base, categories: expect.arrayContaining(['Marketing & Content']) });
			expect({ base, aliases: Array.isArray(codex.alias) && codex.alias.length > 0 }).toEqual({ base, aliases: true });
		}
		const personaClick = JSON.parse(readFileSync(join(ROOT, 'nodes/PersonaClick/PersonaClick.node.json'), 'utf8')) as Codex;
		expect(personaClick.alias).toContain('REES46');
	});

	it('credential documentation links are https and not retired pages', () => {
		for (const file of readdirSync(join(ROOT, 'credentials')).filter((name) => name.endsWith('.credentials.ts'))) {
			const source = readFileSync(join(ROOT, 'credentials', file), 'utf8');
			const url = /documentationUrl\s*=\s*'([^']+)'/.exec(source)?.[1];
			expect({ file, url: url && /^https:\/\/\S+$/.test(url) }).toEqual({ file, url: true });
			expect({ file, retired: RETIRED_DOC_URLS.some((pattern) => pattern.test(url!)) }).toEqual({ file, retired: false });
		}
	});

	describe('the checker itself', () => {
		const valid: Codex = {
			node: 'n8n-nodes-engagement.talkable',
			nodeVersion: '1.0',
			codexVersion: '1.0',
			categories: ['Marketing & Content', 'Sales'],
			alias: ['Referral'],
			resources: {
				credentialDocumentation: [{ url: 'https://www.talkable.com/api-docs/' }],
				primaryDocumentation: [{ url: 'https://www.talkable.com/api-docs/' }],
			},
		};
		const expected = { node: 'n8n-nodes-engagement.talkable', version: 1 };

		it('accepts a valid codex', () => {
			expect(codexProblems(valid, expected)).toEqual([]);
		});

		it.each([
			[{ categories: ['Marketing'] }, 'category "Marketing" is not in n8n\'s documented list'],
			[{ categories: ['AI'] }, 'category "AI" is not in n8n\'s documented list'],
			[{ categories: ['marketing & content'] }, 'category "marketing & content" is not in n8n\'s documented list'],
			[{ categories: [] }, '"categories" must be a non-empty array'],
			[{ subcategories: { 'Marketing & Content': ['Tools'] } }, '"subcategories" is not allowed in community nodes'],
			[{ aliases: ['x'] }, 'unknown field "aliases"'],
			[{ alias: ['REES46', 'rees46'] }, '"alias" has duplicates'],
			[{ alias: 'REES46' }, '"alias" must be an array of non-empty strings'],
			[{ node: 'n8n-nodes-base.talkable' }, '"node" is "n8n-nodes-base.talkable", expected "n8n-nodes-engagement.talkable"'],
			[{ nodeVersion: '2.0' }, '"nodeVersion" is "2.0", the node\'s version is "1.0"'],
			[{ resources: undefined }, '"resources" is required (n8n drops the whole codex without it)'],
			[
				{ resources: { primaryDocumentation: [{ url: 'https://docs.talkable.com/api_v2/people.html' }], credentialDocumentation: [{ url: 'https://www.talkable.com/api-docs/' }] } },
				'resources.primaryDocumentation points at a retired page: https://docs.talkable.com/api_v2/people.html',
			],
			[
				{ resources: { primaryDocumentation: [{ url: 'http://example.com/' }], credentialDocumentation: [{ url: 'https://www.talkable.com/api-docs/' }] } },
				'resources.primaryDocumentation has a link that is not an https URL: "http://example.com/"',
			],
		])('rejects %j', (change, problem) => {
			expect(codexProblems({ ...valid, ...change }, expected)).toContain(problem);
		});
	});
});
