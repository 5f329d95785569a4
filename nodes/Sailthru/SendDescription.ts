/**
 * Transactional sends: POST /send to one address or to many (comma-joined, with per-recipient
 * vars), GET /send for a send's status, DELETE /send to cancel a scheduled one.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { emailList, fail, isEmpty, operationFactory, showFor } from '../shared';
import { emptyRecord, hasOwn, setOwn } from '../shared/record';
import {
	callParameters,
	jsonObject,
	keyValueJson,
	keyValueJsonProperties,
	nameLocator,
	required,
	sailthruTime,
	singleEmail,
	trimmed,
	type Read,
} from './lib/helpers';
import { sailthru } from './profile';

const operation = operationFactory(sailthru);
const show = showFor('send');

/** `options` and `limit`, from the Additional Fields collection. */
function sendOptions(ctx: IExecuteSingleFunctions, read: Read): { options?: IDataObject; limit?: IDataObject } {
	const extra = (read('additionalFields', {}) as IDataObject) ?? {};
	const options: IDataObject = {};
	if (!isEmpty(extra.replyto)) options.replyto = trimmed(extra.replyto);
	if (extra.test === true) options.test = 1;
	if (!isEmpty(extra.behalf_email)) options.behalf_email = singleEmail(ctx, 'Behalf Email', trimmed(extra.behalf_email));
	const limitRow = ((extra.limit as IDataObject | undefined)?.settings ?? undefined) as IDataObject | undefined;
	let limit: IDataObject | undefined;
	if (limitRow) {
		const name = trimmed(limitRow.name);
		if (!name) fail(ctx, 'Limit', 'the limit name is required');
		limit = { name };
		if (!isEmpty(limitRow.within_time)) limit.within_time = trimmed(limitRow.within_time);
		if (!isEmpty(limitRow.conflict)) limit.conflict = trimmed(limitRow.conflict);
	}
	return { options: Object.keys(options).length ? options : undefined, limit };
}

/** `evars`: each recipient's own vars, keyed by email; every key must be one of the recipients. */
function evarsParameter(ctx: IExecuteSingleFunctions, read: Read, recipients: string[]): IDataObject | undefined {
	let evars: IDataObject | undefined;
	if (read('evarsInputMode', 'keyValue') === 'json') {
		evars = jsonObject(ctx, 'Recipient Vars (JSON)', read('evarsJson', ''));
	} else {
		const rows = (read('evars.recipient', []) as Array<{ email?: unknown; vars?: unknown }>) ?? [];
		// Keyed by what the user typed: a null-prototype record keeps any text a plain key.
		const result = emptyRecord();
		for (const [index, row] of rows.entries()) {
			const email = trimmed(row.email);
			if (!email) fail(ctx, 'Recipient Vars', `entry ${index + 1} has no email address`);
			if (hasOwn(result, email)) fail(ctx, 'Recipient Vars', `${email} appears twice`);
			setOwn(result, email, jsonObject(ctx, `Recipient Vars (${email})`, row.vars) ?? {});
		}
		evars = Object.keys(result).length ? result : undefined;
	}
	for (const [email, vars] of Object.entries(evars ?? {})) {
		if (!recipients.some((recipient) => recipient.toLowerCase() === email.toLowerCase())) {
			fail(ctx, 'Recipient Vars', `${email} is not one of the recipients`);
		}
		if (vars === null || typeof vars !== 'object' || Array.isArray(vars)) {
			fail(ctx, 'Recipient Vars', `the vars of ${email} must be a JSON object`);
		}
	}
	return evars;
}

export const sendOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['send'] } },
		options: [
			operation({
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a scheduled send',
				description: 'Cancel a send that is scheduled and has not gone out yet',
				method: 'DELETE',
				url: '/send',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return { send_id: required(this, read, 'sendId', 'Send ID') };
				})],
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a send',
				description: 'Get the status and times of a send, and its view URL',
				method: 'GET',
				url: '/send',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return { send_id: required(this, read, 'sendId', 'Send ID') };
				})],
			}),
			operation({
				name: 'Send',
				value: 'send',
				action: 'Send a template to one address',
				description: 'Send a transactional template to one email address',
				method: 'POST',
				url: '/send',
				retrySafe: false,
				preSend: [callParameters(function (read) {
					const template = required(this, read, 'template', 'Template');
					const email = singleEmail(this, 'Email', required(this, read, 'email', 'Email'));
					const { options, limit } = sendOptions(this, read);
					return {
						template,
						email,
						vars: keyValueJson(this, read, 'vars', 'Vars'),
						schedule_time: sailthruTime(this, (read('additionalFields', {}) as IDataObject).schedule_time),
						options,
						limit,
					};
				})],
			}),
			operation({
				name: 'Send to Many',
				value: 'sendMulti',
				action: 'Send a template to many addresses',
				description: 'Send a transactional template to several email addresses, with vars per recipient',
				method: 'POST',
				url: '/send',
				retrySafe: false,
				preSend: [callParameters(function (read) {
					const template = required(this, read, 'template', 'Template');
					const email = emailList(this, 'Emails', read('emails', ''));
					const { options } = sendOptions(this, read);
					return {
						template,
						email,
						vars: keyValueJson(this, read, 'vars', 'Vars'),
						evars: evarsParameter(this, read, email.split(',')),
						schedule_time: sailthruTime(this, (read('additionalFields', {}) as IDataObject).schedule_time),
						options,
					};
				})],
			}),
		],
		default: 'send',
	},
];

const scheduleTime: INodeProperties = {
	displayName: 'Schedule Time',
	name: 'schedule_time',
	type: 'string',
	default: '',
	placeholder: '2025-01-02 10:00 UTC',
	description:
		'Send later instead of now: a date and time with its time zone, or a relative time such as "+3 hours" (a date picker value is taken in the workflow’s time zone)',
};

const commonOptions: INodeProperties[] = [
	{
		displayName: 'Behalf Email',
		name: 'behalf_email',
		type: 'string',
		default: '',
		placeholder: 'partner@example.com',
		description: 'Send on behalf of this address (sets the Sender header)',
	},
	{
		displayName: 'Reply-To',
		name: 'replyto',
		type: 'string',
		default: '',
		placeholder: 'support@example.com',
		description: 'Reply-To address that overrides the template’s',
	},
	scheduleTime,
	{
		displayName: 'Test',
		name: 'test',
		type: 'boolean',
		default: false,
		description: 'Whether to send as a test: marked as a test and left out of the stats',
	},
];

export const sendFields: INodeProperties[] = [
	{
		displayName: 'Send ID',
		name: 'sendId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'TE8EZ3-LmosnAgAA',
		description: 'The send_id that Send returned',
		displayOptions: show(['get', 'cancel']),
	},
	{
		displayName: 'Only a scheduled send can be cancelled: Sailthru refuses (HTTP 403) once it has gone out',
		name: 'cancelNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['cancel']),
	},
	nameLocator({
		displayName: 'Template',
		name: 'template',
		description: 'The template to send',
		searchListMethod: 'searchTemplates',
		typedName: 'By Name',
		placeholder: 'e.g. order-shipped',
		displayOptions: show(['send', 'sendMulti']),
	}),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'name@email.com',
		description: 'One email address (use Send to Many for several)',
		displayOptions: show(['send']),
	},
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'ann@example.com, bob@example.com',
		description: 'The recipients, separated by commas',
		displayOptions: show(['sendMulti']),
	},
	...keyValueJsonProperties(
		{
			name: 'vars',
			displayName: 'Vars',
			description: 'Variables for the template, used in it as {name}',
			jsonExample: '{"order_id": "A-100", "carrier": "UPS"}',
		},
		'send',
		['send', 'sendMulti'],
	),
	{
		displayName: 'Recipient Vars Input Mode',
		name: 'evarsInputMode',
		type: 'options',
		default: 'keyValue',
		description: 'How to give each recipient’s own vars',
		options: [
			{ name: 'One Row per Recipient', value: 'keyValue', description: 'An email address and a JSON object of vars' },
			{ name: 'JSON', value: 'json', description: 'One JSON object keyed by email address' },
		],
		displayOptions: show(['sendMulti']),
	},
	{
		displayName: 'Recipient Vars',
		name: 'evars',
		type: 'fixedCollection',
		placeholder: 'Add Recipient',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Vars for one recipient only; they override the common vars',
		displayOptions: show(['sendMulti'], { evarsInputMode: ['keyValue'] }),
		options: [
			{
				displayName: 'Recipient',
				name: 'recipient',
				values: [
					{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'ann@example.com' },
					{
						displayName: 'Vars (JSON)',
						name: 'vars',
						type: 'json',
						default: '{}',
						description: 'This recipient’s vars, e.g. {"first_name": "Ann"}',
					},
				],
			},
		],
	},
	{
		displayName: 'Recipient Vars (JSON)',
		name: 'evarsJson',
		type: 'json',
		default: '{}',
		description: 'Vars per recipient, keyed by email, e.g. {"ann@example.com": {"first_name": "Ann"}}',
		displayOptions: show(['sendMulti'], { evarsInputMode: ['json'] }),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['send']),
		options: [
			...commonOptions,
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'fixedCollection',
				default: {},
				placeholder: 'Add Limit',
				description: 'Send at most once per limit name within a time window',
				options: [
					{
						displayName: 'Settings',
						name: 'settings',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'shipping-note' },
							{
								displayName: 'Within Time',
								name: 'within_time',
								type: 'string',
								default: '',
								placeholder: '1 day',
								description: 'The window, e.g. "1 day" or "12 hours"',
							},
							{
								displayName: 'Conflict',
								name: 'conflict',
								type: 'options',
								default: 'max',
								description: 'Which send wins when two fall within the window, as Sailthru defines it',
								options: [
									{ name: 'Max', value: 'max' },
									{ name: 'Min', value: 'min' },
								],
							},
						],
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['sendMulti']),
		options: commonOptions,
	},
];
