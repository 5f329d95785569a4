/**
 * Our nodes run against the n8n-workflow of whatever n8n loads them (the peer dependency): every
 * value they import from it must exist in both n8n lines. n8n 2.x's n8n-workflow dropped
 * `sleepWithAbort`, for instance (a retry that used it failed there with "is not a function").
 * Type-only imports do not matter at run time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Values exported by n8n-workflow 1.120 (n8n 1.123) and 2.41 (n8n 2.41) alike, that we use. */
const IN_BOTH_LINES = ['NodeApiError', 'NodeConnectionTypes', 'NodeHelpers', 'NodeOperationError', 'sleep'];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

test('every value imported from n8n-workflow exists in both n8n lines', () => {
	const root = join(__dirname, '..', '..');
	const used = new Set<string>();
	for (const file of [...sourceFiles(join(root, 'nodes')), ...sourceFiles(join(root, 'credentials'))]) {
		const text = readFileSync(file, 'utf8');
		for (const match of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'n8n-workflow'/g)) {
			if (match[1]) continue;
			for (const part of match[2].split(',')) {
				const name = part.trim().replace(/\s+as\s+.*$/, '');
				if (name && !name.startsWith('type ')) used.add(name);
			}
		}
	}
	expect(used.size).toBeGreaterThan(0);
	expect([...used].filter((name) => !IN_BOTH_LINES.includes(name))).toEqual([]);
});

test('the list above matches the n8n-workflow this repository tests with', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require('n8n-workflow') as Record<string, unknown>;
	for (const name of IN_BOTH_LINES) expect(exported[name]).toBeDefined();
});
