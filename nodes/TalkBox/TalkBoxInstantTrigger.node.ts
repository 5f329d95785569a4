import {
	NodeConnectionTypes,
	type INodeType,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { deliveryKey, repeatWindowProperty, runUnlessRepeated } from '../shared/dedupe';
import { collectSecrets, redactText } from '../shared/redact';
import { contentTypeOf, pastedUrlWebhookMethods, receivedPostWebhook, rawBodyOf, refuse } from '../shared/trigger';
import { contactFrom, credentialToken, queryToken, tokenMatches, tokenProblem } from './trigger/instant';
import { talkBox } from './profile';

export class TalkBoxInstantTrigger implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'TalkBox Instant Trigger',
		name: 'talkBoxInstantTrigger',
		icon: { light: 'file:../../icons/talkbox.svg', dark: 'file:../../icons/talkbox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Contact created or changed',
		description: 'Starts the workflow the moment TalkBox creates or changes a contact (webhook)',
		defaults: { name: 'TalkBox Instant Trigger' },
		builderHint: {
			searchHint:
				'Starts a workflow the moment a TalkBox contact is created or changed (instant, webhook): TalkBox posts the whole contact as stored, not a diff; one item per change, keyed by field system names (id, email, mobile_number, custom fields). Set `ignoreRepeats` to drop a byte-identical repeat within `repeatWindowHours`. The TalkBox credential needs a Webhook Token, appended to the URL in TalkBox as ?token=. For subscriptions, unsubscribes, vouchers or survey responses use the polling TalkBox Trigger; to change contacts, the TalkBox node (untick the API change method in TalkBox then, or it loops).',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'talkBoxApi', required: true }],
		webhooks: receivedPostWebhook,
		properties: [
			{
				displayName:
					'TalkBox has no API to register webhooks. In TalkBox: Tools → Developers → Webhooks, paste the Production URL above with ?token= and the Webhook Token of the credential appended (TalkBox requires HTTPS), and choose the change methods that fire it. <b>Untick API when this workflow writes back to TalkBox</b>, otherwise every write fires the webhook again (a loop). Each request is the whole contact as stored, not what changed. Requests without the right token get 401 and start nothing; nothing runs while the credential has no Webhook Token.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Ignore Repeated Deliveries',
				name: 'ignoreRepeats',
				type: 'boolean',
				// Off by default: the same contact posted twice is usually two real changes (A → B → A).
				default: false,
				description:
					'Whether a request with exactly the same body as one that already started a run (within the window) is answered 200 without a run. TalkBox posts the whole contact, so a contact changed and changed back also looks repeated.',
			},
			repeatWindowProperty({ ignoreRepeats: [true] }),
		],
	};

	// No API to register webhooks: the user pastes the URL into the vendor.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(talkBox.credentialType);
		const secrets = collectSecrets(credentials, talkBox.secretFields);
		const warn = (reason: string) =>
			this.logger.warn(redactText(`TalkBox Instant Trigger "${this.getNode().name}" refused a request: ${reason}`, secrets));
		const expected = credentialToken(credentials);
		const problem = tokenProblem(expected);
		if (problem !== undefined) {
			warn(expected === '' ? 'the credential has no Webhook Token' : 'the credential\'s Webhook Token is too short');
			return refuse(this, problem);
		}
		const given = queryToken(this.getQueryData());
		if (!tokenMatches(given, expected)) {
			warn(given === '' ? 'no token in the URL' : 'the token does not match');
			return refuse(this, 'Unauthorized');
		}
		// Checked after the token: only TalkBox (or whoever holds the token) learns what is expected.
		if (contentTypeOf(this) !== 'application/json') {
			warn('the body is not application/json');
			return refuse(this, 'The body must be JSON (Content-Type: application/json)', 415);
		}
		const rawBody = (await rawBodyOf(this)) ?? Buffer.alloc(0);
		const contact = contactFrom(rawBody);
		if (contact === undefined) {
			warn('the body is not a JSON object');
			return refuse(this, 'The body must be a JSON object (a TalkBox contact)', 400);
		}
		const ignore = this.getNodeParameter('ignoreRepeats', false) as boolean;
		return runUnlessRepeated(this, ignore ? deliveryKey(rawBody) : undefined, [[{ json: contact }]]);
	}
}
