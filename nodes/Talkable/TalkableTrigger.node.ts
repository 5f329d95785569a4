import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { collectSecrets, redactText } from '../shared/redact';
import { deliveryKey, repeatWindowProperty, runUnlessRepeated } from '../shared/dedupe';
import {
	acceptWithoutRun,
	contentTypeOf,
	headerValue,
	pastedUrlWebhookMethods,
	rawBodyOf,
	refuse,
	safeEqual,
} from '../shared/trigger';
import { LEGACY_EVENTS, NOT_UNSUBSCRIBED, customAppVerified, parseLegacy } from './trigger/webhook';
import { talkable } from './profile';

const EVENT_LABELS: Record<(typeof LEGACY_EVENTS)[number], [string, string]> = {
	checkUnsubscribe: ['Check Unsubscribe', 'Before every Talkable email: answer whether the person is unsubscribed'],
	claimSignup: ['Friend Email Gating', 'A friend submits the email-gating form on the claim page'],
	createCoupon: ['Create Coupon', 'Talkable generated new coupon codes for a single-use coupon list'],
	event: ['Event', 'An event or a purchase is registered'],
	offerSignup: ['Advocate Signup', 'The advocate signup form is submitted'],
	postShare: ['Post Share', 'An advocate shares (email, social, link copy)'],
	referral: ['Referral', 'A referral is approved'],
	reward: ['Reward', 'A reward for an advocate or a friend is ready or given'],
	unsubscribe: ['Unsubscribe', 'A person unsubscribes from Talkable emails'],
};

/** Check Unsubscribe is a question asked before every email, not an event: it is never deduped. */
const REPEATABLE_EVENTS = LEGACY_EVENTS.filter((event) => event !== 'checkUnsubscribe');

const MISSING_KEY =
	'The Talkable credential has no Webhook Security Key: copy it from Talkable (Menu → Webhooks) into the credential';

export class TalkableTrigger implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'Talkable Trigger',
		name: 'talkableTrigger',
		icon: { light: 'file:../../icons/talkable.svg', dark: 'file:../../icons/talkable.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["mode"] === "legacy" ? "Legacy webhooks" : "Custom App" }}',
		description: 'Starts the workflow when Talkable sends a signed Custom App request or a legacy webhook',
		defaults: { name: 'Talkable Trigger' },
		builderHint: {
			searchHint:
				'Starts a workflow when Talkable calls it: a signed Custom App request (`mode: customApp`, the default) or a legacy webhook (`mode: legacy`; filter with `events`, e.g. `events: reward`, `events: referral`, `events: unsubscribe`; empty means all). The Talkable credential needs the site\'s Webhook Security Key. To act in Talkable (people, purchases, unsubscribes), use the Talkable node.',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'talkableApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: '={{$parameter["responseMode"]}}',
				// n8n's default ("firstEntryJson") would be sent as text in onReceived mode: answer
				// the node's own response there, the last node's first item in lastNode mode.
				responseData: '={{$parameter["responseMode"] === "lastNode" ? "firstEntryJson" : ""}}',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Talkable has no API to register webhooks: copy the Production URL above into Talkable. Custom App: All site settings → App store → Custom app → Install, paste it as the Endpoint URL and enable the actions you want. Legacy: Menu → Webhooks → Create New Webhook, one per type, each with this URL. Put the Webhook Security Key shown on Menu → Webhooks into the Talkable credential: requests are verified with it (401 otherwise), and nothing runs while it is empty.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Webhook Type',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Custom App (Signed JSON)',
						value: 'customApp',
						description: 'One endpoint for every enabled action, signed in the x-talkable-signature header',
					},
					{
						name: 'Legacy Webhooks (Form)',
						value: 'legacy',
						description: 'One webhook per type, carrying the security key as the key field',
					},
				],
				default: 'customApp',
				description: 'Which kind of Talkable request this trigger receives; the other kind is refused',
			},
			{
				displayName:
					'Custom App payloads carry no action name, so every verified request starts the workflow. Add an attribute (e.g. action) to each action in Talkable and branch on it.',
				name: 'customAppNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['customApp'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: LEGACY_EVENTS.map((value) => ({
					name: EVENT_LABELS[value][0],
					value,
					description: EVENT_LABELS[value][1],
				})).sort((a, b) => a.name.localeCompare(b.name)),
				default: [],
				description:
					'Webhook types that start the workflow; leave empty for all. Other verified webhooks are answered 200 without a run.',
				displayOptions: { show: { mode: ['legacy'] } },
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Immediately',
						value: 'onReceived',
						description:
							'200 as soon as the request is verified (Check Unsubscribe is answered "not unsubscribed")',
					},
					{
						name: 'When Last Node Finishes',
						value: 'lastNode',
						description: 'Returns the data of the last node executed',
					},
					{
						name: "Using 'Respond to Webhook' Node",
						value: 'responseNode',
						description: 'Response defined in that node',
					},
				],
				default: 'onReceived',
				description:
					'When and how to answer Talkable. Answer fast: Talkable retries until it gets a 2xx and pays referral rewards only after that.',
			},
			{
				displayName:
					'Check Unsubscribe needs the answer {"result":{"unsubscribed":true|false}} and Click Reward Verification waits 1 second at most: build it in the workflow and keep it quick.',
				name: 'respondNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { responseMode: ['lastNode', 'responseNode'] } },
			},
			{
				displayName: 'Ignore Repeated Deliveries',
				name: 'ignoreRepeats',
				type: 'boolean',
				default: true,
				description:
					'Whether a request identical to one that already started a run (same body and signature, within the window) is answered 200 without a run. Talkable resends until it gets a 2xx, and a captured request stays validly signed.',
				displayOptions: { show: { mode: ['customApp'], responseMode: ['onReceived'] } },
			},
			{
				displayName: 'Ignore Repeats Of',
				name: 'ignoreRepeatsOf',
				type: 'multiOptions',
				options: REPEATABLE_EVENTS.map((value) => ({ name: EVENT_LABELS[value][0], value })).sort((a, b) =>
					a.name.localeCompare(b.name),
				),
				// By default the events that pay rewards or unsubscribe.
				default: ['referral', 'reward', 'unsubscribe'],
				description:
					'Webhook types for which a request identical to one that already started a run (within the window) is answered 200 without a run. Talkable resends until it gets a 2xx, and a captured request stays valid.',
				displayOptions: { show: { mode: ['legacy'], responseMode: ['onReceived'] } },
			},
			repeatWindowProperty({ responseMode: ['onReceived'] }),
		],
	};

	// No API to register webhooks: the user pastes the URL into the vendor.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(talkable.credentialType);
		const secrets = collectSecrets(credentials, talkable.secretFields);
		const warn = (reason: string) =>
			this.logger.warn(redactText(`Talkable Trigger "${this.getNode().name}" refused a request: ${reason}`, secrets));
		const key = typeof credentials.webhookKey === 'string' ? credentials.webhookKey : '';
		if (key === '') {
			warn('the credential has no Webhook Security Key');
			return refuse(this, MISSING_KEY);
		}
		const rawBody = (await rawBodyOf(this)) ?? Buffer.alloc(0);
		const mode = this.getNodeParameter('mode', 'customApp') as string;
		const contentType = contentTypeOf(this);

		if (mode === 'legacy') {
			if (contentType !== 'application/x-www-form-urlencoded') {
				warn('not a legacy (form) webhook');
				return refuse(this, 'Unauthorized');
			}
			const legacy = parseLegacy(rawBody);
			if (!safeEqual(legacy.key, key)) {
				warn('the key does not match');
				return refuse(this, 'Unauthorized');
			}
			const events = this.getNodeParameter('events', []) as string[];
			const checkUnsubscribe = legacy.event === 'checkUnsubscribe';
			if (events.length > 0 && !(legacy.event && events.includes(legacy.event))) {
				return acceptWithoutRun(checkUnsubscribe ? NOT_UNSUBSCRIBED : { received: true, ignored: true });
			}
			if (checkUnsubscribe) return { workflowData: [[{ json: legacy.item }]], webhookResponse: NOT_UNSUBSCRIBED };
			const ignored = respondsNow(this) ? (this.getNodeParameter('ignoreRepeatsOf', []) as string[]) : [];
			const repeatKey = legacy.event && ignored.includes(legacy.event) ? deliveryKey(rawBody) : undefined;
			return runUnlessRepeated(this, repeatKey, [[{ json: legacy.item }]]);
		}

		const signature = headerValue(this, 'x-talkable-signature');
		if (signature === '' || !customAppVerified(rawBody, signature, key)) {
			warn(signature === '' ? 'no x-talkable-signature header' : 'the signature does not match');
			return refuse(this, 'Unauthorized');
		}
		let body: unknown;
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return refuse(this, 'The body is not JSON', 400);
		}
		const json = (body !== null && typeof body === 'object' && !Array.isArray(body) ? body : { body }) as IDataObject;
		const ignore = respondsNow(this) && (this.getNodeParameter('ignoreRepeats', true) as boolean);
		return runUnlessRepeated(this, ignore ? deliveryKey(rawBody, signature) : undefined, [[{ json }]]);
	}
}

/** Repeats are ignored only in Respond: Immediately mode (see shared/dedupe.ts). */
const respondsNow = (ctx: IWebhookFunctions) => ctx.getNodeParameter('responseMode', 'onReceived') === 'onReceived';
