'use strict';
/**
 * Workflow JSON helpers: the example workflows in examples/, trimmed to the nodes this build
 * provides, and small linear test workflows (Manual Trigger → step → step …).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { ROOT, readJson } = require('./util');
const { PACKAGE, VENDORS, nodeType, credentialId, credentialName } = require('./package');

const EXAMPLES_DIR = path.join(ROOT, 'examples');

function loadExamples() {
	if (!fs.existsSync(EXAMPLES_DIR)) return [];
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: readJson(path.join(EXAMPLES_DIR, file)) }));
}

const isOurs = (node) => node.type.startsWith(`${PACKAGE}.`);

/**
 * The workflow with every node of this package that the build does not provide (yet) removed,
 * together with its connections. Returns undefined when none of our nodes is left: an example
 * about a vendor that is not built yet is not imported at all.
 */
function forPresentNodes(workflow, presentNodeNames) {
	const present = new Set(presentNodeNames.map(nodeType));
	const dropped = new Set(workflow.nodes.filter((n) => isOurs(n) && !present.has(n.type)).map((n) => n.name));
	const nodes = workflow.nodes.filter((n) => !dropped.has(n.name));
	if (!nodes.some(isOurs)) return undefined;
	const connections = {};
	for (const [source, byType] of Object.entries(workflow.connections || {})) {
		if (dropped.has(source)) continue;
		connections[source] = Object.fromEntries(
			Object.entries(byType).map(([type, outputs]) => [
				type,
				outputs.map((targets) => (targets || []).filter((target) => !dropped.has(target.node))),
			]),
		);
	}
	return { ...workflow, nodes, connections };
}

/** Whether a workflow starts from one of our trigger nodes (an example meant to be active). */
const startsFromOurTrigger = (workflow) => workflow.nodes.some((node) => isOurs(node) && /Trigger$/.test(node.type));

/**
 * The examples trimmed to the built nodes, as [{ file, workflow }]; wholly unbuilt ones are skipped.
 * By default only examples run by hand (`n8n execute`); `{ triggered: true }`: only the ones
 * that start from one of our triggers (imported, then activated).
 */
function presentExamples(presentNodeNames, log = () => {}, { triggered = false } = {}) {
	const examples = [];
	for (const { file, workflow } of loadExamples()) {
		if (startsFromOurTrigger(workflow) !== triggered) continue;
		const trimmed = forPresentNodes(workflow, presentNodeNames);
		if (trimmed) examples.push({ file, workflow: trimmed });
		else log(`example ${file} skipped: none of its nodes is built yet`);
	}
	return examples;
}

/** Names of our package's nodes in a workflow (the ones a run must produce output for). */
function ourNodes(workflow) {
	return workflow.nodes.filter(isOurs);
}

const TRIGGER = 'Start';

/**
 * A linear test workflow: Manual Trigger, then each step in turn. A step is
 * { name, node: 'talkable', parameters, ...n8nNodeFields } (our node, credential attached
 * automatically) or { name, type: 'n8n-nodes-base.x', typeVersion, parameters }.
 */
function chain({ id, name, steps }) {
	const nodes = [
		{ id: uuid(id, TRIGGER), name: TRIGGER, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
	];
	steps.forEach((step, index) => {
		const { node, ...rest } = step;
		const built = { id: uuid(id, step.name), typeVersion: 1, position: [220 * (index + 1), 0], parameters: {}, ...rest };
		if (node) {
			const row = VENDORS.find((v) => v.node === node);
			built.type = nodeType(node);
			built.credentials = { [row.credential]: { id: credentialId(row.credential), name: credentialName(row.vendor) } };
		}
		nodes.push(built);
	});
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i += 1) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Stable node ids, so re-imports do not churn. */
function uuid(...parts) {
	const hex = crypto.createHash('sha1').update(parts.join('/')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

module.exports = { loadExamples, forPresentNodes, presentExamples, startsFromOurTrigger, ourNodes, chain };
