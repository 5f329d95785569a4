import {
	NodeConnectionTypes,
	type INodeExecutionData,
	type INodeType,
	type IPollFunctions,
} from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { noticeProperty } from '../shared/describe';
import { pollTalkBox } from './trigger/poll';

export class TalkBoxTrigger implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'TalkBox Trigger',
		name: 'talkBoxTrigger',
		icon: { light: 'file:../../icons/talkbox.svg', dark: 'file:../../icons/talkbox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when contacts, subscriptions, vouchers or survey responses change in TalkBox (checked on a schedule; for contacts at once, use the TalkBox Instant Trigger)',
		defaults: { name: 'TalkBox Trigger' },
		builderHint: {
			searchHint:
				'Polls TalkBox and starts a workflow per new record. Pick `event`: new contact `event: contactCreated`, changed contact `event: contactUpdated`, unsubscribe `event: unsubscriptionCreated`, new subscription `event: subscriptionCreated`, voucher issued or redeemed `event: voucherIssued` or `event: voucherRedeemed`, survey response `event: surveyResponseCreated`. For contact changes the moment they happen (webhook, no polling), use the TalkBox Instant Trigger instead. To act in TalkBox, use the TalkBox node.',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'talkBoxApi', required: true }],
		polling: true,
		properties: [
			noticeProperty(
				'pollNotice',
				'Checks TalkBox at the times set below. When the workflow is activated it starts from that moment (no history); each check returns what is new since the last one, once. A large backlog comes over several checks (at most 5,000 records or 50 requests each). A test run shows the latest 5 records. For contacts the moment they change, use the TalkBox Instant Trigger (a webhook) instead.',
			),
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				required: true,
				options: [
					{ name: 'Contact Created', value: 'contactCreated', description: 'A new contact' },
					{
						name: 'Contact Updated',
						value: 'contactUpdated',
						description: 'A contact was changed (new contacts count as changed)',
					},
					{ name: 'Subscription Created', value: 'subscriptionCreated', description: 'A contact subscribed to a channel' },
					{
						name: 'Survey Response Created',
						value: 'surveyResponseCreated',
						description: 'A new survey response (Net Promoter Score)',
					},
					{
						name: 'Unsubscription Created',
						value: 'unsubscriptionCreated',
						description: 'A contact unsubscribed from a channel',
					},
					{ name: 'Voucher Issued', value: 'voucherIssued', description: 'A voucher was issued to a contact' },
					{ name: 'Voucher Redeemed', value: 'voucherRedeemed', description: 'A voucher was redeemed' },
				],
				default: 'contactCreated',
				description: 'What to watch for',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTalkBox(this);
	}
}
