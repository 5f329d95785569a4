import {
	NodeConnectionTypes,
	type INodeType,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { deliveryKey, repeatWindowProperty, runUnlessRepeated } from '../shared/dedupe';
import { recordFrom } from '../shared/record';
import { collectSecrets, redactText } from '../shared/redact';
import {
	acceptWithoutRun,
	contentTypeOf,
	formPairs,
	pastedUrlWebhookMethods,
	receivedPostWebhook,
	rawBodyOf,
	refuse,
} from '../shared/trigger';
import { confirmPostback } from './trigger/confirm';
import { postbackEvent, postbackFields, verifyPostback } from './trigger/postback';
import { sailthru } from './profile';

const MISSING_SECRET =
	'The Sailthru credential has no API key or API secret: set both (Sailthru → Settings → API & Integrations)';

export class SailthruTrigger implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'Sailthru Trigger',
		name: 'sailthruTrigger',
		icon: { light: 'file:../../icons/sailthru.svg', dark: 'file:../../icons/sailthru.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].length ? $parameter["events"].join(", ") : "All postbacks" }}',
		description: 'Starts the workflow when Sailthru sends a postback (opt-out, hard bounce, verify, update, job)',
		defaults: { name: 'Sailthru Trigger' },
		builderHint: {
			searchHint:
				'Starts a workflow on a Sailthru postback: an opt-out (`events: optout`), a hard bounce (`events: hardbounce`), an email verification (`events: verify`), a profile update (`events: update`) or a job completion (`events: job`); leave `events` empty for all. Copy this node\'s webhook URL into Sailthru\'s postback settings. To act in Sailthru, use the Sailthru node.',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sailthruApi', required: true }],
		webhooks: receivedPostWebhook,
		properties: [
			{
				displayName:
					'Sailthru has no API to register postback URLs: copy the Production URL above into Sailthru. Opt-out and hard bounce: Settings → API & Postbacks. Verify: the template\'s Verify Post URL. Update (list) postbacks: ask Sailthru support to switch them on. Job: the postback_url of the job. Every postback is verified with the API key and secret of the credential (401 otherwise).',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Hard Bounce', value: 'hardbounce', description: 'A message hard-bounced' },
					{ name: 'Job Completed', value: 'job', description: 'A job sent with a postback URL finished' },
					{ name: 'Opt-Out', value: 'optout', description: 'A user opted out or changed the opt-out level' },
					{ name: 'Update', value: 'update', description: 'A user changed lists or vars on a Sailthru-hosted page' },
					{ name: 'Verify', value: 'verify', description: 'A double opt-in was confirmed' },
				],
				default: [],
				description:
					'Postbacks that start the workflow; leave empty for all. Other verified postbacks are answered 200 without a run.',
			},
			{
				displayName: 'Confirm With API',
				name: 'confirmWithApi',
				type: 'boolean',
				default: true,
				description:
					'Whether to confirm verify and hard bounce postbacks with a signed GET /send (or GET /blast), as the official Sailthru clients do. A postback the API does not confirm gets 401.',
			},
			{
				displayName: 'Ignore Repeats Of',
				name: 'ignoreRepeatsOf',
				type: 'multiOptions',
				options: [
					{ name: 'Hard Bounce', value: 'hardbounce' },
					{ name: 'Job Completed', value: 'job' },
					{ name: 'Opt-Out', value: 'optout' },
					{ name: 'Update', value: 'update' },
					{ name: 'Verify', value: 'verify' },
				],
				// By default the postbacks that unsubscribe or suppress an address.
				default: ['hardbounce', 'optout'],
				description:
					'Postbacks for which one identical to a postback that already started a run (same fields and signature, within the window) is answered 200 without a run. Postbacks carry no timestamp or ID, so a captured one stays validly signed.',
			},
			repeatWindowProperty({}),
		],
	};

	// No API to register webhooks: the user pastes the URL into the vendor.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(sailthru.credentialType);
		const secrets = collectSecrets(credentials, sailthru.secretFields);
		const warn = (reason: string) =>
			this.logger.warn(redactText(`Sailthru Trigger "${this.getNode().name}" refused a postback: ${reason}`, secrets));
		const apiKey = String(credentials.apiKey ?? '').trim();
		const apiSecret = String(credentials.apiSecret ?? '');
		if (apiKey === '' || apiSecret === '') {
			warn('the credential has no API key or secret');
			return refuse(this, MISSING_SECRET);
		}
		if (contentTypeOf(this) !== 'application/x-www-form-urlencoded') {
			warn('not a form-encoded postback');
			return refuse(this, 'Unauthorized');
		}
		const rawBody = (await rawBodyOf(this)) ?? Buffer.alloc(0);
		const pairs = formPairs(rawBody);
		const verdict = verifyPostback(pairs, apiKey, apiSecret);
		if (!verdict.ok) {
			warn(verdict.reason);
			return refuse(this, 'Unauthorized');
		}
		const fields = postbackFields(pairs);
		const event = postbackEvent(fields) ?? 'unknown';
		const events = this.getNodeParameter('events', []) as string[];
		if (events.length > 0 && !events.includes(event)) {
			return acceptWithoutRun({ received: true, ignored: true });
		}
		if (this.getNodeParameter('confirmWithApi', true) as boolean) {
			const confirmation = await confirmPostback(this, event, fields);
			if ('failed' in confirmation) {
				warn(`could not confirm it with the API: ${confirmation.failed}`);
				return refuse(this, 'Could not confirm the postback with the Sailthru API', 500);
			}
			if (!confirmation.confirmed) {
				warn(confirmation.reason);
				return refuse(this, 'Unauthorized');
			}
		}
		// A null-prototype record like the fields: a posted `__proto__` stays a plain key.
		const ignored = this.getNodeParameter('ignoreRepeatsOf', []) as string[];
		return runUnlessRepeated(this, ignored.includes(event) ? deliveryKey(rawBody) : undefined, [
			[{ json: recordFrom([...Object.entries(fields), ['event', event]]) }],
		]);
	}
}
