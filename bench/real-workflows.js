'use strict';
/**
 * Workflows and credentials of the real-n8n bench (bench/real.js), written with package node
 * types as `n8n import:workflow` takes them (scripts/lib/n8n.js adapts them to how the package is
 * loaded).
 *
 *   A (executionTime)  Webhook (answers when the last node finishes) → Code node making ITEMS items
 *                      { email: 'user<i>@example.com', id: 300 + i % 25 } → the node under test,
 *                      always named "Under test": one GET per item to the sandbox. Per vendor:
 *                      HTTP Request 4.2 with the header typed into the node (no credential), with
 *                      a Header Auth credential, with our credential as predefined type, and ours.
 *   B (throughput)     Webhook (GET ?email=…, answers with the first item of the last node) → one
 *                      GET: ours (Talkable Person Get) or HTTP Request 4.2 with our Talkable
 *                      credential as predefined type.
 */
const crypto = require('node:crypto');

const { loadVendor } = require('../sandbox');
const pkg = require('../scripts/lib/package');

const UNDER_TEST = 'Under test';
/** TalkBox's sandbox seeds contacts 300..324: item i reads contact 300 + i % 25. */
const TALKBOX_CONTACTS = 25;

const row = (node) => pkg.VENDORS.find((v) => v.node === node);
const ref = ({ id, name, type }) => ({ [type]: { id, name } });

/** Our sandbox credentials plus a Header Auth credential per vendor carrying the same secret. */
function credentials(sandboxOrigin) {
	const talkable = pkg.sandboxCredential(row('talkable'), sandboxOrigin);
	const talkBox = pkg.sandboxCredential(row('talkBox'), sandboxOrigin);
	const headers = authorizationHeaders();
	const headerAuth = (vendor, value) => ({
		id: `benchHdr${vendor}`,
		name: `${vendor} sandbox (Header Auth)`,
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value },
	});
	return {
		talkable,
		talkBox,
		talkableHeader: headerAuth('Talkable', headers.talkable),
		talkBoxHeader: headerAuth('TalkBox', headers.talkBox),
	};
}

/** The Authorization header value each sandbox accepts. */
function authorizationHeaders() {
	const { apiKey } = loadVendor('talkable').credentials;
	const { username, password } = loadVendor('talkbox').credentials;
	return { talkable: `Bearer ${apiKey}`, talkBox: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

/** The URL expressions the HTTP Request node uses: the same GET as Talkable Person Get / TalkBox Contact Get. */
function peerUrls(sandboxOrigin) {
	const talkable = pkg.sandboxCredential(row('talkable'), sandboxOrigin).data;
	const talkBox = pkg.sandboxCredential(row('talkBox'), sandboxOrigin).data;
	return {
		talkable: `={{ "${talkable.baseUrl}/people/" + encodeURIComponent($json.email) + "?site_slug=${talkable.siteSlug}" }}`,
		talkBox: `={{ "${talkBox.baseUrl}/contact/" + $json.id }}`,
		talkableQuery: `={{ "${talkable.baseUrl}/people/" + encodeURIComponent($json.query.email) + "?site_slug=${talkable.siteSlug}" }}`,
	};
}

function webhook(id, path, responseData) {
	return {
		id: crypto.randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: crypto.randomUUID(),
		parameters: { httpMethod: 'GET', path, responseMode: 'lastNode', responseData, options: {} },
	};
}

function httpRequest(url, auth) {
	const parameters = { method: 'GET', url, options: {} };
	const node = { type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters };
	if (auth.header) {
		Object.assign(parameters, {
			authentication: 'none',
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: auth.header }] },
		});
	} else if (auth.headerAuth) {
		Object.assign(parameters, { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' });
		node.credentials = ref(auth.headerAuth);
	} else {
		Object.assign(parameters, { authentication: 'predefinedCredentialType', nodeCredentialType: auth.predefined.type });
		node.credentials = ref(auth.predefined);
	}
	return node;
}

function ours(node, parameters, credential) {
	return { type: pkg.nodeType(node), typeVersion: 1, parameters, credentials: ref(credential) };
}

function linear(id, name, nodes) {
	const placed = nodes.map((node, index) => ({ id: crypto.randomUUID(), position: [220 * index, 0], ...node }));
	const connections = {};
	for (let i = 0; i < placed.length - 1; i += 1) {
		connections[placed[i].name] = { main: [[{ node: placed[i + 1].name, type: 'main', index: 0 }]] };
	}
	return { id, name, active: false, nodes: placed, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** The contenders of part A per vendor: { key, vendor, label, kind, node } (node = the node under test). */
function contenders(sandboxOrigin) {
	const creds = credentials(sandboxOrigin);
	const headers = authorizationHeaders();
	const urls = peerUrls(sandboxOrigin);
	const person = ours('talkable', { resource: 'person', operation: 'get', personSlug: '={{ $json.email }}' }, creds.talkable);
	const contact = ours('talkBox', { resource: 'contact', operation: 'get', contactId: '={{ $json.id }}' }, creds.talkBox);
	return [
		{ key: 'talkable-http-plain', vendor: 'Talkable', kind: 'http-plain', node: httpRequest(urls.talkable, { header: headers.talkable }) },
		{ key: 'talkable-http-header', vendor: 'Talkable', kind: 'http-header', node: httpRequest(urls.talkable, { headerAuth: creds.talkableHeader }) },
		{ key: 'talkable-http-predef', vendor: 'Talkable', kind: 'http-predef', node: httpRequest(urls.talkable, { predefined: creds.talkable }) },
		{ key: 'talkable-ours', vendor: 'Talkable', kind: 'ours', label: 'Talkable Person Get', node: person },
		{ key: 'talkbox-http-plain', vendor: 'TalkBox', kind: 'http-plain', node: httpRequest(urls.talkBox, { header: headers.talkBox }) },
		{ key: 'talkbox-http-header', vendor: 'TalkBox', kind: 'http-header', node: httpRequest(urls.talkBox, { headerAuth: creds.talkBoxHeader }) },
		{ key: 'talkbox-http-predef', vendor: 'TalkBox', kind: 'http-predef', node: httpRequest(urls.talkBox, { predefined: creds.talkBox }) },
		{ key: 'talkbox-ours', vendor: 'TalkBox', kind: 'ours', label: 'TalkBox Contact Get', node: contact },
	];
}

const KIND_LABELS = {
	'http-plain': 'HTTP Request 4.2, header typed in, no credential',
	'http-header': 'HTTP Request 4.2, Header Auth credential',
	'http-predef': 'HTTP Request 4.2, our credential (predefined type)',
};
const caseLabel = (c) => c.label || `${KIND_LABELS[c.kind]} [${c.vendor}]`;

/** Part A: one workflow per contender; the webhook path is `bench-a-<key>`. */
function executionTimeWorkflows(sandboxOrigin, items) {
	const code = {
		name: 'Items',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: {
			mode: 'runOnceForAllItems',
			language: 'javaScript',
			jsCode: `return Array.from({ length: ${items} }, (_, i) => ({ json: { email: \`user\${i}@example.com\`, id: 300 + (i % ${TALKBOX_CONTACTS}) } }));`,
		},
	};
	return contenders(sandboxOrigin).map((c, index) => {
		const id = `benchA${String(index).padStart(2, '0')}${c.kind.replace(/[^a-z]/g, '').slice(0, 6)}`;
		const path = `bench-a-${c.key}`;
		const workflow = linear(id, `bench A: ${caseLabel(c)}`, [webhook(id, path, 'noData'), code, { name: UNDER_TEST, ...c.node }]);
		return { ...c, label: caseLabel(c), id, path, workflow };
	});
}

/** Part B: ours and the HTTP Request node (predefined Talkable credential), GET /webhook/<path>?email=… */
function throughputWorkflows(sandboxOrigin) {
	const creds = credentials(sandboxOrigin);
	const urls = peerUrls(sandboxOrigin);
	const cases = [
		{ key: 'ours', label: 'Talkable Person Get', node: ours('talkable', { resource: 'person', operation: 'get', personSlug: '={{ $json.query.email }}' }, creds.talkable) },
		{ key: 'http', label: 'HTTP Request 4.2, Talkable credential (predefined)', node: httpRequest(urls.talkableQuery, { predefined: creds.talkable }) },
	];
	return cases.map((c) => {
		const id = `benchB${c.key}`;
		const path = `bench-b-${c.key}`;
		return { ...c, id, path, workflow: linear(id, `bench B: ${c.label}`, [webhook(id, path, 'firstEntryJson'), { name: UNDER_TEST, ...c.node }]) };
	});
}

/** The people part A looks up (user<i>@example.com), cloned from the sandbox's seeded person. */
function seedPeople(sandbox, count) {
	const { people } = sandbox.vendor('talkable').state;
	const template = people.get('customer@example.com');
	for (let i = 0; i < count; i += 1) {
		const email = `user${i}@example.com`;
		if (!people.has(email)) people.set(email, { ...structuredClone(template), email, customer_id: null, referrals: [], rewards: [], shares: [] });
	}
}

module.exports = { UNDER_TEST, credentials, executionTimeWorkflows, throughputWorkflows, seedPeople };
