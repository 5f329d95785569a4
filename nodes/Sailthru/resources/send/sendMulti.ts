/** Send → Send to Many (POST /send): a transactional template to several addresses, with vars per recipient. */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { emailList, fail, requiredText, showFor, type ResourceOperation } from '../../../shared';
import { emptyRecord, hasOwn, setOwn } from '../../../shared/record';
import { callParameters, jsonObject, keyValueJson, required, sailthruTime, trimmed, type Read } from '../../lib/helpers';
import { commonOptions, sendOptions, varsProperties } from './options';
import { operation } from '../../lib/operation';

const show = showFor('send');

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

export const sendMultiOperation: ResourceOperation = {
	option: operation({
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
	fields: [
		requiredText('Emails', 'emails', 'ann@example.com, bob@example.com', 'The recipients, separated by commas', show(['sendMulti'])),
		...varsProperties('sendMulti'),
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
			displayOptions: show(['sendMulti']),
			options: commonOptions,
		},
	],
};
