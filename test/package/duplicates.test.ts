/**
 * No repeated blocks in nodes/ (issue 24): no run of 6 or more significant lines stands twice,
 * within a file or across files. Significant: not blank, not a comment, not an import, not lone
 * punctuation; white space is folded. This is jscpd's check (6+ lines, exact) written for this
 * tree, so `npm test` needs no extra package. A repeat is fixed at its root: one helper serves both.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
const MIN_LINES = 6;

interface Line {
	text: string;
	line: number;
}

function sources(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sources(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** The significant lines of a file, with their line numbers. */
export function significant(text: string): Line[] {
	const lines: Line[] = [];
	let inComment = false;
	let inImport = false;
	text.split('\n').forEach((raw, index) => {
		const line = raw.trim().replace(/\s+/g, ' ');
		if (inComment) {
			if (line.includes('*/')) inComment = false;
			return;
		}
		if (inImport) {
			if (/^\}( from '[^']+')?;$/.test(line)) inImport = false;
			return;
		}
		if (/^(import|export) (type )?\{$/.test(line)) {
			inImport = true;
			return;
		}
		if (line.startsWith('/*')) {
			inComment = !line.includes('*/');
			return;
		}
		if (line === '' || line.startsWith('//') || /^(import|export) .* from '[^']+';$/.test(line)) return;
		if (/^[\s()[\]{},;:]*$/.test(line)) return;
		lines.push({ text: line, line: index + 1 });
	});
	return lines;
}

/** Every run of MIN_LINES or more significant lines found in two places: "a.ts:10-20 ~ b.ts:40-50". */
export function repeats(files: Array<{ name: string; text: string }>): string[] {
	const seen = new Map<string, Array<{ file: number; at: number }>>();
	const parsed = files.map((file) => significant(file.text));
	parsed.forEach((lines, file) => {
		for (let at = 0; at + MIN_LINES <= lines.length; at++) {
			const key = lines
				.slice(at, at + MIN_LINES)
				.map((line) => line.text)
				.join('\n');
			const places = seen.get(key) ?? [];
			places.push({ file, at });
			seen.set(key, places);
		}
	});
	const found = new Set<string>();
	for (const places of seen.values()) {
		for (let i = 1; i < places.length; i++) {
			const [a, b] = [places[0], places[i]];
			if (a.file === b.file && b.at - a.at < MIN_LINES) continue; // one run overlapping itself
			// Report the whole run: extend both places while their lines stay equal.
			let start = 0;
			while (a.at + start > 0 && b.at + start > 0 && parsed[a.file][a.at + start - 1].text === parsed[b.file][b.at + start - 1].text) start--;
			let end = MIN_LINES;
			while (
				a.at + end < parsed[a.file].length &&
				b.at + end < parsed[b.file].length &&
				parsed[a.file][a.at + end].text === parsed[b.file][b.at + end].text
			)
				end++;
			const span = (file: number, at: number) =>
				`${files[file].name}:${parsed[file][at + start].line}-${parsed[file][at + end - 1].line}`;
			found.add(`${span(a.file, a.at)} ~ ${span(b.file, b.at)}`);
		}
	}
	return [...found].sort();
}

describe('copy-paste detector', () => {
	it('finds a repeated run of six lines across two files, and only a real one', () => {
		const block = ['const a = 1;', 'const b = 2;', 'const c = 3;', 'const d = 4;', 'const e = 5;', 'const f = 6;'];
		expect(repeats([
			{ name: 'x.ts', text: ['let x;', ...block].join('\n') },
			{ name: 'y.ts', text: ['// comment', ...block, 'let y;'].join('\n') },
		])).toEqual(['x.ts:2-7 ~ y.ts:2-7']);
		expect(repeats([
			{ name: 'x.ts', text: block.join('\n') },
			{ name: 'y.ts', text: block.slice(0, 5).join('\n') },
		])).toEqual([]);
	});

	it('finds no repeated block of six or more lines in nodes/', () => {
		const files = sources(join(ROOT, 'nodes')).map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
		expect(repeats(files)).toEqual([]);
	});
});
