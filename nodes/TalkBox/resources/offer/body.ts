/** The offer body of Create and Update: the optional offer fields, checked and sent as `offer[...]`. */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, integerId, isoDateTime, list, parseJson, text } from '../../../shared';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const MAX_DESCRIPTION = 150;
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
export async function buildCreate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const name = text(this, 'offerName');
	if (!name) fail(this, 'Name', 'a value is required but this item has none');
	const offer: IDataObject = { name, description: description(this, this.getNodeParameter('offerDescription', '')) };
	optionalFields(this, this.getNodeParameter('additionalFields', {}) as IDataObject, offer);
	options.body = { offer };
	return options;
}

/** Update: `{offer: {...}}` with only the fields set (at least one). */
export async function buildUpdate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const offer: IDataObject = {};
	optionalFields(this, this.getNodeParameter('updateFields', {}) as IDataObject, offer);
	if (Object.keys(offer).length === 0) fail(this, 'Update Fields', 'add at least one field to change');
	options.body = { offer };
	return options;
}
