/**
 * One layout for every vendor (issue 24): under nodes/<Vendor>/ only the node files, profile.ts and
 * README.md, and the folders resources/, methods/, trigger/ and lib/. resources/ has one folder
 * per resource of the node, each with index.ts and one <operation>.ts per operation. No file in
 * nodes/ is longer than 400 lines.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import type { INodeType } from 'n8n-workflow';

import { PersonaClick } from '../../nodes/PersonaClick/PersonaClick.node';
import { Sailthru } from '../../nodes/Sailthru/Sailthru.node';
import { TalkBox } from '../../nodes/TalkBox/TalkBox.node';
import { Talkable } from '../../nodes/Talkable/Talkable.node';
import { operationValues, resourceValues } from '../support/helpers';

const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['resources', 'methods', 'trigger', 'lib'];
const MAX_LINES = 400;

const NODES: Array<[string, INodeType]> = [
	['Talkable', new Talkable()],
	['TalkBox', new TalkBox()],
	['Sailthru', new Sailthru()],
	['PersonaClick', new PersonaClick()],
];

/** resource value → its operation values, read from the node's description. */
function operationsOf(node: INodeType): Map<string, string[]> {
	const properties = node.description.properties;
	return new Map(resourceValues(properties).map((resource) => [resource, operationValues(properties, resource)]));
}

function files(folder: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) found.push(...files(path));
		else found.push(path);
	}
	return found;
}

describe.each(NODES)('%s', (vendor, node) => {
	const folder = join(ROOT, 'nodes', vendor);

	it('holds only node files, profile.ts, README.md and the four folders at its root', () => {
		const stray = readdirSync(folder).filter((name) => {
			if (statSync(join(folder, name)).isDirectory()) return !FOLDERS.includes(name);
			return !/^[A-Za-z]+\.node\.(ts|json)$/.test(name) && name !== 'profile.ts' && name !== 'README.md';
		});
		expect(stray).toEqual([]);
	});

	it('has resources/<resource>/index.ts and one <operation>.ts per operation', () => {
		const operations = operationsOf(node);
		const missing: string[] = [];
		for (const [resource, values] of operations) {
			for (const file of ['index', ...values]) {
				const path = join(folder, 'resources', resource, `${file}.ts`);
				if (!existsSync(path)) missing.push(relative(ROOT, path));
			}
		}
		expect(missing).toEqual([]);
		const folders = readdirSync(join(folder, 'resources')).sort();
		expect(folders).toEqual([...operations.keys()].sort());
	});

	it(`has no file longer than ${MAX_LINES} lines`, () => {
		const long = files(folder)
			.filter((path) => path.endsWith('.ts'))
			.map((path) => [relative(ROOT, path), readFileSync(path, 'utf8').split('\n').length] as const)
			.filter(([, lines]) => lines > MAX_LINES);
		expect(long).toEqual([]);
	});
});
