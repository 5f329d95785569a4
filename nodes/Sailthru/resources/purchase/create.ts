/** Purchase → Create (POST /purchase): a completed order or a cart update. Money is integer cents. */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail, requiredText, showFor, type ResourceOperation } from '../../../shared';
import {
	callParameters,
	cents,
	jsonObject,
	optional,
	required,
	sailthruTime,
	singleEmail,
	trimmed,
	type Read,
} from '../../lib/helpers';
import { itemProperties, itemsParameter } from './items';
import { operation } from '../../lib/operation';

const showPurchase = showFor('purchase');

/** `adjustments` / `tenders`: title + price (cents) rows. */
function amountRows(ctx: IExecuteSingleFunctions, label: string, value: unknown, allowNegative: boolean) {
	const rows = ((value as IDataObject | undefined)?.entry ?? []) as Array<{ title?: unknown; price?: unknown }>;
	const result = rows.map((row, index) => {
		const title = trimmed(row.title);
		if (!title) fail(ctx, label, `entry ${index + 1} has no title`);
		return { title, price: cents(ctx, `${label} (${title})`, row.price, allowNegative) };
	});
	return result.length ? result : undefined;
}

function purchaseParameters(this: IExecuteSingleFunctions, read: Read): IDataObject {
	const email = singleEmail(this, 'Email', required(this, read, 'email', 'Email'));
	const items = itemsParameter(this, read, 'purchase');
	const extra = (read('additionalFields', {}) as IDataObject) ?? {};
	const extid = optional(extra.extid);
	return {
		email,
		items,
		incomplete: read('incomplete', false) === true ? 1 : undefined,
		message_id: optional(extra.message_id),
		purchase_keys: extid ? { extid } : undefined,
		adjustments: amountRows(this, 'Adjustments', extra.adjustments, true),
		tenders: amountRows(this, 'Tenders', extra.tenders, false),
		vars: jsonObject(this, 'Purchase Vars', extra.vars),
		date: sailthruTime(this, extra.date),
		channel: optional(extra.channel),
		reminder_template: optional(extra.reminder_template),
		reminder_time: sailthruTime(this, extra.reminder_time),
		send_template: optional(extra.send_template),
		cookies: jsonObject(this, 'Cookies', extra.cookies),
	};
}

const titlePriceRows = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	default: {},
	placeholder: `Add ${displayName.replace(/s$/, '')}`,
	typeOptions: { multipleValues: true },
	description,
	options: [
		{
			displayName: 'Entry',
			name: 'entry',
			values: [
				{ displayName: 'Title', name: 'title', type: 'string', default: '' },
				{ displayName: 'Amount (Cents)', name: 'price', type: 'number', default: 0, description: 'In cents: $5.00 is 500' },
			],
		},
	],
});

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Record a purchase',
		description: 'Record a completed order, or update a cart (Incomplete). A purchase cannot be edited later.',
		method: 'POST',
		url: '/purchase',
		retrySafe: false,
		preSend: [callParameters(purchaseParameters)],
	}),
	fields: [
		requiredText('Email', 'email', 'name@email.com', 'The buyer’s email address', showPurchase(['create'])),
		...itemProperties('purchase', 'purchase'),
		{
			displayName: 'Incomplete (Cart)',
			name: 'incomplete',
			type: 'boolean',
			default: false,
			description: 'Whether this is a cart update rather than a completed order (for abandoned-cart reminders)',
			displayOptions: showPurchase(['create']),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: showPurchase(['create']),
			options: [
				titlePriceRows('Adjustments', 'adjustments', 'Discounts (negative), shipping, tax… in cents'),
				{
					displayName: 'Channel',
					name: 'channel',
					type: 'options',
					default: 'online',
					options: [
						{ name: 'App', value: 'app' },
						{ name: 'Offline', value: 'offline' },
						{ name: 'Online', value: 'online' },
					],
				},
				{ displayName: 'Cookies (JSON)', name: 'cookies', type: 'json', default: '{}', description: 'Cookies from the buyer’s browser, e.g. {"sailthru_hid": "…"}' },
				{
					displayName: 'Date',
					name: 'date',
					type: 'string',
					default: '',
					placeholder: '2025-01-02 10:00 UTC',
					description: 'When the purchase happened (default: now), with its time zone',
				},
				{
					displayName: 'Message ID',
					name: 'message_id',
					type: 'string',
					default: '',
					description: 'The sailthru_bid cookie value: attributes the revenue to a campaign',
				},
				{ displayName: 'Order ID (Extid)', name: 'extid', type: 'string', default: '', description: 'Your order ID, sent as purchase_keys.extid' },
				{ displayName: 'Purchase Vars (JSON)', name: 'vars', type: 'json', default: '{}', description: 'Purchase-level vars' },
				{ displayName: 'Reminder Template', name: 'reminder_template', type: 'string', default: '', description: 'Abandoned-cart reminder template' },
				{
					displayName: 'Reminder Time',
					name: 'reminder_time',
					type: 'string',
					default: '',
					placeholder: '+4 hours',
					description: 'When to send the reminder, e.g. "+4 hours" or a date and time with its zone',
				},
				{ displayName: 'Send Template', name: 'send_template', type: 'string', default: '', description: 'Receipt template to send now' },
				titlePriceRows('Tenders', 'tenders', 'How it was paid (card, gift card…), in cents'),
			],
		},
	],
};
