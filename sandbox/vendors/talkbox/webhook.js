'use strict';
/**
 * TalkBox sandbox: the outbound contact webhook (TalkBox → Tools → Developers → Webhooks; see
 * shared vendor notes "talkbox-notes.md" §1). One webhook per account: a URL and the change
 * methods that fire it. Every time a contact is created or changed by one of those methods, the
 * whole contact as stored (the API's contact shape) is POSTed as JSON to the URL, unsigned
 * (TalkBox documents no signature), fire-and-forget.
 *
 * `create(state, send)` puts `state.webhook` on the shared state:
 *   configure({ url, methods }) → the config ({ url: '' } or null removes the webhook)
 *   config                       { url, methods } or undefined
 *   contactChanged(id, method)   deliver contact `id` when `method` is among the methods
 *   deliveries                   one record per POST: { contact_id, method, url, contact, status?, body?, error?, done }
 *                                (`done` resolves when the answer came or the POST failed; status/body/error are set then)
 * `send(url, contact)` POSTs (sandbox/triggers.js's sendTalkBoxWebhook). The real TalkBox wants
 * HTTPS; the sandbox also posts to http:// (n8n on loopback).
 */

/** The change methods of TalkBox's webhook filter. */
const METHODS = ['API', 'User', 'Form', 'Upload', 'Admin', 'Web Page'];

function create(state, send) {
	const webhook = {
		config: undefined,
		deliveries: [],
		configure({ url, methods = ['API'] } = {}) {
			if (url === undefined || url === null || url === '') {
				webhook.config = undefined;
				return { url: null, methods: [] };
			}
			const target = new URL(String(url));
			if (!['http:', 'https:'].includes(target.protocol)) throw new Error('url must be http(s)');
			if (!Array.isArray(methods) || methods.some((method) => !METHODS.includes(method))) {
				throw new Error(`methods must be a list of ${METHODS.join(', ')}`);
			}
			webhook.config = { url: target.toString(), methods: [...new Set(methods)] };
			return webhook.config;
		},
		contactChanged(id, method) {
			const { config } = webhook;
			const stored = state.contacts.get(Number(id));
			if (!config || !stored || !config.methods.includes(method)) return undefined;
			const contact = state.audience.renderContact(stored);
			const delivery = { contact_id: stored.id, method, url: config.url, contact };
			delivery.done = send(config.url, contact).then(
				(answer) => Object.assign(delivery, { status: answer.status, body: answer.body }),
				(error) => Object.assign(delivery, { error: error.message }),
			);
			webhook.deliveries.push(delivery);
			return delivery;
		},
		/** The config and the deliveries so far, as JSON (for GET /_sandbox/talkbox/webhook). */
		report() {
			return {
				webhook: webhook.config ?? null,
				deliveries: webhook.deliveries.map(({ done: _done, ...delivery }) => delivery),
			};
		},
	};
	state.webhook = webhook;
	return webhook;
}

module.exports = { METHODS, create };
