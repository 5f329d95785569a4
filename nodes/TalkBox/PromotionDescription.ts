import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, idList, idLocator, idPath, integerId, isPlausibleEmail, jsonText, list, showFor, text } from '../shared';
import { filterCriteriaProperty, readFilterCriteria } from './campaigns/filterCriteria';
import { wallClock } from './campaigns/sendTime';
import { operation } from './operation';
import type { TalkBoxResource } from './types';

const show = showFor('promotion');

const VOUCHER_PLACEHOLDER = '[VOUCHER]';

function wholeNumber(ctx: IExecuteSingleFunctions, name: string, label: string, min: number, max: number): number {
	const value = Number(ctx.getNodeParameter(name, min));
	if (!Number.isInteger(value) || value < min || value > max) {
		fail(ctx, label, `must be a whole number from ${min} to ${max}, not "${String(value)}"`);
	}
	return value;
}

/** `recipient_details` of a promotion: emails OR mobile numbers (country code without "+"). */
function recipientDetails(ctx: IExecuteSingleFunctions): string {
	const label = 'Recipient Details';
	const entries = list(ctx.getNodeParameter('recipientDetails', ''));
	if (entries.length === 0) fail(ctx, label, 'enter at least one email address or mobile number');
	const emails = entries.filter((entry) => entry.includes('@'));
	const mobiles = entries.filter((entry) => !entry.includes('@'));
	if (emails.length && mobiles.length) {
		fail(ctx, label, 'use email addresses or mobile numbers, not both (TalkBox would silently drop the mobile numbers)');
	}
	for (const email of emails) if (!isPlausibleEmail(email)) fail(ctx, label, `"${email}" is not a valid email address`);
	for (const mobile of mobiles) {
		if (mobile.startsWith('+')) fail(ctx, label, `"${mobile}": write the country code without "+" (e.g. 61498123456)`);
		if (!/^\d[\d ]{5,}$/.test(mobile)) fail(ctx, label, `"${mobile}" is not a mobile number`);
	}
	return entries.map((entry) => entry.replace(/ /g, '')).join(',');
}

/**
 * Builds the promotion body from the parameters and enforces the documented rules before
 * anything is sent: at least one of name / email subject / SMS body (create), email content,
 * one recipient selection, at most one schedule, and the [VOUCHER] / offer rule.
 */
async function buildPromotion(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const isCreate = this.getNodeParameter('operation') === 'create';
	const body: IDataObject = {};
	options.body = body;

	const name = text(this, 'name');
	const emailSubject = text(this, 'emailSubject');
	const smsBody = String(this.getNodeParameter('smsBody', '') ?? '');
	if (name) body.name = name;
	if (emailSubject) body.email_subject = emailSubject;
	if (smsBody.trim()) body.sms_body = smsBody;
	if (isCreate && !name && !emailSubject && !smsBody.trim()) {
		fail(this, 'Name / Email Subject / SMS Body', 'at least one of them is required');
	}

	// Content of the email.
	const content = this.getNodeParameter('content', 'none') as string;
	if (content === 'rawHtml') {
		const html = String(this.getNodeParameter('rawHtml', '') ?? '');
		if (!html.trim()) fail(this, 'Raw HTML', 'a value is required but this item has none');
		if (!/<html[\s>]/i.test(html) || !/<\/html>/i.test(html)) {
			fail(this, 'Raw HTML', 'the flyer must be a whole document, including <html></html> tags');
		}
		body.raw_html = html;
	} else if (content === 'structure') {
		body.structure = jsonText(this, this.getNodeParameter('structure', ''), 'Structure');
	} else if (content !== 'none') {
		fail(this, 'Content', `unknown value "${content}"`);
	}
	if (isCreate && emailSubject && content === 'none') {
		fail(this, 'Content', 'a promotion with an email subject needs email content: choose Raw HTML or Structure');
	}

	// Sender.
	const sender = this.getNodeParameter('sender', 'default') as string;
	if (sender === 'detail') {
		body.email_sender_detail_id = integerId(this, 'Email Sender Detail', text(this, 'emailSenderDetailId'));
	} else if (sender === 'nameAddress') {
		const senderName = text(this, 'emailSenderName');
		const senderAddress = text(this, 'emailSenderAddress');
		if (!senderName) fail(this, 'Email Sender Name', 'a value is required but this item has none');
		if (!isPlausibleEmail(senderAddress)) {
			fail(this, 'Email Sender Address', `"${senderAddress}" is not a valid email address`);
		}
		body.email_sender_name = senderName;
		body.email_sender_address = senderAddress;
	}

	// Offer and the [VOUCHER] placeholder.
	const offer = text(this, 'offerId');
	const hasPlaceholder = smsBody.includes(VOUCHER_PLACEHOLDER);
	if (offer) {
		body.offer_id = integerId(this, 'Offer', offer);
		if (isCreate && !smsBody.trim()) {
			fail(this, 'Offer', `an offer goes in the SMS: add an SMS body containing ${VOUCHER_PLACEHOLDER}`);
		}
		if (smsBody.trim() && !hasPlaceholder) {
			fail(this, 'SMS Body', `must contain the ${VOUCHER_PLACEHOLDER} placeholder where the offer goes`);
		}
	} else if (isCreate && hasPlaceholder) {
		fail(this, 'Offer', `the SMS body contains ${VOUCHER_PLACEHOLDER}: choose the offer it stands for`);
	}

	// Recipient selection (exactly one; none only for date-triggered or API-triggered promotions).
	const schedule = this.getNodeParameter('schedule', isCreate ? 'now' : 'unchanged') as string;
	const selection = this.getNodeParameter('recipientSelection', 'none') as string;
	switch (selection) {
		case 'filterCriteria': {
			const criteria = readFilterCriteria(this);
			if (!criteria) fail(this, 'Filter Criteria', 'add at least one criterion');
			body.filter_criteria = criteria;
			break;
		}
		case 'contactIds':
			body.contact_ids = idList(this, 'Contact IDs', this.getNodeParameter('contactIds', ''));
			break;
		case 'recipientDetails':
			body.recipient_details = recipientDetails(this);
			break;
		case 'tags': {
			const tags = list(this.getNodeParameter('tags', ''));
			if (tags.length === 0) fail(this, 'Tags', 'enter at least one tag');
			body.tags = tags.join(',');
			break;
		}
		case 'none':
			if (isCreate && schedule !== 'dateTrigger' && schedule !== 'manualTrigger') {
				fail(
					this,
					'Recipients',
					'choose who receives the promotion (only date-triggered and manually triggered promotions may have none)',
				);
			}
			break;
		default:
			fail(this, 'Recipients', `unknown value "${selection}"`);
	}

	// Schedule (at most one).
	switch (schedule) {
		case 'now':
		case 'unchanged':
			break;
		case 'sendTime':
			body.send_time = wallClock(this, this.getNodeParameter('sendTime', ''), 'Send Time');
			break;
		case 'dateTrigger': {
			const field = text(this, 'dateTriggerField');
			if (!field) fail(this, 'Date Field', 'choose the contact date field that triggers the promotion');
			const trigger: IDataObject = {
				field,
				offset_value: wholeNumber(this, 'offsetValue', 'Offset', 0, 10_000),
				offset_period: this.getNodeParameter('offsetPeriod', 'days') as string,
				offset_tense: this.getNodeParameter('offsetTense', 'away') as string,
				hour: wholeNumber(this, 'hour', 'Hour', 0, 23),
				minute: wholeNumber(this, 'minute', 'Minute', 0, 59),
			};
			const anniversary = this.getNodeParameter('anniversary', 'every') as string;
			if (anniversary === 'once') trigger.only_nth_anniversary = 0;
			if (anniversary === 'nth') {
				trigger.only_nth_anniversary = wholeNumber(this, 'nthAnniversary', 'Nth Anniversary', 1, 200);
			}
			body.date_trigger = trigger;
			break;
		}
		case 'manualTrigger':
			body.manual_trigger = true;
			break;
		default:
			fail(this, 'Schedule', `unknown value "${schedule}"`);
	}

	// Options.
	const extra = this.getNodeParameter('promotionOptions', {}) as IDataObject;
	if (extra.emailPreheader) body.email_preheader = String(extra.emailPreheader);
	if (extra.smsSenderDetailId !== undefined && extra.smsSenderDetailId !== '' && extra.smsSenderDetailId !== 0) {
		body.sms_sender_detail_id = integerId(this, 'SMS Sender Detail ID', String(extra.smsSenderDetailId));
	}
	if (extra.smsSenderName) body.sms_sender_name = String(extra.smsSenderName);
	if (extra.preferredChannel) body.preferred_channel = String(extra.preferredChannel);
	for (const flag of ['test', 'enabled', 'marketing'] as const) {
		if (typeof extra[flag] === 'boolean') body[flag] = extra[flag];
	}

	if (!isCreate && Object.keys(body).length === 0) {
		fail(this, 'Promotion', 'nothing to update: set at least one field, recipient selection or schedule');
	}
	return options;
}

const promotionId = (operations: string[]): INodeProperties => ({
	displayName: 'Promotion ID',
	name: 'promotionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 123',
	description: 'ID of the promotion',
	displayOptions: show(operations),
});

const BOTH = ['create', 'update'];

export const promotionResource: TalkBoxResource = {
	option: { name: 'Promotion', value: 'promotion' },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['promotion'] } },
			options: [
				operation({
					name: 'Create',
					value: 'create',
					action: 'Create a promotion',
					description: 'Create an email and/or SMS promotion, sent now, at a time, on a date trigger or by API',
					method: 'POST',
					url: '/promotions',
					preSend: [buildPromotion],
				}),
				operation({
					name: 'Delete',
					value: 'delete',
					action: 'Delete a promotion',
					description: 'Delete a promotion',
					method: 'DELETE',
					url: '/promotions',
					preSend: [idPath('/promotions/{0}', [{ parameter: 'promotionId', label: 'Promotion ID' }])],
				}),
				operation({
					name: 'Update',
					value: 'update',
					action: 'Update a promotion',
					description: 'Change a promotion; it is sent again only when a send time or date trigger is set',
					method: 'PUT',
					url: '/promotions',
					preSend: [idPath('/promotions/{0}', [{ parameter: 'promotionId', label: 'Promotion ID' }]), buildPromotion],
				}),
			],
			default: 'create',
		},
		promotionId(['update', 'delete']),
		{
			displayName: 'Deleting a promotion cannot be undone; scheduled and triggered sends of it stop.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
		{
			displayName:
				'With Send Immediately the promotion goes out to its recipients as soon as this node runs. Use Test (under Options) or a send time to try it first.',
			name: 'sendNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['create'], { schedule: ['now'] }),
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: "e.g. What's on this week",
			description:
				'Promotion name; also the email subject when Email Subject is empty. On create, at least one of Name, Email Subject and SMS Body is required.',
			displayOptions: show(BOTH),
		},
		{
			displayName: 'Email Subject',
			name: 'emailSubject',
			type: 'string',
			default: '',
			description: 'Subject line of the email; also the promotion name when Name is empty',
			displayOptions: show(BOTH),
		},
		{
			displayName: 'SMS Body',
			name: 'smsBody',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: `Text of the SMS. With an offer it must contain ${VOUCHER_PLACEHOLDER} where the voucher goes.`,
			displayOptions: show(BOTH),
		},
		{
			displayName: 'Email Content',
			name: 'content',
			type: 'options',
			default: 'none',
			description: 'Body of the email (required when the promotion has an email subject)',
			displayOptions: show(BOTH),
			options: [
				{ name: 'None (SMS Only or Unchanged)', value: 'none' },
				{ name: 'Raw HTML', value: 'rawHtml', description: 'A whole HTML document, including the html tags' },
				{ name: 'Structure', value: 'structure', description: 'JSON structure made by the TalkBox editor' },
			],
		},
		{
			displayName: 'Raw HTML',
			name: 'rawHtml',
			type: 'string',
			typeOptions: { rows: 6 },
			default: '',
			placeholder: '<html><body><h1>Hello</h1></body></html>',
			displayOptions: show(BOTH, { content: ['rawHtml'] }),
		},
		{
			displayName: 'Structure (JSON)',
			name: 'structure',
			type: 'json',
			default: '',
			description: 'The JSON structure string created by the TalkBox drag-and-drop editor (e.g. a template’s structure)',
			displayOptions: show(BOTH, { content: ['structure'] }),
		},
		{
			displayName: 'Email Sender',
			name: 'sender',
			type: 'options',
			default: 'default',
			displayOptions: show(BOTH),
			options: [
				{ name: 'Account Default', value: 'default', description: 'The nominated default sender (or the first one)' },
				{ name: 'Email Sender Detail', value: 'detail', description: 'One of the account’s email sender details' },
				{
					name: 'Name and Address',
					value: 'nameAddress',
					description: 'Find the sender detail with this name and address, or create it',
				},
			],
		},
		idLocator({
			displayName: 'Email Sender Detail',
			name: 'emailSenderDetailId',
			description: 'The email sender detail that sends the promotion',
			searchListMethod: 'searchEmailSenderDetails',
			displayOptions: show(BOTH, { sender: ['detail'] }),
		}),
		{
			displayName: 'Email Sender Name',
			name: 'emailSenderName',
			type: 'string',
			default: '',
			displayOptions: show(BOTH, { sender: ['nameAddress'] }),
		},
		{
			displayName: 'Email Sender Address',
			name: 'emailSenderAddress',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			displayOptions: show(BOTH, { sender: ['nameAddress'] }),
		},
		idLocator({
			displayName: 'Offer',
			name: 'offerId',
			description: `Offer whose voucher the SMS carries (the SMS body must contain ${VOUCHER_PLACEHOLDER}). Leave empty for none.`,
			searchListMethod: 'searchOffers',
			required: false,
			displayOptions: show(BOTH),
		}),
		{
			displayName: 'Recipients',
			name: 'recipientSelection',
			type: 'options',
			default: 'recipientDetails',
			description: 'Who receives the promotion (TalkBox takes one kind of selection)',
			displayOptions: show(['create']),
			options: [
				{ name: 'Contact IDs', value: 'contactIds' },
				{ name: 'Email Addresses or Mobile Numbers', value: 'recipientDetails' },
				{ name: 'Filter Criteria', value: 'filterCriteria', description: 'Contacts whose fields match conditions' },
				{
					name: 'None (Date or Manual Trigger Only)',
					value: 'none',
					description: 'All contacts the date trigger finds, or the recipients given when triggered',
				},
				{ name: 'Tags', value: 'tags', description: 'Contacts with any of these tags' },
			],
		},
		{
			displayName: 'Recipients',
			name: 'recipientSelection',
			type: 'options',
			default: 'none',
			description: 'Replace who receives the promotion (TalkBox takes one kind of selection)',
			displayOptions: show(['update']),
			options: [
				{ name: 'Contact IDs', value: 'contactIds' },
				{ name: 'Email Addresses or Mobile Numbers', value: 'recipientDetails' },
				{ name: 'Filter Criteria', value: 'filterCriteria' },
				{ name: 'Tags', value: 'tags' },
				{ name: 'Unchanged', value: 'none' },
			],
		},
		filterCriteriaProperty(show(BOTH, { recipientSelection: ['filterCriteria'] }), true),
		{
			displayName: 'Contact IDs',
			name: 'contactIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 123,456,789',
			description: 'Comma-separated contact IDs',
			displayOptions: show(BOTH, { recipientSelection: ['contactIds'] }),
		},
		{
			displayName: 'Email Addresses or Mobile Numbers',
			name: 'recipientDetails',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ann@example.com,bob@example.com',
			description:
				'Comma-separated email addresses, or comma-separated mobile numbers (country code without "+", e.g. 61498123456) — not both',
			displayOptions: show(BOTH, { recipientSelection: ['recipientDetails'] }),
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. VIP,Inner-city',
			description: 'Comma-separated tag names',
			displayOptions: show(BOTH, { recipientSelection: ['tags'] }),
		},
		{
			displayName: 'Schedule',
			name: 'schedule',
			type: 'options',
			default: 'now',
			displayOptions: show(['create']),
			options: [
				{ name: 'Send Immediately', value: 'now' },
				{ name: 'At a Send Time', value: 'sendTime' },
				{
					name: 'Date Trigger',
					value: 'dateTrigger',
					description: 'Every day, to contacts whose date field is a given time away or ago',
				},
				{
					name: 'Manual Trigger',
					value: 'manualTrigger',
					description: 'Only when triggered (Communication → Trigger)',
				},
			],
		},
		{
			displayName: 'Schedule',
			name: 'schedule',
			type: 'options',
			default: 'unchanged',
			displayOptions: show(['update']),
			options: [
				{ name: 'Unchanged (Not Sent Now)', value: 'unchanged' },
				{ name: 'At a Send Time', value: 'sendTime' },
				{ name: 'Date Trigger', value: 'dateTrigger' },
				{ name: 'Manual Trigger', value: 'manualTrigger' },
			],
		},
		{
			displayName: 'Send Time',
			name: 'sendTime',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'When to send, sent as a wall-clock time (yyyy-mm-dd hh:mm) that TalkBox reads in the account’s time zone. A time with a zone offset is converted to the workflow’s time zone first.',
			displayOptions: show(BOTH, { schedule: ['sendTime'] }),
		},
		{
			displayName: 'Date Field Name or ID',
			name: 'dateTriggerField',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCampaignDateFields' },
			default: '',
			required: true,
			description:
				'Contact date field the trigger looks at (e.g. date_of_birth). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: show(BOTH, { schedule: ['dateTrigger'] }),
		},
		{
			displayName: 'Offset',
			name: 'offsetValue',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'How far the date is from the send day, e.g. 3 (days away)',
			displayOptions: show(BOTH, { schedule: ['dateTrigger'] }),
		},
		{
			displayName: 'Offset Period',
			name: 'offsetPeriod',
			type: 'options',
			default: 'days',
			displayOptions: show(BOTH, { schedule: ['dateTrigger'] }),
			options: [
				{ name: 'Days', value: 'days' },
				{ name: 'Weeks', value: 'weeks' },
				{ name: 'Months', value: 'months' },
				{ name: 'Years', value: 'years' },
			],
		},
		{
			displayName: 'Offset Direction',
			name: 'offsetTense',
			type: 'options',
			default: 'away',
			displayOptions: show(BOTH, { schedule: ['dateTrigger'] }),
			options: [
				{ name: 'Away (Before the Date)', value: 'away' },
				{ name: 'Ago (After the Date)', value: 'ago' },
			],
		},
		{
			displayName: 'Hour',
			name: 'hour',
			type: 'number',
			default: 9,
			typeOptions: { minValue: 0, maxValue: 23 },
			description: 'Hour of the daily send, local time (0–23)',
			displayOptions: show(BOTH, { schedule: ['dateTrigger'] }),
		},
		{
			displayName: 'Minute',
			name: 'minute',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 59 },
			displayOptions: show(BOTH, { schedule: ['dateTrigger'] }),
		},
		{
			displayName: 'Anniversaries',
			name: 'anniversary',
			type: 'options',
			default: 'every',
			displayOptions: show(BOTH, { schedule: ['dateTrigger'] }),
			options: [
				{ name: 'Every Year', value: 'every', description: 'Send on every anniversary of the date' },
				{ name: 'Only Once', value: 'once', description: 'Send once, for the date itself' },
				{ name: 'Only the Nth', value: 'nth', description: 'Send only for one anniversary, e.g. the 21st birthday' },
			],
		},
		{
			displayName: 'Nth Anniversary',
			name: 'nthAnniversary',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
			displayOptions: show(BOTH, { schedule: ['dateTrigger'], anniversary: ['nth'] }),
		},
		{
			displayName: 'Options',
			name: 'promotionOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show(BOTH),
			options: [
				{
					displayName: 'Email Preheader',
					name: 'emailPreheader',
					type: 'string',
					default: '',
					description: 'Summary text shown after the subject line in the inbox',
				},
				{
					displayName: 'Enabled',
					name: 'enabled',
					type: 'boolean',
					default: true,
					description: 'Whether the promotion is enabled (a disabled promotion does not send)',
				},
				{
					displayName: 'Marketing',
					name: 'marketing',
					type: 'boolean',
					default: true,
					description:
						'Whether the messages are marketing. Non-marketing messages also go to unsubscribed contacts and carry no opt-out (only for eligible accounts, e.g. appointment reminders).',
				},
				{
					displayName: 'Preferred Channel',
					name: 'preferredChannel',
					type: 'options',
					default: 'email',
					description: 'For contacts reachable by both: send only this channel (unset: both)',
					options: [
						{ name: 'Email', value: 'email' },
						{ name: 'SMS', value: 'sms' },
					],
				},
				{
					displayName: 'SMS Sender Detail ID',
					name: 'smsSenderDetailId',
					type: 'number',
					default: 0,
					description: 'ID of the SMS sender detail that sends the promotion',
				},
				{
					displayName: 'SMS Sender Name',
					name: 'smsSenderName',
					type: 'string',
					default: '',
					description: 'Displayed sender of the SMS',
				},
				{
					displayName: 'Test',
					name: 'test',
					type: 'boolean',
					default: false,
					description:
						'Whether a communication sent now is marked as a test in reports (scheduled sends are not marked)',
				},
			],
		},
	],
};
