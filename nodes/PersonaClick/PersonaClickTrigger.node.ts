import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type IPollFunctions,
} from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { noticeProperty } from '../shared/describe';
import { pollPersonaClick } from './trigger/poll';

const option = (name: string, value: string) => ({ name, value });

export class PersonaClickTrigger implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'PersonaClick Trigger',
		name: 'personaClickTrigger',
		icon: { light: 'file:../../icons/personaclick.svg', dark: 'file:../../icons/personaclick.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow when a subscription changes in PersonaClick (subscribe, unsubscribe, bounce, complaint)',
		defaults: { name: 'PersonaClick Trigger' },
		builderHint: {
			searchHint:
				'Polls PersonaClick subscription changes (`event: subscriptionChanged`) and starts a workflow per change: subscribe, unsubscribe, hard bounce, complaint or blacklisting. For "when someone unsubscribes", add the Unsubscribe change event in `filters`, which also narrows by channel and contact type. To act in PersonaClick, use the PersonaClick node.',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'personaClickApi', required: true }],
		polling: true,
		properties: [
			noticeProperty(
				'pollNotice',
				'PersonaClick sends no webhooks: this trigger checks its subscription change log at the times set below. When the workflow is activated it starts from that moment (no history); each change is returned once. A test run shows the latest 5 changes. Needs the Shop Secret in the credential.',
			),
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Subscription Changed',
						value: 'subscriptionChanged',
						description: 'A contact subscribed, unsubscribed, bounced, complained or was blacklisted',
					},
				],
				default: 'subscriptionChanged',
			},
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Change Events',
						name: 'events',
						type: 'multiOptions',
						options: [
							option('Blacklisted', 'blacklisted'),
							option('Complained', 'complained'),
							option('Hard Bounced', 'hard_bounced'),
							option('Subscribe', 'subscribe'),
							option('Unsubscribe', 'unsubscribe'),
						],
						default: [],
						description: 'Only these kinds of change (empty: all)',
					},
					{
						displayName: 'Channels',
						name: 'channels',
						type: 'multiOptions',
						options: [
							option('API', 'api'),
							option('API Callback', 'api_callback'),
							option('Auto Collector', 'auto_collector'),
							option('Bulk Sending', 'bulk_sending'),
							option('CRM', 'crm'),
							option('Email Feedback Processing', 'email_feedback_processing'),
							option('Import', 'import'),
							option('JS SDK', 'js_sdk'),
							option('Mobile SDK', 'mobile_sdk'),
							option('Popup', 'popup'),
							option('Push Attributes', 'push_attributes'),
							option('Resubscribe Page', 'resubscribe_page'),
							option('Transactional Sending', 'transactional_sending'),
							option('Unsubscribe Page', 'unsubscribe_page'),
						],
						default: [],
						description: 'Only changes made through these channels (empty: all)',
					},
					{
						displayName: 'Contact Types',
						name: 'contactTypes',
						type: 'multiOptions',
						options: [
							option('Email', 'email'),
							option('Max', 'max'),
							option('Mobile Push', 'mpush'),
							option('SMS', 'sms'),
							option('Telegram', 'telegram'),
							option('Wallet', 'wallet'),
							option('Web Push', 'wpush'),
							option('WhatsApp', 'whatsapp'),
						],
						default: [],
						description: 'Only changes of these contact types (empty: all)',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollPersonaClick(this);
	}
}
