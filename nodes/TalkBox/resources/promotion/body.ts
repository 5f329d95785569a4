import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, idList, integerId, isPlausibleEmail, jsonText, list, text } from '../../../shared';
import { readFilterCriteria } from '../../lib/filterCriteria';
import { wallClock } from './sendTime';

export const VOUCHER_PLACEHOLDER = '[VOUCHER]';

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
export async function buildPromotion(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
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
