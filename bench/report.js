'use strict';
/**
 * The real-n8n bench's output: one Markdown table of every line and case (printed, and pasted
 * into the README as is), bench/results.json (committed: the README's chart is drawn from it) and
 * bench/chart.svg (bench/chart.js). A run of one line keeps the other line's figures from the last
 * results.json (each line carries its own date and machine).
 */
const fs = require('node:fs');
const path = require('node:path');

const { writeJson } = require('../scripts/lib/util');
const { draw, ratios, spell } = require('./chart');

const RESULTS = path.join(__dirname, 'results.json');
const CHART = path.join(__dirname, 'chart.svg');

const int = (value) => Math.round(value).toLocaleString('en-US');
const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function executionCell(line, row) {
	if (!row) return 'not run';
	if (row.error) return `FAILED: ${row.error}`;
	const r = ratios(line, row);
	const base = `${int(row.median)} ms`;
	if (!r) return base;
	return `**${base}** (${fixed(r.predef, 2)} × predefined, ${fixed(r.header, 2)} × Header Auth, ${fixed(r.plain, 2)} × no credential)`;
}

function throughputCell(line, row) {
	if (!row) return 'not run';
	if (row.error) return `FAILED: ${row.error}`;
	const problems = row.non2xx || row.errors || row.failedExecutions ? `; ${row.non2xx} non-2xx, ${row.errors} errors, ${row.failedExecutions} failed executions` : '; 0 non-2xx';
	const peer = row.key === 'ours' && line.throughput.find((r) => r.mode === row.mode && r.key !== 'ours' && !r.error);
	const ratio = peer && peer.requestsPerSecond > 0 ? ` (${fixed(row.requestsPerSecond / peer.requestsPerSecond, 2)} × HTTP Request)` : '';
	const rate = `${fixed(row.requestsPerSecond, 1)} req/s${ratio}`;
	return `${row.key === 'ours' ? `**${rate}**` : rate}, n8n stored ${fixed(row.executionsPerSecond, 1)} executions/s, p50 ${int(row.p50)} / p99 ${int(row.p99)} ms${problems}`;
}

const lineTitle = (name, line) => `${name}: n8n ${line.n8n} (Node ${line.node})`;

/** The Markdown table of every line and case. */
function table(results) {
	const names = Object.keys(results.lines).sort();
	const lines = names.map((name) => results.lines[name]);
	const header = `| Case | ${names.map((name, i) => lineTitle(name, lines[i])).join(' | ')} |\n|---|${names.map(() => '---').join('|')}|`;
	const out = [header];
	const s = results.settings;
	const caseKeys = [...new Map(lines.flatMap((line) => line.executionTime).map((row) => [row.key, row])).values()];
	out.push(`| *A. node executionTime, ${int(s.items)} items, one GET each, median of ${s.rounds} after a warm-up, the contenders taking turns* |${names.map(() => '').join(' |')} |`);
	for (const row of caseKeys) {
		const label = row.kind === 'ours' ? `**ours: ${row.label}**` : row.label;
		out.push(`| ${label} | ${lines.map((line) => executionCell(line, line.executionTime.find((r) => r.key === row.key))).join(' | ')} |`);
	}
	out.push(`| *B. throughput, webhook → one GET → answer, ${spell(s)} at ${s.connections} connections* |${names.map(() => '').join(' |')} |`);
	const tpKeys = [...new Map(lines.flatMap((line) => line.throughput).map((row) => [`${row.mode}/${row.key}`, row])).values()];
	for (const row of tpKeys) {
		const mode = row.mode === 'queue' ? `queue mode (${s.queueWorkers} workers × ${s.workerConcurrency})` : 'single instance';
		const label = `${mode}: ${row.key === 'ours' ? `**ours: ${row.label}**` : row.label}`;
		out.push(`| ${label} | ${lines.map((line) => throughputCell(line, line.throughput.find((r) => r.mode === row.mode && r.key === row.key))).join(' | ')} |`);
	}
	for (const [i, line] of lines.entries()) {
		for (const field of ['singleError', 'queueError']) if (line[field]) out.push(`| ${names[i]} ${field === 'singleError' ? 'single instance' : 'queue mode'} | ${line[field]} |`);
	}
	return out.join('\n');
}

/** A one-paragraph description of where the figures come from. */
function describe(results) {
	const m = results.machine;
	const s = results.settings;
	const loads = Object.entries(results.lines)
		.filter(([, line]) => line.load !== undefined)
		.map(([name, line]) => `${name} ${line.load} → ${line.loadAfter}`);
	return [
		`Machine: ${m.cpus} × ${m.cpuModel}, ${m.ramGiB} GiB, ${m.os}; bench on Node ${m.benchNode}; ${results.date.slice(0, 10)}.`,
		`1-minute load average at the start → end of each line (other work on the machine): ${loads.join(', ') || 'not recorded'}.`,
		`Execution saving: ${s.executionSaving}. Queue mode: PostgreSQL + Redis, main + webhook process + ${s.queueWorkers} workers × ${s.workerConcurrency}.`,
	].join('\n');
}

/** The previous results.json merged with this run's lines (this run wins). */
function merge(results) {
	let previous;
	try {
		previous = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
	} catch {
		previous = undefined;
	}
	const lines = { ...(previous && previous.lines), ...results.lines };
	for (const line of Object.values(results.lines)) line.machine = results.machine;
	return { ...results, lines };
}

/** Print the table, write results.json and chart.svg. */
function report(results) {
	const merged = merge(results);
	console.log(`\nReal n8n (bench/real.js), ${results.seconds} s:\n`);
	console.log(table(merged));
	console.log(`\n${describe(merged)}`);
	writeJson(RESULTS, merged);
	fs.writeFileSync(CHART, draw(merged));
	console.log(`\nWrote ${path.relative(process.cwd(), RESULTS)} and ${path.relative(process.cwd(), CHART)}`);
	return merged;
}

module.exports = { report, table, describe, RESULTS, CHART };
