'use strict';
/**
 * Workflows of the queue-mode e2e (scripts/e2e-queue.js). In queue mode production executions
 * start at the webhook process and run on workers, so every workflow here starts with a Webhook
 * trigger (production URL /webhook/<path>), and the single-process checks' workflows (examples/
 * and test/e2e/checks.js) get their Manual Trigger swapped for one.
 */
const crypto = require('node:crypto');

const { nodeType, credentialId, credentialName, VENDORS } = require('../../scripts/lib/package');

function uuid(...parts) {
	const hex = crypto.createHash('sha1').update(parts.join('/')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A Webhook trigger node (POST). responseMode 'lastNode' answers when the execution finished
 * (the webhook process waits for the worker's job), 'onReceived' answers at once.
 */
function webhookNode({ id, name, position = [0, 0], path, responseMode = 'lastNode', responseData = 'noData' }) {
	const parameters = { httpMethod: 'POST', path, responseMode, options: {} };
	if (responseMode === 'lastNode') parameters.responseData = responseData;
	return { id, name, type: 'n8n-nodes-base.webhook', typeVersion: 2, position, webhookId: uuid('webhook', path), parameters };
}

/**
 * The workflow with its Manual Trigger replaced by a Webhook trigger of the same name (so
 * connections stay as they are), active, under a new id. A Manual Trigger emits one empty
 * item, the Webhook one item with the request: none of our checked workflows reads it.
 */
function viaWebhook(workflow, { id, path }) {
	let found = false;
	const nodes = workflow.nodes.map((node) => {
		if (node.type !== 'n8n-nodes-base.manualTrigger') return node;
		found = true;
		return webhookNode({ id: node.id, name: node.name, position: node.position, path });
	});
	if (!found) throw new Error(`workflow "${workflow.name}" has no Manual Trigger to replace`);
	return { ...workflow, id, name: `queue: ${workflow.name}`, active: true, nodes, pinData: {} };
}

function ourNode(node, name, position, parameters, credential) {
	const row = VENDORS.find((v) => v.node === node);
	return {
		id: uuid(name, node),
		name,
		type: nodeType(node),
		typeVersion: 1,
		position,
		parameters,
		credentials: credential || { [row.credential]: { id: credentialId(row.credential), name: credentialName(row.vendor) } },
	};
}

/** Webhook (body { people: [{ email }] }) → Split Out (one item per person) → one Talkable person operation. */
function peopleWorkflow({ id, name, path, responseMode, operation, stepName }) {
	const trigger = webhookNode({ id: uuid(id, 'Submit'), name: 'Submit', path, responseMode, responseData: 'allEntries' });
	const split = {
		id: uuid(id, 'Items'),
		name: 'Items',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [220, 0],
		parameters: { fieldToSplitOut: 'body.people', include: 'noOtherFields', options: {} },
	};
	const step = ourNode('talkable', stepName, [440, 0], { resource: 'person', operation, personSlug: '={{ $json.email }}' });
	const link = (to) => ({ main: [[{ node: to, type: 'main', index: 0 }]] });
	return {
		id,
		name,
		active: true,
		nodes: [trigger, split, step],
		connections: { Submit: link('Items'), Items: link(stepName) },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Load: N people looked up in Talkable (GET /people/<email>); answers with every output item. */
const LOAD = peopleWorkflow({
	id: 'queueLoadGet',
	name: 'queue: Talkable person get (load)',
	path: 'queue-load',
	responseMode: 'lastNode',
	operation: 'get',
	stepName: 'Get person',
});

/** Fault: N people unsubscribed in Talkable (POST /people/<email>/unsubscribe, not retry-safe). */
const FAULT = peopleWorkflow({
	id: 'queueFaultUnsub',
	name: 'queue: Talkable person unsubscribe (fault)',
	path: 'queue-fault',
	responseMode: 'onReceived',
	operation: 'unsubscribe',
	stepName: 'Unsubscribe',
});

/** Extra credentials of the trigger workflows (imported next to the sandbox ones). */
const TRIGGER_CREDENTIALS = {
	/** The Talkable sandbox credential plus the site's Webhook Security Key. */
	talkableHook: { id: 'sbxTalkableHook', name: 'Talkable sandbox (webhooks)', type: 'talkableApi' },
	/** TalkBox on a sandbox of its own, so polls can be counted while other phases reset theirs. */
	talkBoxPoll: { id: 'sbxTalkBoxPoll', name: 'TalkBox poll sandbox', type: 'talkBoxApi' },
	/** The TalkBox sandbox credential plus a Webhook Token (TALKBOX_HOOK_TOKEN). */
	talkBoxHook: { id: 'sbxTalkBoxHook', name: 'TalkBox sandbox (webhooks)', type: 'talkBoxApi' },
};
const credentialRef = ({ id, name, type }) => ({ [type]: { id, name } });
/**
 * A one-node (trigger) workflow. Its id must be 16 characters at most: n8n 1.x's
 * isWorkflowIdValid refuses longer ones and then silently never saves the workflow's static
 * data (trigger state, repeat fingerprints); n8n 2.x allows 21.
 */
function single(id, name, node) {
	if (id.length > 16) throw new Error(`workflow id ${id} is ${id.length} characters: n8n 1.x saves no static data for ids over 16`);
	return { id, name, active: true, nodes: [node], connections: {}, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Talkable Trigger (signed Custom App requests), answering at once. */
const TALKABLE_HOOK = single(
	'queueTrigTlkbl',
	'queue: Talkable Trigger (Custom App)',
	{
		...ourNode('talkableTrigger', 'Talkable Trigger', [0, 0], { mode: 'customApp', responseMode: 'onReceived' }, credentialRef(TRIGGER_CREDENTIALS.talkableHook)),
		webhookId: uuid('queue', 'talkableTrigger'),
	},
);
/** Production URL path of the Talkable Trigger (`<webhookId>/<path>` for a node webhook). */
const TALKABLE_HOOK_PATH = `${TALKABLE_HOOK.nodes[0].webhookId}/webhook`;

/** TalkBox Instant Trigger (TalkBox posts each changed contact; the URL carries the token). */
const TALKBOX_HOOK = single(
	'queueTrigTbxHook',
	'queue: TalkBox Instant Trigger',
	{
		...ourNode('talkBoxInstantTrigger', 'TalkBox Instant Trigger', [0, 0], {}, credentialRef(TRIGGER_CREDENTIALS.talkBoxHook)),
		webhookId: uuid('queue', 'talkBoxInstantTrigger'),
	},
);
/** Production URL path of the TalkBox Instant Trigger, and the credential's Webhook Token (new each run). */
const TALKBOX_HOOK_PATH = `${TALKBOX_HOOK.nodes[0].webhookId}/webhook`;
const TALKBOX_HOOK_TOKEN = crypto.randomBytes(32).toString('hex');

/** TalkBox Trigger polling for new contacts every minute. */
const TALKBOX_POLL = single(
	'queueTrigTbxPoll',
	'queue: TalkBox Trigger (poll every minute)',
	ourNode('talkBoxTrigger', 'TalkBox Trigger', [0, 0], { event: 'contactCreated', pollTimes: { item: [{ mode: 'everyMinute' }] } }, credentialRef(TRIGGER_CREDENTIALS.talkBoxPoll)),
);

module.exports = {
	viaWebhook,
	webhookNode,
	peopleWorkflow,
	LOAD,
	FAULT,
	TRIGGER_CREDENTIALS,
	TALKABLE_HOOK,
	TALKABLE_HOOK_PATH,
	TALKBOX_HOOK,
	TALKBOX_HOOK_PATH,
	TALKBOX_HOOK_TOKEN,
	TALKBOX_POLL,
	uuid,
};
