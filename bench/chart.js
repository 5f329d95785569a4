#!/usr/bin/env node
'use strict';
/**
 * bench/chart.svg from bench/results.json: a hand-written SVG (no dependencies). Two panels of
 * grouped horizontal bars, one bar per n8n line: A, the node executionTime medians; B, the
 * throughput (requests/s) single instance and in queue mode, with p50/p99. The machine, the
 * Node and n8n versions and the dates are written under them.
 *
 * `node bench/chart.js [results.json] [chart.svg]` redraws the chart without running anything.
 */
const fs = require('node:fs');
const path = require('node:path');

const WIDTH = 1140;
const LABEL_W = 400;
const BAR_X = LABEL_W + 20;
const BAR_MAX_W = 340;
const BAR_H = 14;
const ROW_GAP = 10;
const COLOURS = ['#4f7cac', '#e07a3f', '#6a9f58', '#9b6bb0'];
const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/** The measuring time of part B: rounds of seconds, alternated (older results: one window). */
const spell = (s) => (s.throughputRounds ? `${s.throughputRounds} alternated rounds of ${s.seconds} s` : `${s.seconds} s`);

const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const int = (value) => Math.round(value).toLocaleString('en-US');

/** ours ÷ each HTTP Request flavour of the same vendor on the same line: { predef, header, plain }. */
function ratios(line, row) {
	if (row.kind !== 'ours' || !Number.isFinite(row.median)) return undefined;
	const over = (kind) => {
		const peer = line.executionTime.find((r) => r.vendor === row.vendor && r.kind === kind);
		return peer && Number.isFinite(peer.median) && peer.median > 0 ? row.median / peer.median : undefined;
	};
	return { predef: over('http-predef'), header: over('http-header'), plain: over('http-plain') };
}

/** A text element; `style`: { size (12), bold, anchor, fill }. */
function text(x, y, content, { size = 12, bold = false, anchor, fill } = {}) {
	const attributes = [`x="${x}"`, `y="${y}"`, FONT, `font-size="${size}"`];
	if (bold) attributes.push('font-weight="bold"');
	if (anchor) attributes.push(`text-anchor="${anchor}"`);
	if (fill) attributes.push(`fill="${fill}"`);
	return `<text ${attributes.join(' ')}>${esc(content)}</text>`;
}

/**
 * One panel: `groups` = [{ label, bold, bars: [{ value, note } | undefined per line] }]; returns
 * { svg, height } drawn from `top`.
 */
function panel({ top, title, groups, names }) {
	const parts = [text(20, top + 16, title, { size: 14, bold: true })];
	const max = Math.max(1, ...groups.flatMap((g) => g.bars.filter(Boolean).map((b) => b.value || 0)));
	let y = top + 32;
	for (const group of groups) {
		const groupH = names.length * (BAR_H + 2);
		parts.push(text(LABEL_W, y + groupH / 2 + 4, group.label, { anchor: 'end', bold: group.bold }));
		names.forEach((name, i) => {
			const bar = group.bars[i];
			const by = y + i * (BAR_H + 2);
			if (!bar) return;
			if (bar.failed) {
				parts.push(text(BAR_X + 4, by + BAR_H - 3, `${name}: ${bar.failed}`.slice(0, 110), { size: 11, fill: '#b00020' }));
				return;
			}
			const w = Math.max(1, (bar.value / max) * BAR_MAX_W);
			parts.push(`<rect x="${BAR_X}" y="${by}" width="${w.toFixed(1)}" height="${BAR_H}" fill="${COLOURS[i % COLOURS.length]}"/>`);
			parts.push(text(BAR_X + w + 6, by + BAR_H - 3, bar.note, { size: 11 }));
		});
		y += groupH + ROW_GAP;
	}
	return { svg: parts.join('\n'), height: y - top };
}

function executionGroups(results, names) {
	const lines = names.map((name) => results.lines[name]);
	const keys = [...new Map(lines.flatMap((line) => line.executionTime).map((row) => [row.key, row])).values()];
	return keys.map((row) => ({
		label: row.kind === 'ours' ? `ours: ${row.label}` : row.label,
		bold: row.kind === 'ours',
		bars: lines.map((line) => {
			const r = line.executionTime.find((candidate) => candidate.key === row.key);
			if (!r) return undefined;
			if (r.error) return { failed: r.error };
			const q = ratios(line, r);
			const x = (value) => (value ? `${value.toFixed(2)}×` : '–');
			const ratio = q ? ` · ${x(q.predef)} predefined · ${x(q.header)} Header Auth · ${x(q.plain)} no credential` : '';
			return { value: r.median, note: `${int(r.median)} ms${ratio}` };
		}),
	}));
}

function throughputGroups(results, names) {
	const lines = names.map((name) => results.lines[name]);
	const keys = [...new Map(lines.flatMap((line) => line.throughput).map((row) => [`${row.mode}/${row.key}`, row])).values()];
	return keys.map((row) => ({
		label: `${row.mode === 'queue' ? 'queue mode' : 'single instance'}: ${row.key === 'ours' ? `ours: ${row.label}` : row.label}`,
		bold: row.key === 'ours',
		bars: lines.map((line) => {
			const r = line.throughput.find((c) => c.mode === row.mode && c.key === row.key);
			if (!r) return undefined;
			if (r.error) return { failed: r.error };
			const bad = r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : '';
			const peer = r.key === 'ours' && line.throughput.find((c) => c.mode === r.mode && c.key !== 'ours' && !c.error);
			const ratio = peer && peer.requestsPerSecond > 0 ? ` (${(r.requestsPerSecond / peer.requestsPerSecond).toFixed(2)}× HTTP Request)` : '';
			return { value: r.requestsPerSecond, note: `${r.requestsPerSecond.toFixed(1)} req/s${ratio} · p50 ${int(r.p50)} ms · p99 ${int(r.p99)} ms${bad}` };
		}),
	}));
}

/** The SVG document for a results object (bench/results.json). */
function draw(results) {
	const names = Object.keys(results.lines).sort();
	const s = results.settings;
	const parts = [];
	let y = 20;
	parts.push(text(20, y + 10, 'n8n-nodes-engagement inside real n8n (npm run bench)', { size: 17, bold: true }));
	y += 28;
	names.forEach((name, i) => {
		const line = results.lines[name];
		const x = 20 + i * 330;
		parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`);
		parts.push(text(x + 18, y + 10, `${name}: n8n ${line.n8n} on Node ${line.node}`));
	});
	y += 22;
	const a = panel({
		top: y,
		title: `A. Node executionTime, ${int(s.items)} items, one GET each: median of ${s.rounds} after a warm-up (ms, lower is better)`,
		groups: executionGroups(results, names),
		names,
	});
	parts.push(a.svg);
	y += a.height + 10;
	const b = panel({
		top: y,
		title: `B. Throughput, webhook → one GET → answer: ${spell(s)} at ${s.connections} connections (requests/s, higher is better)`,
		groups: throughputGroups(results, names),
		names,
	});
	parts.push(b.svg);
	y += b.height + 10;
	const footer = [];
	const machines = new Map(names.map((name) => [JSON.stringify(results.lines[name].machine || results.machine), name]));
	for (const [json, name] of machines) {
		const m = JSON.parse(json);
		const which = machines.size > 1 ? `${name}: ` : '';
		footer.push(`${which}Machine: ${m.cpus} × ${m.cpuModel}, ${m.ramGiB} GiB RAM, ${m.os}; bench driver on Node ${m.benchNode}`);
	}
	const when = (line) => `${(line.date || results.date).slice(0, 16).replace('T', ' ')} UTC${line.load === undefined ? '' : ` (load average ${line.load} → ${line.loadAfter})`}`;
	footer.push(`Measured: ${names.map((name) => `${name} ${when(results.lines[name])}`).join(', ')}`);
	footer.push(`Single instance: SQLite, package installed as a community package. Queue mode: PostgreSQL + Redis, main + webhook process + ${s.queueWorkers} workers × ${s.workerConcurrency}.`);
	footer.push(`Execution saving: ${s.executionSaving}. Vendor sandbox on loopback.`);
	for (const line of footer) {
		parts.push(text(20, y + 12, line, { size: 11, fill: '#444' }));
		y += 16;
	}
	const height = y + 12;
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
		`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
		...parts,
		'</svg>',
		'',
	].join('\n');
}

module.exports = { draw, ratios, spell };

if (require.main === module) {
	const input = path.resolve(process.argv[2] || path.join(__dirname, 'results.json'));
	const output = path.resolve(process.argv[3] || path.join(__dirname, 'chart.svg'));
	fs.writeFileSync(output, draw(JSON.parse(fs.readFileSync(input, 'utf8'))));
	console.log(`Wrote ${path.relative(process.cwd(), output)} from ${path.relative(process.cwd(), input)}`);
}
