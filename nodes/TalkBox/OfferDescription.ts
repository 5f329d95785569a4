import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, idLocator, idPath, integerId, isoDateTime, list, listProperties, showFor, text, parseJson } from '../shared';
import { operation } from './operation';
import type { TalkBoxResource } from './types';

const show = showFor('offer');

const offerId = idPath('/offers/{0}', [{ parameter: 'offerId', label: 'Offer' }]);

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MAX_DESCRIPTION = 150;
/** "12:05 AM" as in TalkBox's examples, or 24-hour "00:05". */
const TIME_OF_DAY = /^(([01]?\d|2[0-3]):[0-5]\d|(0?[1-9]|1[0-2]):[0-5]\d ?[AaPp][Mm])$/;

function description(ctx: IExecuteSingleFunctions, value: unknown): string {
	const text = String(value ?? '').trim();
	if (text === '') fail(ctx, 'Description', 'a value is required but this item has none');
	if (/[\r\n]/.test(text)) fail(ctx, 'Description', 'line breaks are not allowed');
	if (text.length > MAX_DESCRIPTION) {
		fail(ctx, 'Description', `at most ${MAX_DESCRIPTION} characters (this one has ${text.length})`);
	}
	return text;
}

/** A validity date/time as ISO-8601 (with the workflow's zone), or only its date part. */
function dateTimeValue(ctx: IExecuteSingleFunctions, value: unknown, label: string, dateOnly: boolean): string {
	const iso = isoDateTime(ctx, value, label);
	return dateOnly ? iso.slice(0, 10) : iso;
}

/** The optional `offer[...]` fields from the Additional/Update Fields collection. */
function optionalFields(ctx: IExecuteSingleFunctions, fields: IDataObject, offer: IDataObject) {
	if (fields.name !== undefined) {
		const name = String(fields.name).trim();
		if (!name) fail(ctx, 'Name', 'must not be empty');
		offer.name = name;
	}
	if (fields.description !== undefined) offer.description = description(ctx, fields.description);
	if (fields.duration !== undefined) {
		const duration = Number(fields.duration);
		if (!Number.isInteger(duration) || duration < 0) fail(ctx, 'Duration (Days)', 'must be a whole number of days');
		offer.duration = duration;
	}
	if (typeof fields.archived === 'boolean') offer.archived = fields.archived;
	for (const [name, key, label, dateOnly] of [
		['validFrom', 'valid_from', 'Valid From (Date)', true],
		['validTo', 'valid_to', 'Valid To (Date)', true],
		['validFromDatetime', 'valid_from_datetime', 'Valid From', false],
		['validToDatetime', 'valid_to_datetime', 'Valid To', false],
	] as const) {
		if (fields[name] !== undefined && fields[name] !== '') {
			offer[key] = dateTimeValue(ctx, fields[name], label, dateOnly);
		}
	}
	if (fields.userData !== undefined && String(fields.userData).trim() !== '') {
		const userData = parseJson(ctx, 'User Data', fields.userData, true);
		offer.user_data = userData as IDataObject;
	}
	if (fields.reminderMessageIds !== undefined) {
		offer.reminder_message_ids = list(fields.reminderMessageIds).map((id) =>
			integerId(ctx, 'Reminder Message IDs', id),
		);
	}
	for (const [name, key, label] of [
		['expiryMessageId', 'expiry_message_id', 'Expiry Message ID'],
		['redemptionMessageId', 'redemption_message_id', 'Redemption Message ID'],
		['creationMessageId', 'creation_message_id', 'Creation Message ID'],
	] as const) {
		if (fields[name] !== undefined && String(fields[name]).trim() !== '') {
			offer[key] = integerId(ctx, label, String(fields[name]).trim());
		}
	}
	if (fields.restrictDays !== undefined) {
		const days = [...new Set(list(fields.restrictDays))];
		for (const day of days) {
			if (!WEEKDAYS.includes(day)) fail(ctx, 'Redeemable Days', `"${day}" is not a day of the week`);
		}
		offer.restrict_days = WEEKDAYS.filter((day) => days.includes(day));
	}
	const from = fields.restrictFromTime === undefined ? '' : String(fields.restrictFromTime).trim();
	const to = fields.restrictToTime === undefined ? '' : String(fields.restrictToTime).trim();
	if (from || to) {
		if (!from || !to) {
			fail(ctx, 'Redeemable From / Until', 'set both times (TalkBox ignores one without the other)');
		}
		for (const [label, value] of [
			['Redeemable From', from],
			['Redeemable Until', to],
		]) {
			if (!TIME_OF_DAY.test(value)) fail(ctx, label, `"${value}" is not a time of day (e.g. 12:05 AM or 16:30)`);
		}
		offer.restrict_from_time = from;
		offer.restrict_to_time = to;
	}
}

/** Create: `{offer: {name, description, ...}}` with name and description required. */
async function buildCreate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const name = text(this, 'offerName');
	if (!name) fail(this, 'Name', 'a value is required but this item has none');
	const offer: IDataObject = { name, description: description(this, this.getNodeParameter('offerDescription', '')) };
	optionalFields(this, this.getNodeParameter('additionalFields', {}) as IDataObject, offer);
	options.body = { offer };
	return options;
}

/** Update: `{offer: {...}}` with only the fields set (at least one). */
async function buildUpdate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const offer: IDataObject = {};
	optionalFields(this, this.getNodeParameter('updateFields', {}) as IDataObject, offer);
	if (Object.keys(offer).length === 0) fail(this, 'Update Fields', 'add at least one field to change');
	options.body = { offer };
	return options;
}

/** The optional offer fields (Additional Fields on create, Update Fields on update). */
function offerFields(withNameAndDescription: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Archived',
			name: 'archived',
			type: 'boolean',
			default: false,
			description: 'Whether the offer is archived',
		},
		{
			displayName: 'Creation Message ID',
			name: 'creationMessageId',
			type: 'string',
			default: '',
			description: 'ID of the promotion sent when a voucher of this offer is issued',
		},
		{
			displayName: 'Duration (Days)',
			name: 'duration',
			type: 'number',
			default: 30,
			typeOptions: { minValue: 0 },
			description: 'How many days a voucher stays valid after it is issued',
		},
		{
			displayName: 'Expiry Message ID',
			name: 'expiryMessageId',
			type: 'string',
			default: '',
			description: 'ID of the promotion sent when a voucher expires',
		},
		{
			displayName: 'Redeemable Days',
			name: 'restrictDays',
			type: 'multiOptions',
			default: [],
			description: 'Days of the week the offer can be redeemed on (none: every day)',
			options: WEEKDAYS.map((day) => ({ name: day, value: day })),
		},
		{
			displayName: 'Redeemable From',
			name: 'restrictFromTime',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12:05 AM',
			description: 'Time of day from which the offer can be redeemed (needs Redeemable Until)',
		},
		{
			displayName: 'Redeemable Until',
			name: 'restrictToTime',
			type: 'string',
			default: '',
			placeholder: 'e.g. 04:30 AM',
			description: 'Time of day after which the offer cannot be redeemed (needs Redeemable From)',
		},
		{
			displayName: 'Redemption Message ID',
			name: 'redemptionMessageId',
			type: 'string',
			default: '',
			description: 'ID of the promotion sent when a voucher is redeemed',
		},
		{
			displayName: 'Reminder Message IDs',
			name: 'reminderMessageIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 101,102',
			description: 'Comma-separated IDs of the promotions sent as reminders',
		},
		{
			displayName: 'User Data (JSON)',
			name: 'userData',
			type: 'json',
			default: '{}',
			description: 'Data passed to the scanning app when a voucher of this offer is redeemed',
		},
		{
			displayName: 'Valid From',
			name: 'validFromDatetime',
			type: 'dateTime',
			default: '',
			description: 'Start of the validity period (date and time)',
		},
		{
			displayName: 'Valid From (Date)',
			name: 'validFrom',
			type: 'dateTime',
			default: '',
			description: 'Start of the validity period, as a date only (sent as yyyy-mm-dd)',
		},
		{
			displayName: 'Valid To',
			name: 'validToDatetime',
			type: 'dateTime',
			default: '',
			description: 'End of the validity period (date and time)',
		},
		{
			displayName: 'Valid To (Date)',
			name: 'validTo',
			type: 'dateTime',
			default: '',
			description: 'End of the validity period, as a date only (sent as yyyy-mm-dd)',
		},
	];
	if (withNameAndDescription) {
		fields.push(
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: `Shown in the scanning app; at most ${MAX_DESCRIPTION} characters, no line breaks`,
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Shown in the scanning app',
			},
		);
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const offerResource: TalkBoxResource = {
	option: { name: 'Offer', value: 'offer' },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['offer'] } },
			options: [
				operation({
					name: 'Create',
					value: 'create',
					action: 'Create an offer',
					description: 'Create an offer whose vouchers promotions can carry',
					method: 'POST',
					url: '/offers',
					preSend: [buildCreate],
				}),
				operation({
					name: 'Delete',
					value: 'delete',
					action: 'Delete an offer',
					description: 'Delete an offer',
					method: 'DELETE',
					url: '/offers',
					preSend: [offerId],
				}),
				operation({
					name: 'Get',
					value: 'get',
					action: 'Get an offer',
					description: 'Get an offer with its redemption statistics',
					method: 'GET',
					url: '/offers',
					preSend: [offerId],
				}),
				operation({
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many offers',
					description: 'Get the account’s offers',
					method: 'GET',
					url: '/offers',
					output: { split: true },
				}),
				operation({
					name: 'Update',
					value: 'update',
					action: 'Update an offer',
					description: 'Change an offer; fields left out are not changed',
					method: 'PUT',
					url: '/offers',
					preSend: [offerId, buildUpdate],
				}),
			],
			default: 'getAll',
		},
		idLocator({
			displayName: 'Offer',
			name: 'offerId',
			description: 'The offer to get, change or delete',
			searchListMethod: 'searchOffers',
			displayOptions: show(['get', 'update', 'delete']),
		}),
		{
			displayName:
				'Deleting an offer cannot be undone. Consider archiving it instead (Update → Archived), which keeps its vouchers and statistics.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
		{
			displayName: 'Name',
			name: 'offerName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Buy 1 Get 1 Free',
			description: 'Offer name, shown in the scanning app',
			displayOptions: show(['create']),
		},
		{
			displayName: 'Description',
			name: 'offerDescription',
			type: 'string',
			required: true,
			default: '',
			description: `Shown in the scanning app; at most ${MAX_DESCRIPTION} characters, no line breaks`,
			displayOptions: show(['create']),
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(['create']),
			options: offerFields(false),
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(['update']),
			options: offerFields(true),
		},
		...listProperties(show(['getAll'])),
	],
};
