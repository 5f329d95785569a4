/**
 * The shape of the code (issue 24): nothing in nodes/shared/ imports a vendor's folder, and no
 * module of nodes/ or credentials/ takes part in an import cycle. Every relative import counts,
 * type-only ones too (they still tie the modules together for a reader).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { dirname, join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');

function sources(folder: string): string[] {
	const found: string[] = [];
	const pending = [join(ROOT, folder)];
	for (let next = pending.pop(); next; next = pending.pop()) {
		for (const entry of readdirSync(next, { withFileTypes: true })) {
			const path = join(next, entry.name);
			if (entry.isDirectory()) pending.push(path);
			else if (entry.name.endsWith('.ts')) found.push(path);
		}
	}
	return found;
}

/** The relative imports (and re-exports) of a TypeScript file, resolved to files. */
function importsOf(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const targets: string[] = [];
	for (const match of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']*)'/gms)) {
		const base = join(dirname(file), match[1]);
		const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
		if (!target) throw new Error(`${relative(ROOT, file)}: cannot resolve '${match[1]}'`);
		targets.push(target);
	}
	return targets;
}

const FILES = [...sources('nodes'), ...sources('credentials')];
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));
const name = (file: string) => relative(ROOT, file);

/** Import cycles: every strongly connected group of more than one module (or a self-import). */
function cycles(): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const groups: string[][] = [];
	let counter = 0;
	// Tarjan's algorithm, iterative: a frame is a module and the position in its imports.
	for (const start of GRAPH.keys()) {
		if (index.has(start)) continue;
		const frames: Array<{ file: string; next: number }> = [{ file: start, next: 0 }];
		index.set(start, counter);
		low.set(start, counter++);
		stack.push(start);
		onStack.add(start);
		while (frames.length > 0) {
			const frame = frames[frames.length - 1];
			const targets = GRAPH.get(frame.file) ?? [];
			if (frame.next < targets.length) {
				const target = targets[frame.next++];
				if (!GRAPH.has(target)) continue;
				if (!index.has(target)) {
					index.set(target, counter);
					low.set(target, counter++);
					stack.push(target);
					onStack.add(target);
					frames.push({ file: target, next: 0 });
				} else if (onStack.has(target)) {
					low.set(frame.file, Math.min(low.get(frame.file)!, index.get(target)!));
				}
				continue;
			}
			frames.pop();
			if (frames.length > 0) {
				const parent = frames[frames.length - 1].file;
				low.set(parent, Math.min(low.get(parent)!, low.get(frame.file)!));
			}
			if (low.get(frame.file) === index.get(frame.file)) {
				const group: string[] = [];
				let member: string;
				do {
					member = stack.pop()!;
					onStack.delete(member);
					group.push(name(member));
				} while (member !== frame.file);
				if (group.length > 1 || targets.includes(frame.file)) groups.push(group.sort());
			}
		}
	}
	return groups;
}

test('the import graph is read: every node, credential and shared module, with their imports', () => {
	expect(FILES.length).toBeGreaterThan(100);
	expect(GRAPH.get(join(ROOT, 'nodes/shared/execute.ts'))).toContain(join(ROOT, 'nodes/shared/output.ts'));
	expect(GRAPH.get(join(ROOT, 'nodes/Sailthru/profile.ts'))).toContain(join(ROOT, 'nodes/shared/vendors.ts'));
});

test('nothing in nodes/shared/ imports a vendor folder', () => {
	const outward = [...GRAPH]
		.filter(([file]) => name(file).startsWith('nodes/shared/'))
		.flatMap(([file, targets]) => targets.filter((target) => !name(target).startsWith('nodes/shared/')).map((target) => `${name(file)} → ${name(target)}`));
	expect(outward).toEqual([]);
});

test('no import cycles in nodes/ and credentials/', () => {
	expect(cycles()).toEqual([]);
});

test('the cycle check finds a cycle (a two-module cycle added to the graph)', () => {
	const [a, b] = [join(ROOT, 'nodes/shared/record.ts'), join(ROOT, 'nodes/shared/redact.ts')];
	const saved = [GRAPH.get(a)!, GRAPH.get(b)!];
	GRAPH.set(a, [...saved[0], b]);
	GRAPH.set(b, [...saved[1], a]);
	try {
		expect(cycles()).toContainEqual(['nodes/shared/record.ts', 'nodes/shared/redact.ts']);
	} finally {
		GRAPH.set(a, saved[0]);
		GRAPH.set(b, saved[1]);
	}
});
