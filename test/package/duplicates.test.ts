/**
 * No repeated blocks in nodes/ (issue 24), as jscpd finds them with `--min-lines 6`: the same run
 * of at least 50 tokens (jscpd's default), spanning at least 6 lines, in two places, within a file
 * or across files. Comments and white space do not count; imports do. Written for this tree, so
 * `npm test` needs no extra package (jscpd 4.3.0, run outside the repository, agrees: 0 clones).
 * A repeat is fixed at its root: one helper serves both places.
 */
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
const MIN_TOKENS = 50;
const MIN_LINES = 6;

interface Token {
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

const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`|[A-Za-z_$][\w$]*|\d+(?:\.\d+)?|=>|===|!==|\.\.\.|\?\?|\?\.|&&|\|\||[^\s]/g;

/** The tokens of a TypeScript text, comments left out, each with its line. */
export function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let line = 1;
	let last = 0;
	for (const match of text.matchAll(TOKEN)) {
		for (let at = last; at < match.index; at++) if (text.charCodeAt(at) === 10) line++;
		last = match.index;
		if (!match[0].startsWith('//') && !match[0].startsWith('/*')) tokens.push({ text: match[0], line });
	}
	return tokens;
}

/** Every run of MIN_TOKENS or more tokens over MIN_LINES or more lines found in two places. */
export function repeats(files: Array<{ name: string; text: string }>): string[] {
	const parsed = files.map((file) => tokenize(file.text));
	const ids = new Map<string, number>();
	const coded = parsed.map((tokens) =>
		tokens.map((token) => {
			if (!ids.has(token.text)) ids.set(token.text, ids.size + 1);
			return ids.get(token.text)!;
		}),
	);
	const seen = new Map<string, Array<{ file: number; at: number }>>();
	const found = new Set<string>();
	coded.forEach((codes, file) => {
		for (let at = 0; at + MIN_TOKENS <= codes.length; at++) {
			// A window's key: its token ids, so only equal windows share one.
			const key = codes.slice(at, at + MIN_TOKENS).join(',');
			const places = seen.get(key) ?? [];
			for (const other of places) {
				if (other.file === file && at - other.at < MIN_TOKENS) continue; // a run overlapping itself
				const [a, b] = [coded[other.file], codes];
				let start = 0;
				while (other.at + start > 0 && at + start > 0 && a[other.at + start - 1] === b[at + start - 1]) start--;
				let end = MIN_TOKENS;
				while (other.at + end < a.length && at + end < b.length && a[other.at + end] === b[at + end]) end++;
				const lines = (tokens: Token[], from: number) => [tokens[from + start].line, tokens[from + end - 1].line];
				const [aFirst, aLast] = lines(parsed[other.file], other.at);
				const [bFirst, bLast] = lines(parsed[file], at);
				if (aLast - aFirst + 1 < MIN_LINES) continue;
				found.add(`${files[other.file].name}:${aFirst}-${aLast} ~ ${files[file].name}:${bFirst}-${bLast}`);
			}
			places.push({ file, at });
			seen.set(key, places);
		}
	});
	return [...found].sort();
}

describe('copy-paste detector', () => {
	const block = [1, 2, 3, 4, 5, 6].map((n) => `const value${n} = compute(first${n}, second, third);`);

	it('finds a run of 50 tokens over six lines in two files, comments aside', () => {
		expect(
			repeats([
				{ name: 'x.ts', text: ['let x;', ...block].join('\n') },
				{ name: 'y.ts', text: ['// a comment', ...block.slice(0, 3), '/* another */', ...block.slice(3), 'let y;'].join('\n') },
			]),
		).toEqual(['x.ts:2-7 ~ y.ts:2-8']);
	});

	it('does not count five lines, or six lines of under 50 tokens, or two places in one run', () => {
		expect(repeats([{ name: 'x.ts', text: block.join('\n') }, { name: 'y.ts', text: block.slice(0, 5).join('\n') }])).toEqual([]);
		const short = ['a();', 'b();', 'c();', 'd();', 'e();', 'f();'].join('\n');
		expect(repeats([{ name: 'x.ts', text: short }, { name: 'y.ts', text: short }])).toEqual([]);
		expect(repeats([{ name: 'x.ts', text: block.join('\n') }])).toEqual([]);
	});

	it('finds no repeated block in nodes/', () => {
		const files = sources(join(ROOT, 'nodes')).map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
		expect(repeats(files)).toEqual([]);
	});
});
