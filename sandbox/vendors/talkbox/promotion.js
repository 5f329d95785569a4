'use strict';
/**
 * TalkBox sandbox: promotions (POST /promotions, PUT/DELETE /promotions/:id; a promotion's
 * communications are answered by communication.js). Rules enforced as the doc describes them:
 * promotions need one of name / email_subject / sms_body, at most one recipient selection (exactly
 * one unless date- or manually triggered), at most one schedule, email content when there is an
 * email subject, an offer only with an SMS containing [VOUCHER].
 * `create(state, helpers)` puts the seed on the shared state and returns the routes:
 *   state.promotions     Map id → promotion (stored as sent, plus counts; system_name for API-triggered ones)
 * Reads (never writes) the audience's state.contacts, state.tags and state.fields; counts recipients
 * with recipient.js; checks email sender details and offers against state.emailSenderDetails and state.offers.
 */
const { EMAIL, error, invalid, isSet, notFound, splitList, unknownAttribute } = require('./common');
const { communicationFor, promotionCommunications } = require('./communication');
const { checkCriteria, counts, emailable, matchContacts, smsable } = require('./recipient');

const RECIPIENT_KEYS = ['filter_criteria', 'contact_ids', 'recipient_details', 'tags'];
const SCHEDULE_KEYS = ['send_time', 'date_trigger', 'manual_trigger'];
const PROMOTION_KEYS = [
	'name',
	'email_subject',
	'sms_body',
	'email_preheader',
	'email_sender_detail_id',
	'email_sender_name',
	'email_sender_address',
	'sms_sender_detail_id',
	'sms_sender_name',
	'raw_html',
	'structure',
	'preferred_channel',
	'test',
	'enabled',
	'marketing',
	'offer_id',
	...RECIPIENT_KEYS,
	...SCHEDULE_KEYS,
];

function create(state, helpers) {
	const { newId } = helpers;

	const seedPromotion = (promotion) =>
		state.promotions.set(promotion.id, {
			enabled: true,
			recipient_count: 0,
			email_recipients: 0,
			sms_recipients: 0,
			send_time: null,
			date_trigger: null,
			...promotion,
		});
	state.promotions = new Map();
	seedPromotion({ id: 10023789, name: 'Friday Night Funk', email_subject: 'Friday Night Funk', tags: 'VIP' });
	seedPromotion({ id: 10024725, name: 'Saturday Night Soul', sms_body: 'Soul tonight from 8pm' });
	seedPromotion({ id: 10123456, name: 'API-Triggered', system_name: 'welcome_offer', manual_trigger: true });
	seedPromotion({ id: 10123457, name: 'Old welcome', system_name: 'old_welcome', manual_trigger: true, enabled: false });

	function checkPromotion(body, { isCreate, current }) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) return error(400, 400, 'Body must be a JSON object');
		const unknown = Object.keys(body).find((key) => !PROMOTION_KEYS.includes(key));
		if (unknown) return unknownAttribute(unknown);
		if (isCreate && !isSet(body.name) && !isSet(body.email_subject) && !isSet(body.sms_body)) {
			return invalid('At least one of name, email_subject or sms_body is required');
		}
		const recipients = RECIPIENT_KEYS.filter((key) => isSet(body[key]));
		if (recipients.length > 1) return invalid(`Use at most one recipient selection, got ${recipients.join(', ')}`);
		const schedules = SCHEDULE_KEYS.filter((key) => isSet(body[key]) && body[key] !== false);
		if (schedules.length > 1) return invalid(`Use at most one schedule, got ${schedules.join(', ')}`);
		if (isCreate && recipients.length === 0 && !isSet(body.date_trigger) && body.manual_trigger !== true) {
			return invalid('One of filter_criteria, contact_ids, recipient_details or tags is required');
		}
		if (isSet(body.raw_html) && isSet(body.structure)) return invalid('Use either raw_html or structure, not both');
		if (isSet(body.raw_html) && (typeof body.raw_html !== 'string' || !/<\/html>/i.test(body.raw_html))) {
			return invalid('raw_html must include <html></html> tags');
		}
		if (isSet(body.structure)) {
			if (typeof body.structure !== 'string') return invalid('structure must be a JSON string');
			try {
				JSON.parse(body.structure);
			} catch {
				return invalid('structure is not valid JSON');
			}
		}
		if (isCreate && isSet(body.email_subject) && !isSet(body.raw_html) && !isSet(body.structure)) {
			return invalid('Either raw_html or structure is required where the promotion has an email');
		}
		for (const key of ['contact_ids', 'recipient_details', 'tags', 'name', 'email_subject', 'sms_body']) {
			if (isSet(body[key]) && typeof body[key] !== 'string') return invalid(`${key} must be a string`);
		}
		if (isSet(body.contact_ids) && !splitList(body.contact_ids).every((id) => /^\d+$/.test(id))) {
			return invalid('contact_ids must be a comma-separated list of contact IDs');
		}
		if (isSet(body.filter_criteria)) {
			const problem = checkCriteria(state, body.filter_criteria);
			if (problem) return problem;
		}
		if (isSet(body.preferred_channel) && !['email', 'sms'].includes(body.preferred_channel)) {
			return invalid("preferred_channel must be 'email' or 'sms'");
		}
		for (const key of ['test', 'enabled', 'marketing', 'manual_trigger']) {
			if (body[key] !== undefined && typeof body[key] !== 'boolean') return invalid(`${key} must be true or false`);
		}
		if (isSet(body.send_time) && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(body.send_time)) {
			return invalid('send_time must be of the form yyyy-mm-dd hh:mm');
		}
		if (isSet(body.date_trigger)) {
			const trigger = body.date_trigger;
			if (typeof trigger !== 'object' || Array.isArray(trigger)) return invalid('date_trigger must be a hash');
			if (!isSet(trigger.field)) return invalid('date_trigger[field] is required');
			if (state.fields instanceof Map) {
				const field = state.fields.get(trigger.field);
				if (!field) return unknownAttribute(trigger.field);
				if (field.field_type !== 'Date') return invalid(`date_trigger[field] ${trigger.field} is not a Date field`);
			}
			if (!Number.isInteger(trigger.hour) || trigger.hour < 0 || trigger.hour > 23) return invalid('date_trigger[hour] must be 0-23');
			if (!Number.isInteger(trigger.minute) || trigger.minute < 0 || trigger.minute > 59) {
				return invalid('date_trigger[minute] must be 0-59');
			}
			if (!Number.isInteger(trigger.offset_value) || trigger.offset_value < 0) return invalid('date_trigger[offset_value] must be a whole number');
			if (!['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years'].includes(trigger.offset_period)) {
				return invalid('date_trigger[offset_period] is not a period');
			}
			if (!['away', 'ago'].includes(trigger.offset_tense)) return invalid("date_trigger[offset_tense] must be 'away' or 'ago'");
		}
		if (isSet(body.email_sender_detail_id) && !state.emailSenderDetails.has(body.email_sender_detail_id)) {
			return invalid(`Email sender detail ${body.email_sender_detail_id} does not exist`);
		}
		if (isSet(body.email_sender_address) && !EMAIL.test(body.email_sender_address)) {
			return invalid('Email address is invalid');
		}
		const smsBody = isSet(body.sms_body) ? body.sms_body : current?.sms_body;
		if (isSet(body.offer_id)) {
			if (!state.offers.has(body.offer_id)) return invalid(`Offer ${body.offer_id} does not exist`);
			if (!isSet(smsBody) || !String(smsBody).includes('[VOUCHER]')) {
				return invalid('To include an offer in an SMS promotion, sms_body must contain the placeholder [VOUCHER]');
			}
		} else if (isCreate && isSet(body.sms_body) && body.sms_body.includes('[VOUCHER]')) {
			return invalid('offer_id is required when sms_body contains [VOUCHER]');
		}
		return undefined;
	}

	function senderFor(body) {
		if (isSet(body.email_sender_name) && isSet(body.email_sender_address)) {
			const found = [...state.emailSenderDetails.values()].find(
				(sender) => sender.name === body.email_sender_name && sender.address === body.email_sender_address,
			);
			if (found) return found.id;
			const id = newId();
			state.emailSenderDetails.set(id, { id, name: body.email_sender_name, address: body.email_sender_address });
			return id;
		}
		return body.email_sender_detail_id;
	}

	function renderPromotion(promotion) {
		return {
			id: promotion.id,
			name: promotion.name,
			recipient_count: promotion.recipient_count,
			email_recipients: promotion.email_recipients,
			sms_recipients: promotion.sms_recipients,
			send_time: promotion.send_time ? `${promotion.send_time.replace(' ', 'T')}:00Z` : null,
			date_trigger: promotion.date_trigger ?? null,
		};
	}

	function savePromotion(promotion) {
		const selected = matchContacts(state, promotion);
		const hasEmail = isSet(promotion.email_subject) || isSet(promotion.raw_html) || isSet(promotion.structure);
		const hasSms = isSet(promotion.sms_body);
		const { email, sms } = counts(selected, promotion.preferred_channel);
		promotion.email_recipients = hasEmail ? email : 0;
		promotion.sms_recipients = hasSms ? sms : 0;
		promotion.recipient_count = selected.filter(
			(contact) => (hasEmail && emailable(contact)) || (hasSms && smsable(contact)),
		).length;
		promotion.name = promotion.name || promotion.email_subject || promotion.sms_body;
		state.promotions.set(promotion.id, promotion);
	}

	function promotions(req, segments) {
		const [, id, sub] = segments;
		if (segments.length === 1 && req.method === 'POST') {
			const problem = checkPromotion(req.body, { isCreate: true });
			if (problem) return problem;
			const promotion = { id: newId(), enabled: true, ...req.body, date_trigger: req.body.date_trigger ?? null };
			promotion.email_sender_detail_id = senderFor(req.body) ?? null;
			savePromotion(promotion);
			const immediate = !isSet(req.body.send_time) && !isSet(req.body.date_trigger) && req.body.manual_trigger !== true;
			if (immediate && promotion.enabled !== false) communicationFor(state, newId, promotion, { test: req.body.test === true });
			return { status: 200, body: renderPromotion(promotion) };
		}
		if (segments.length < 2) return undefined;
		const promotion = /^\d+$/.test(id)
			? state.promotions.get(Number(id))
			: [...state.promotions.values()].find((candidate) => candidate.system_name === id);
		if (segments.length === 3 && sub === 'communications') return promotionCommunications(state, helpers, req, id, promotion);
		if (segments.length !== 2) return undefined;
		if (!promotion || String(promotion.id) !== id) return notFound(`Promotion ${id}`);
		if (req.method === 'PUT') {
			const problem = checkPromotion(req.body, { isCreate: false, current: promotion });
			if (problem) return problem;
			const updated = { ...promotion };
			// A new recipient selection or schedule replaces the old one.
			if (RECIPIENT_KEYS.some((key) => isSet(req.body[key]))) for (const key of RECIPIENT_KEYS) delete updated[key];
			if (SCHEDULE_KEYS.some((key) => isSet(req.body[key]))) {
				for (const key of SCHEDULE_KEYS) delete updated[key];
				updated.date_trigger = null;
			}
			Object.assign(updated, req.body);
			if (isSet(req.body.email_sender_name)) updated.email_sender_detail_id = senderFor(req.body);
			savePromotion(updated);
			return { status: 200, body: renderPromotion(updated) };
		}
		if (req.method === 'DELETE') {
			state.promotions.delete(promotion.id);
			return { status: 200, body: renderPromotion(promotion) };
		}
		return undefined;
	}

	return { promotions };
}

module.exports = { create };
