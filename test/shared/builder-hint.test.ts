/**
 * `builderHint` (nodes/builderHint.ts): every node and trigger carries one, of the shape n8n-workflow
 * 2.x declares (`IBuilderHint` in .runtime/n8n-2's interfaces.d.ts, read here, so a change there
 * fails this test), naming only resources, operations, option values and parameters the node
 * really has. n8n 1.x has no such field: its loader (n8n-core 1.x) must still take the package.
 *
 * The .d.ts comes from the n8n 2.x install (`npm start` or `npm run test:e2e` makes it). Without
 * it the shape test is skipped here, and `npm run test:e2e` runs this file again on n8n 2.x's
 * engine (test/engine-2), where the install is always present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PackageDirectoryLoader } from 'n8n-core';
import type { INodeProperties, INodeType } from 'n8n-workflow';

import type { BuilderHint } from '../../nodes/shared/builderHint';
import { PersonaClick } from '../../nodes/PersonaClick/PersonaClick.node';
import { PersonaClickTrigger } from '../../nodes/PersonaClick/PersonaClickTrigger.node';
import { Sailthru } from '../../nodes/Sailthru/Sailthru.node';
import { SailthruTrigger } from '../../nodes/Sailthru/SailthruTrigger.node';
import { Talkable } from '../../nodes/Talkable/Talkable.node';
import { TalkableTrigger } from '../../nodes/Talkable/TalkableTrigger.node';
import { TalkBox } from '../../nodes/TalkBox/TalkBox.node';
import { TalkBoxInstantTrigger } from '../../nodes/TalkBox/TalkBoxInstantTrigger.node';
import { TalkBoxTrigger } from '../../nodes/TalkBox/TalkBoxTrigger.node';

const ROOT = join(__dirname, '..', '..');
const DTS = join(ROOT, '.runtime', 'n8n-2', 'node_modules', 'n8n-workflow', 'dist', 'cjs', 'interfaces.d.ts');

const NODES: INodeType[] = [
	new Talkable(),
	new TalkBox(),
	new Sailthru(),
	new PersonaClick(),
	new TalkableTrigger(),
	new TalkBoxTrigger(),
	new TalkBoxInstantTrigger(),
	new SailthruTrigger(),
	new PersonaClickTrigger(),
];

const hintOf = (node: INodeType) => (node.description as { builderHint?: BuilderHint }).builderHint;

/** Fields of an interface in a .d.ts: name → { type text, optional }. */
function interfaceFields(dts: string, name: string): Map<string, { type: string; optional: boolean }> {
	const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(dts);
	if (!body) throw new Error(`interface ${name} not found in ${DTS}`);
	const fields = new Map<string, { type: string; optional: boolean }>();
	const withoutComments = body[1].replace(/\/\*[\s\S]*?\*\//g, '');
	for (const match of withoutComments.matchAll(/^\s*(\w+)(\??):\s*([^;]+);/gm)) {
		fields.set(match[1], { optional: match[2] === '?', type: match[3].trim() });
	}
	return fields;
}

/** Parameters of a node shown for a resource/operation (other display conditions ignored). */
function shownFor(properties: INodeProperties[], resource?: string, operation?: string): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show ?? {};
		const matches = (key: string, value?: string) => value === undefined || !show[key] || (show[key] as unknown[]).includes(value);
		return matches('resource', resource) && matches('operation', operation);
	});
}

const optionValues = (property: INodeProperties) =>
	(property.options ?? []).map((option) => ('value' in option ? String(option.value) : undefined));

/**
 * Checks every backticked reference of a hint, in order: `param: value` (an option of that
 * parameter; `operation: x` an operation of the latest `resource: y`) and bare `param` (a
 * parameter shown for the latest resource and operation). Returns the problems and the count.
 */
function checkReferences(node: INodeType, text: string): { problems: string[]; checked: number } {
	const { properties } = node.description;
	const problems: string[] = [];
	let resource: string | undefined;
	let operation: string | undefined;
	let checked = 0;
	for (const [, reference] of text.matchAll(/`([^`]+)`/g)) {
		checked += 1;
		const pair = /^(\w+): (\w+)$/.exec(reference);
		if (pair) {
			const [, name, value] = pair;
			if (name === 'resource') operation = undefined;
			const candidates = shownFor(properties, name === 'operation' ? resource : undefined).filter((p) => p.name === name);
			if (!candidates.some((p) => optionValues(p).includes(value))) {
				problems.push(`${reference}${name === 'operation' ? ` (resource ${resource})` : ''} is not an option of the node`);
			}
			if (name === 'resource') resource = value;
			if (name === 'operation') operation = value;
		} else if (/^\w+$/.test(reference)) {
			if (!shownFor(properties, resource, operation).some((p) => p.name === reference)) {
				problems.push(`parameter ${reference} is not shown for resource ${resource}, operation ${operation}`);
			}
		} else {
			problems.push(`\`${reference}\` is neither \`parameter: value\` nor \`parameter\``);
		}
	}
	return { problems, checked };
}

const describeShape = existsSync(DTS) ? describe : describe.skip;

describeShape('builderHint matches IBuilderHint of n8n-workflow 2.x (.runtime/n8n-2)', () => {
	const fields = existsSync(DTS) ? interfaceFields(readFileSync(DTS, 'utf8'), 'IBuilderHint') : new Map();
	const typeChecks: Record<string, (value: unknown) => boolean> = { string: (value) => typeof value === 'string' };

	test('the .d.ts declares searchHint as an optional string', () => {
		expect(fields.get('searchHint')).toEqual({ optional: true, type: 'string' });
	});

	test.each(NODES.map((node) => [node.description.name, node] as const))('%s: every key is an IBuilderHint field of its type', (_, node) => {
		const hint = hintOf(node) as unknown as Record<string, unknown>;
		expect(Object.keys(hint).length).toBeGreaterThan(0);
		for (const [key, value] of Object.entries(hint)) {
			const field = fields.get(key);
			expect([key, field ? 'declared' : 'not in IBuilderHint']).toEqual([key, 'declared']);
			const check = typeChecks[field!.type];
			expect([key, field!.type, check ? check(value) : 'no check for this type']).toEqual([key, field!.type, true]);
		}
	});
});

describe('builderHint of every node and trigger', () => {
	test.each(NODES.map((node) => [node.description.name, node] as const))('%s: a short searchHint naming real options and parameters', (_, node) => {
		const hint = hintOf(node);
		expect(hint).toEqual({ searchHint: expect.any(String) });
		const text = hint!.searchHint;
		expect(text.length).toBeGreaterThan(100);
		expect(text.length).toBeLessThanOrEqual(700);
		const { problems, checked } = checkReferences(node, text);
		expect(problems).toEqual([]);
		expect(checked).toBeGreaterThanOrEqual(2);
	});

	test('action nodes name a resource and an operation for every ask', () => {
		for (const node of NODES.filter((n) => n.description.properties.some((p) => p.name === 'resource'))) {
			const text = hintOf(node)!.searchHint;
			expect([node.description.name, (text.match(/`operation: \w+`/g) ?? []).length >= 4]).toEqual([node.description.name, true]);
		}
	});

	test('the reference check catches an invented operation and a parameter of another operation', () => {
		const talkable = new Talkable();
		expect(checkReferences(talkable, '`resource: person`, `operation: createPurchase`').problems).toEqual([
			'operation: createPurchase (resource person) is not an option of the node',
		]);
		expect(checkReferences(talkable, '`resource: person`, `operation: unsubscribe` (`orderNumber`)').problems).toEqual([
			'parameter orderNumber is not shown for resource person, operation unsubscribe',
		]);
	});
});

test("n8n-core's package loader takes the built package with its builderHints", async () => {
	const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const missing = manifest.n8n.nodes.filter((file) => !existsSync(join(ROOT, file)));
	expect(missing).toEqual([]); // `npm run build` first (npm test does)
	const loader = new PackageDirectoryLoader(ROOT);
	await loader.loadAll();
	const loaded = new Map(loader.types.nodes.map((description) => [description.name, description as { builderHint?: unknown }]));
	expect([...loaded.keys()].sort()).toEqual(NODES.map((node) => node.description.name).sort());
	for (const node of NODES) expect(loaded.get(node.description.name)!.builderHint).toEqual(hintOf(node));
});
