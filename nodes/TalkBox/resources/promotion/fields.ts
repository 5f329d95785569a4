/**
 * The promotion form Create and Update share (each shows it with its own Recipients and Schedule
 * choices, listed between these groups in the resource's fields).
 */
import type { INodeProperties } from 'n8n-workflow';

import { idLocator, showFor } from '../../../shared';
import { filterCriteriaProperty } from '../../lib/filterCriteria';
import { VOUCHER_PLACEHOLDER } from './body';

const show = showFor('promotion');

const BOTH = ['create', 'update'];

/** Name, email subject, SMS body, email content, sender and offer. */
export const messageFields: INodeProperties[] = [
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
];

/** The recipients of the chosen Recipients selection. */
export const recipientFields: INodeProperties[] = [
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
];

/** The send time or date trigger of the chosen Schedule. */
export const scheduleFields: INodeProperties[] = [
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
];

export const promotionOptions: INodeProperties = {
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
};
