'use strict';
/**
 * TalkBox sandbox: campaign resources (promotions, communications, email sender details,
 * recipient counts, templates, vouchers, offers, sections). `create(state, helpers)` adds this
 * group's collections to the shared state and returns `{ handle(req, segments) }`, which answers a
 * request it serves (`{ status, body }`) or returns undefined for one it does not.
 * helpers: `error(status, code, description)`, `paginate(list, query, { pageRequired })`, `newId()`.
 *
 * Reads (never writes) the audience half's `state.contacts` (Map id → contact), `state.tags`
 * (Map id → { name, contactIds }), `state.fields` (Map system_name → field) and
 * `state.audience.findContact`. Collections added here:
 *   state.promotions          Map id → promotion (stored as sent, plus counts; system_name for API-triggered ones)
 *   state.communications      Array of communication reports, newest first (+ `recipients` sent to, not rendered)
 *   state.emailSenderDetails  Map id → { id, name, address }
 *   state.templates           Map id → { id, name, structure, enabled }
 *   state.vouchers            Array of vouchers (id, string_id, offer_id, contact_id, …; status is computed)
 *   state.offers              Map id → offer (dates as the API renders them)
 *   state.sections            Map id → { id, system_name, structure, created_at, updated_at }
 *   state.campaigns           { matchContacts(selection), voucherStatus(voucher), renderVoucher(voucher) }
 *
 * Rules enforced as the doc describes them (422 {code:120} for validation errors, 400 {code:110}
 * for unknown fields/attributes, 404 for unknown IDs): promotions need one of name / email_subject /
 * sms_body, at most one recipient selection (exactly one unless date- or manually triggered), at
 * most one schedule, email content when there is an email subject, an offer only with an SMS
 * containing [VOUCHER]; communications need exactly one of contact_ids / recipient_details /
 * external_identifiers (recipient_details when test) and an enabled API-triggered promotion;
 * a voucher is redeemed once.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'contains'];
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
const OFFER_KEYS = [
	'name',
	'description',
	'duration',
	'archived',
	'valid_from',
	'valid_to',
	'valid_from_datetime',
	'valid_to_datetime',
	'user_data',
	'reminder_message_ids',
	'expiry_message_id',
	'redemption_message_id',
	'creation_message_id',
	'restrict_days',
	'restrict_from_time',
	'restrict_to_time',
];
const SMS_PART_COST = 0.04;
/** Seeded vouchers (by index) that are already redeemed. */
const REDEEMED_SEED = [1, 2, 5, 10, 13, 17];

const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const isSet = (value) => value !== undefined && value !== null && value !== '';
const splitList = (value) =>
	String(value)
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);

/** dd/mm/yyyy → ms, or undefined. */
function parseDdMmYyyy(text) {
	const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(String(text));
	return match ? Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1])) : undefined;
}

/** ISO-8601 (as TalkBox's examples write it, also `…T15:26:31T10:00`) → ms, or undefined. */
function parseTimestamp(value) {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const normalized = value.replace(/(T\d{2}:\d{2}(:\d{2})?)T(\d{2}:\d{2})$/, '$1+$3');
	const ms = Date.parse(normalized);
	return Number.isNaN(ms) ? undefined : ms;
}

function create(state, helpers) {
	const { error, paginate, newId } = helpers;
	const now = () => state.clock();
	const invalid = (description) => error(422, 120, description);
	const contacts = () => (state.contacts instanceof Map ? [...state.contacts.values()] : []);

	// ---- seed data ------------------------------------------------------------------------------
	state.emailSenderDetails = new Map([
		[123, { id: 123, name: 'The Pub On The Corner', address: 'pub@example.com' }],
		[456, { id: 456, name: 'Bands At The Pub On The Corner', address: 'bands@example.com' }],
	]);
	state.templates = new Map([
		[1067046281, { id: 1067046281, name: 'My account-specific template', structure: '{"version":1}', enabled: true }],
		[1067046282, { id: 1067046282, name: 'Custom template', structure: '{"version":1}', enabled: false }],
	]);
	state.sections = new Map([
		[
			1,
			{
				id: 1,
				system_name: 'promo_header',
				structure: '{"version":1,"regions":{}}',
				created_at: '2020-10-29T21:55:32Z',
				updated_at: '2020-10-29T21:56:02Z',
			},
		],
		[
			2,
			{
				id: 2,
				system_name: 'promo_footer',
				structure: '{"version":1,"regions":{}}',
				created_at: '2020-10-29T21:56:27Z',
				updated_at: '2020-10-29T21:56:56Z',
			},
		],
	]);
	const baseOffer = {
		duration: null,
		user_data: {},
		archived: false,
		valid_from: null,
		valid_to: null,
		valid_from_datetime: null,
		valid_to_datetime: null,
		reminder_message_ids: [],
		expiry_message_id: null,
		redemption_message_id: null,
		creation_message_id: null,
		provider: 'talkbox',
		restrict_days: null,
		restrict_from_time: null,
		restrict_to_time: null,
		offer_type: 'Promo Code',
	};
	state.offers = new Map([
		[1, { id: 1, name: 'My custom voucher', description: 'Buy 1 Get 1 Free', ...baseOffer, created_at: '2024-01-12T04:28:51Z' }],
		[
			2,
			{
				id: 2,
				name: 'Free Pie',
				description: 'Footscray store only',
				...baseOffer,
				duration: 30,
				restrict_days: ['Monday', 'Tuesday'],
				created_at: '2024-01-20T01:00:00Z',
			},
		],
	]);

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

	// 23 communication reports, newest first, 16 of them from Friday Night Funk.
	state.communications = [];
	const commStart = Date.UTC(2025, 0, 3, 9, 0, 0);
	for (let index = 0; index < 23; index++) {
		const funk = index % 3 !== 2;
		state.communications.unshift({
			id: 10567000 + index,
			name: funk ? 'Friday Night Funk' : 'Saturday Night Soul',
			promotion_id: funk ? 10023789 : 10024725,
			send_time: iso(commStart + index * 7 * 86_400_000),
			channels: funk ? ['Email'] : ['Sms'],
			...(funk
				? { email_recipients: 100 + index, email_opens: 30 + index, email_bounces: index % 4, email_clicks: 10 + index }
				: {}),
			sms_recipients: funk ? 0 : 40 + index,
			flyer_url: `sbx.cc/fl${index}`,
			thumbnail_url: null,
			test: false,
		});
	}

	// 23 vouchers (ids 1..23) for contacts 300..304, one day apart from 2024-02-01; every fourth is a
	// string voucher; 6 redeemed, 3 expired (indices 4, 8, 12), 1 not yet valid (index 22).
	state.vouchers = [];
	const voucherStart = Date.UTC(2024, 1, 1, 3, 45, 55);
	for (let index = 0; index < 23; index++) {
		const offerId = index % 2 === 0 ? 2 : 1;
		const createdAt = voucherStart + index * 86_400_000;
		const redeemed = REDEEMED_SEED.includes(index);
		state.vouchers.push({
			id: index + 1,
			string_id: index % 4 === 3 ? `Y8VS${String(index).padStart(2, '0')}MZ` : null,
			offer_id: offerId,
			name: offerId === 2 ? 'Free Pie' : 'My custom voucher',
			description: offerId === 2 ? 'Footscray store only' : 'Buy 1 Get 1 Free',
			created_at: iso(createdAt),
			redeemed_at: redeemed ? iso(createdAt + 2 * 86_400_000) : null,
			valid_to: null,
			valid_from: index === 22 ? '2099-01-01' : null,
			expires_at: index === 4 || index === 8 || index === 12 ? iso(createdAt + 10 * 86_400_000) : null,
			user_data: {},
			url: `https://talkbox.impactapp.com.au/recipients/r${index}/offers/o${offerId}/voucher`,
			contact_id: 300 + (index % 5),
			communication_id: 10567000 + (index % 23),
			promotion_id: 10023789,
			external_identifier: `ext-${300 + (index % 5)}`,
		});
	}

	// ---- shared logic ---------------------------------------------------------------------------
	function voucherStatus(voucher) {
		const at = now();
		if (voucher.redeemed_at) return 'redeemed';
		if (voucher.valid_from && Date.parse(voucher.valid_from) > at) return 'before_valid_period';
		if ((voucher.expires_at && Date.parse(voucher.expires_at) < at) || (voucher.valid_to && Date.parse(voucher.valid_to) < at)) {
			return 'after_valid_period';
		}
		return 'redeemable';
	}
	const renderVoucher = (voucher) => {
		const { offer_id: _offer, ...visible } = voucher;
		return { ...visible, status: voucherStatus(voucher) };
	};

	function fieldKnown(name) {
		if (!(state.fields instanceof Map)) return true;
		return state.fields.has(name) || ['id', 'email', 'mobile_number', 'external_identifier'].includes(name);
	}

	function compare(actual, operator, expected) {
		if (actual === undefined || actual === null) return operator === '!=' ? expected !== '' : false;
		if (Array.isArray(actual)) {
			const has = actual.map(String).includes(String(expected));
			return operator === '!=' ? !has : operator === '=' || operator === 'contains' ? has : false;
		}
		const dateA = parseDdMmYyyy(actual);
		const dateB = parseDdMmYyyy(expected);
		let a = actual;
		let b = expected;
		if (dateA !== undefined && dateB !== undefined) {
			a = dateA;
			b = dateB;
		} else if (typeof actual === 'boolean') {
			a = String(actual);
			b = String(expected).toLowerCase() === '1' ? 'true' : String(expected).toLowerCase() === '0' ? 'false' : String(expected).toLowerCase();
		} else if (String(actual).trim() !== '' && !Number.isNaN(Number(actual)) && String(expected).trim() !== '' && !Number.isNaN(Number(expected))) {
			a = Number(actual);
			b = Number(expected);
		} else {
			a = String(actual).toLowerCase();
			b = String(expected).toLowerCase();
		}
		switch (operator) {
			case '=':
				return a === b;
			case '!=':
				return a !== b;
			case '<':
				return a < b;
			case '<=':
				return a <= b;
			case '>':
				return a > b;
			case '>=':
				return a >= b;
			case 'contains':
				return String(a).includes(String(b));
			default:
				return false;
		}
	}

	/** Validate filter_criteria; returns an error reply or undefined. */
	function checkCriteria(criteria) {
		if (!Array.isArray(criteria) || criteria.length === 0) return invalid('filter_criteria must be a non-empty array');
		for (const [index, criterion] of criteria.entries()) {
			if (!criterion || typeof criterion !== 'object') return invalid(`filter_criteria[${index}] must be a hash`);
			if (!isSet(criterion.field_name)) return invalid(`filter_criteria[${index}][field_name] is required`);
			if (!fieldKnown(criterion.field_name)) return error(400, 110, `Unknown Field/Attribute: ${criterion.field_name}`);
			if (!OPERATORS.includes(criterion.operator)) {
				return invalid(`filter_criteria[${index}][operator] "${criterion.operator}" is not a valid operator`);
			}
			const logical = criterion.logical_operator;
			if (logical !== undefined && logical !== 'AND' && logical !== 'OR') {
				return invalid(`filter_criteria[${index}][logical_operator] must be AND or OR`);
			}
		}
		return undefined;
	}

	/** Contacts a recipient selection picks (none given: every contact). */
	function matchContacts(selection) {
		let list = contacts();
		if (isSet(selection.filter_criteria)) {
			list = list.filter((contact) =>
				selection.filter_criteria.reduce((matched, criterion, index) => {
					const hit = compare(contact[criterion.field_name], criterion.operator, criterion.value);
					if (index === 0) return hit;
					return criterion.logical_operator === 'OR' ? matched || hit : matched && hit;
				}, true),
			);
		}
		if (isSet(selection.contact_ids)) {
			const ids = splitList(selection.contact_ids).map(Number);
			list = list.filter((contact) => ids.includes(contact.id));
		}
		if (isSet(selection.recipient_details)) {
			const entries = splitList(selection.recipient_details);
			const emails = entries.filter((entry) => entry.includes('@')).map((entry) => entry.toLowerCase());
			const mobiles = emails.length ? [] : entries;
			list = list.filter(
				(contact) =>
					(contact.email && emails.includes(String(contact.email).toLowerCase())) ||
					(contact.mobile_number &&
						mobiles.some((mobile) => String(contact.mobile_number).endsWith(mobile.replace(/^0/, '')))),
			);
		}
		if (isSet(selection.tags)) {
			const names = splitList(selection.tags).map((name) => name.toLowerCase());
			const tagged = new Set();
			for (const tag of state.tags instanceof Map ? state.tags.values() : []) {
				if (names.includes(String(tag.name).toLowerCase())) for (const id of tag.contactIds) tagged.add(id);
			}
			list = list.filter((contact) => tagged.has(contact.id));
		}
		if (isSet(selection.external_identifiers)) {
			const identifiers = splitList(selection.external_identifiers);
			list = list.filter((contact) => identifiers.includes(String(contact.external_identifier)));
		}
		return list;
	}

	const emailable = (contact) => Boolean(contact.email) && contact.email_subscribed !== false && !contact.unreachable_email;
	const smsable = (contact) =>
		Boolean(contact.mobile_number) && contact.mobile_subscribed !== false && !contact.unreachable_mobile;

	function counts(list, preferredChannel) {
		const both = list.filter((contact) => emailable(contact) && smsable(contact)).length;
		let email = list.filter(emailable).length;
		let sms = list.filter(smsable).length;
		const total = list.filter((contact) => emailable(contact) || smsable(contact)).length;
		if (preferredChannel === 'email') sms -= both;
		if (preferredChannel === 'sms') email -= both;
		return { total, email, sms, both };
	}

	function smsParts(body) {
		if (!isSet(body)) return 1;
		const length = String(body).length;
		return length <= 160 ? 1 : Math.ceil(length / 153);
	}

	state.campaigns = { matchContacts, voucherStatus, renderVoucher };

	// ---- promotions -------------------------------------------------------------------------------
	function checkPromotion(body, { isCreate, current }) {
		if (!body || typeof body !== 'object' || Array.isArray(body)) return error(400, 400, 'Body must be a JSON object');
		const unknown = Object.keys(body).find((key) => !PROMOTION_KEYS.includes(key));
		if (unknown) return error(400, 110, `Unknown Field/Attribute: ${unknown}`);
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
			const problem = checkCriteria(body.filter_criteria);
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
				if (!field) return error(400, 110, `Unknown Field/Attribute: ${trigger.field}`);
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
		const selected = matchContacts(promotion);
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

	function communicationFor(promotion, extra = {}) {
		const report = {
			id: newId(),
			name: promotion.name,
			promotion_id: promotion.id,
			send_time: iso(now()),
			channels: [
				...(isSet(promotion.email_subject) || isSet(promotion.raw_html) || isSet(promotion.structure) ? ['Email'] : []),
				...(isSet(promotion.sms_body) ? ['Sms'] : []),
			],
			email_recipients: promotion.email_recipients ?? 0,
			email_opens: 0,
			email_bounces: 0,
			email_clicks: 0,
			sms_recipients: promotion.sms_recipients ?? 0,
			flyer_url: `sbx.cc/p${promotion.id}`,
			thumbnail_url: null,
			test: false,
			...extra,
		};
		state.communications.unshift(report);
		return report;
	}

	const renderCommunication = ({ recipients: _recipients, ...report }) => report;

	function promotions(req, segments) {
		const [, id, sub] = segments;
		if (segments.length === 1 && req.method === 'POST') {
			const problem = checkPromotion(req.body, { isCreate: true });
			if (problem) return problem;
			const promotion = { id: newId(), enabled: true, ...req.body, date_trigger: req.body.date_trigger ?? null };
			promotion.email_sender_detail_id = senderFor(req.body) ?? null;
			savePromotion(promotion);
			const immediate = !isSet(req.body.send_time) && !isSet(req.body.date_trigger) && req.body.manual_trigger !== true;
			if (immediate && promotion.enabled !== false) communicationFor(promotion, { test: req.body.test === true });
			return { status: 200, body: renderPromotion(promotion) };
		}
		if (segments.length < 2) return undefined;
		const promotion = /^\d+$/.test(id)
			? state.promotions.get(Number(id))
			: [...state.promotions.values()].find((candidate) => candidate.system_name === id);
		if (segments.length === 3 && sub === 'communications') {
			if (req.method === 'GET') {
				if (!promotion) return error(404, 404, `Promotion ${id} not found`);
				const list = state.communications.filter((report) => report.promotion_id === promotion.id);
				// Fixed 10 a page, as documented (only `page` is a parameter).
				const page = paginate(list, { page: req.query.page });
				return page.error ?? { status: 200, body: page.items.map(renderCommunication) };
			}
			if (req.method === 'POST') return trigger(req, id, promotion);
			return undefined;
		}
		if (segments.length !== 2) return undefined;
		if (!promotion || String(promotion.id) !== id) return error(404, 404, `Promotion ${id} not found`);
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

	function trigger(req, identifier, promotion) {
		if (!promotion) return error(404, 404, `Promotion ${identifier} not found`);
		const body = req.body && typeof req.body === 'object' ? req.body : {};
		const unknown = Object.keys(body).find(
			(key) => !['contact_ids', 'recipient_details', 'external_identifiers', 'test'].includes(key),
		);
		if (unknown) return error(400, 110, `Unknown Field/Attribute: ${unknown}`);
		if (promotion.manual_trigger !== true) return invalid(`Promotion ${identifier} is not an API triggered promotion`);
		if (promotion.enabled === false) return invalid(`Promotion ${identifier} is disabled`);
		const given = ['contact_ids', 'recipient_details', 'external_identifiers'].filter((key) => isSet(body[key]));
		if (given.length !== 1) return invalid('Either contact_ids, external_identifiers or recipient_details required');
		if (typeof body[given[0]] !== 'string') return invalid(`${given[0]} must be a comma-separated string`);
		if (body.test !== undefined && typeof body.test !== 'boolean') return invalid('test must be true or false');
		if (body.test === true && !isSet(body.recipient_details)) return invalid('recipient_details is required for a test send');
		if (isSet(body.recipient_details) && !splitList(body.recipient_details).every((entry) => EMAIL.test(entry))) {
			return invalid('Email address is invalid');
		}
		const recipients = matchContacts(body).map((contact) => contact.id);
		// Recipients take a short while to generate: the report starts at 0 (as the doc shows).
		const report = communicationFor(promotion, {
			email_recipients: 0,
			sms_recipients: 0,
			test: body.test === true,
			recipients,
		});
		return { status: 200, body: renderCommunication(report) };
	}

	function communications(req, segments) {
		if (req.method !== 'GET') return undefined;
		if (segments.length === 1) {
			const page = paginate(state.communications, { page: req.query.page });
			return page.error ?? { status: 200, body: page.items.map(renderCommunication) };
		}
		if (segments.length === 2) {
			const report = state.communications.find((candidate) => String(candidate.id) === segments[1]);
			return report ? { status: 200, body: renderCommunication(report) } : error(404, 404, 'Communication not found');
		}
		return undefined;
	}

	// ---- email sender details ---------------------------------------------------------------------
	function checkSender(body) {
		if (!body || !isSet(body.name)) return invalid('name is required');
		if (!isSet(body.address)) return invalid('address is required');
		if (!EMAIL.test(String(body.address))) return invalid('Email address is invalid');
		const unknown = Object.keys(body).find((key) => !['name', 'address'].includes(key));
		return unknown ? error(400, 110, `Unknown Field/Attribute: ${unknown}`) : undefined;
	}

	function emailSenderDetails(req, segments) {
		if (segments.length === 1) {
			if (req.method === 'GET') return { status: 200, body: [...state.emailSenderDetails.values()] };
			if (req.method === 'POST') {
				const problem = checkSender(req.body);
				if (problem) return problem;
				const sender = { id: newId(), name: req.body.name, address: req.body.address };
				state.emailSenderDetails.set(sender.id, sender);
				return { status: 200, body: sender };
			}
			return undefined;
		}
		if (segments.length !== 2) return undefined;
		const sender = state.emailSenderDetails.get(Number(segments[1]));
		if (!sender) return error(404, 404, `Email sender detail ${segments[1]} not found`);
		if (req.method === 'PUT') {
			const problem = checkSender(req.body);
			if (problem) return problem;
			Object.assign(sender, { name: req.body.name, address: req.body.address });
			return { status: 200, body: sender };
		}
		if (req.method === 'DELETE') {
			state.emailSenderDetails.delete(sender.id);
			return { status: 200, body: sender };
		}
		return undefined;
	}

	// ---- recipient counts -------------------------------------------------------------------------
	function recipients(req) {
		if (req.method !== 'PUT') return undefined;
		const body = req.body && typeof req.body === 'object' ? req.body : {};
		const allowed = ['sms_body', 'filter_criteria', 'preferred_channel', 'contact_ids', 'tags', 'recipient_details'];
		const unknown = Object.keys(body).find((key) => !allowed.includes(key));
		if (unknown) return error(400, 110, `Unknown Field/Attribute: ${unknown}`);
		if (isSet(body.filter_criteria)) {
			const problem = checkCriteria(body.filter_criteria);
			if (problem) return problem;
		}
		if (isSet(body.preferred_channel) && !['email', 'sms'].includes(body.preferred_channel)) {
			return invalid("preferred_channel must be 'email' or 'sms'");
		}
		const result = counts(matchContacts(body), body.preferred_channel);
		const parts = smsParts(body.sms_body);
		return {
			status: 200,
			body: { ...result, sms_cost: (result.sms * parts * SMS_PART_COST).toFixed(2), sms_parts: parts },
		};
	}

	// ---- templates ----------------------------------------------------------------------------------
	function checkTemplate(body) {
		const template = body && body.template;
		if (!template || typeof template !== 'object') return error(400, 400, 'param is missing or the value is empty: template');
		const unknown = Object.keys(template).find((key) => !['name', 'structure', 'enabled'].includes(key));
		if (unknown) return error(400, 110, `Unknown Field/Attribute: ${unknown}`);
		if (!isSet(template.name)) return invalid('template[name] is required');
		if (typeof template.structure !== 'string' || !isSet(template.structure)) {
			return invalid('template[structure] is required and must be a JSON string');
		}
		try {
			JSON.parse(template.structure);
		} catch {
			return invalid('template[structure] is not valid JSON');
		}
		if (typeof template.enabled !== 'boolean') return invalid('template[enabled] is required (true or false)');
		return undefined;
	}

	function templates(req, segments) {
		if (segments.length === 1) {
			if (req.method === 'GET') return { status: 200, body: [...state.templates.values()] };
			if (req.method === 'POST') {
				const problem = checkTemplate(req.body);
				if (problem) return problem;
				const template = { id: newId(), ...req.body.template };
				state.templates.set(template.id, template);
				return { status: 200, body: template };
			}
			return undefined;
		}
		if (segments.length !== 2) return undefined;
		const template = state.templates.get(Number(segments[1]));
		if (!template) return error(404, 404, `Template ${segments[1]} not found`);
		if (req.method === 'GET') return { status: 200, body: template };
		if (req.method === 'PUT') {
			const problem = checkTemplate(req.body);
			if (problem) return problem;
			Object.assign(template, req.body.template);
			return { status: 200, body: template };
		}
		if (req.method === 'DELETE') {
			state.templates.delete(template.id);
			return { status: 200, body: template };
		}
		return undefined;
	}

	// ---- vouchers -----------------------------------------------------------------------------------
	const findVoucher = (key) =>
		state.vouchers.find((voucher) => String(voucher.id) === key || (voucher.string_id && voucher.string_id === key));

	function filterVouchers(query) {
		let list = state.vouchers;
		const contactKeys = ['contact_id', 'external_identifier', 'email', 'mobile_number'].filter((key) => isSet(query[key]));
		if (contactKeys.length) {
			const matches = contacts().filter((contact) =>
				contactKeys.every((key) =>
					key === 'contact_id'
						? String(contact.id) === String(query.contact_id)
						: key === 'email'
							? String(contact.email ?? '').toLowerCase() === String(query.email).toLowerCase()
							: String(contact[key] ?? '') === String(query[key]),
				),
			);
			const ids = new Set(matches.map((contact) => contact.id));
			list = list.filter((voucher) => ids.has(voucher.contact_id));
		}
		for (const [key, field, after] of [
			['issued_after', 'created_at', true],
			['issued_before', 'created_at', false],
			['redeemed_after', 'redeemed_at', true],
			['redeemed_before', 'redeemed_at', false],
		]) {
			if (!isSet(query[key])) continue;
			const bound = parseTimestamp(query[key]);
			if (bound === undefined) return { error: error(400, 400, `${key} must be an ISO-8601 timestamp`) };
			list = list.filter((voucher) => {
				if (!voucher[field]) return false;
				const at = Date.parse(voucher[field]);
				return after ? at > bound : at < bound;
			});
		}
		if (isSet(query.status)) {
			if (!['redeemable', 'redeemed', 'before_valid_period', 'after_valid_period'].includes(query.status)) {
				return { error: invalid(`status ${query.status} is not valid`) };
			}
			list = list.filter((voucher) => voucherStatus(voucher) === query.status);
		}
		return { list };
	}

	function vouchers(req, segments) {
		if (segments.length === 1 && req.method === 'GET') {
			const filtered = filterVouchers(req.query);
			if (filtered.error) return filtered.error;
			const page = paginate(filtered.list, req.query);
			return page.error ?? { status: 200, body: page.items.map(renderVoucher) };
		}
		if (segments.length !== 2) return undefined;
		const voucher = findVoucher(segments[1]);
		if (!voucher) return error(404, 404, `Voucher ${segments[1]} not found`);
		if (req.method === 'GET') return { status: 200, body: renderVoucher(voucher) };
		if (req.method === 'PUT') {
			const body = req.body && typeof req.body === 'object' ? req.body : {};
			if (body.redeemed !== true) return invalid('redeemed must be true');
			const status = voucherStatus(voucher);
			if (status === 'redeemed') return invalid('Voucher has already been redeemed');
			if (status === 'after_valid_period') return invalid('Voucher has expired');
			if (status === 'before_valid_period') return invalid('Voucher is not yet valid');
			voucher.redeemed_at = iso(now());
			if (isSet(body.recipient_id)) voucher.redeemed_by_recipient_id = String(body.recipient_id);
			return { status: 200, body: renderVoucher(voucher) };
		}
		return undefined;
	}

	function contactVouchers(req, segments) {
		if (req.method !== 'GET' || segments.length !== 3 || segments[2] !== 'vouchers') return undefined;
		const contactId = Number(segments[1]);
		if (!(state.contacts instanceof Map) || !state.contacts.has(contactId)) {
			return error(404, 404, `Contact ${segments[1]} not found`);
		}
		const filtered = filterVouchers({ contact_id: contactId, status: req.query.status });
		if (filtered.error) return filtered.error;
		return { status: 200, body: filtered.list.map(renderVoucher) };
	}

	// ---- offers -------------------------------------------------------------------------------------
	const ddmmyyyy = (value) => {
		const ms = Date.parse(String(value).slice(0, 10));
		if (Number.isNaN(ms)) return undefined;
		const date = new Date(ms);
		return `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`;
	};

	/** Apply an `offer[...]` hash to a record (create: record is fresh). Returns an error reply or undefined. */
	function applyOffer(record, offer, isCreate) {
		if (!offer || typeof offer !== 'object' || Array.isArray(offer)) {
			return error(400, 400, 'param is missing or the value is empty: offer');
		}
		const unknown = Object.keys(offer).find((key) => !OFFER_KEYS.includes(key));
		if (unknown) return error(400, 110, `Unknown Field/Attribute: ${unknown}`);
		if (isCreate && !isSet(offer.name)) return invalid('offer[name] is required');
		if (isCreate && !isSet(offer.description)) return invalid('offer[description] is required');
		if (offer.name !== undefined && !isSet(offer.name)) return invalid('offer[name] cannot be blank');
		if (offer.description !== undefined) {
			if (typeof offer.description !== 'string' || !isSet(offer.description)) return invalid('offer[description] cannot be blank');
			if (offer.description.length > 150) return invalid('offer[description] is too long (maximum is 150 characters)');
			if (/[\r\n]/.test(offer.description)) return invalid('offer[description] cannot contain line breaks');
		}
		if (offer.duration !== undefined && offer.duration !== null && !Number.isInteger(offer.duration)) {
			return invalid('offer[duration] must be an integer');
		}
		if (offer.archived !== undefined && typeof offer.archived !== 'boolean') return invalid('offer[archived] must be true or false');
		for (const key of ['valid_from', 'valid_to', 'valid_from_datetime', 'valid_to_datetime']) {
			if (isSet(offer[key]) && parseTimestamp(offer[key]) === undefined) return invalid(`offer[${key}] is not a timestamp`);
		}
		if (offer.user_data !== undefined && (typeof offer.user_data !== 'object' || Array.isArray(offer.user_data))) {
			return invalid('offer[user_data] must be a hash');
		}
		if (offer.reminder_message_ids !== undefined) {
			if (!Array.isArray(offer.reminder_message_ids) || !offer.reminder_message_ids.every(Number.isInteger)) {
				return invalid('offer[reminder_message_ids] must be an array of promotion IDs');
			}
		}
		for (const key of ['expiry_message_id', 'redemption_message_id', 'creation_message_id']) {
			if (isSet(offer[key]) && !Number.isInteger(offer[key])) return invalid(`offer[${key}] must be a promotion ID`);
		}
		if (offer.restrict_days !== undefined && offer.restrict_days !== null) {
			if (!Array.isArray(offer.restrict_days)) return invalid('offer[restrict_days] must be a list of days');
			const bad = offer.restrict_days.find((day) => !WEEKDAYS.includes(day));
			if (bad !== undefined) return invalid(`offer[restrict_days] contains an invalid day: ${bad}`);
		}
		for (const key of OFFER_KEYS) {
			if (offer[key] === undefined) continue;
			record[key] = offer[key];
		}
		if (isSet(offer.valid_from)) record.valid_from = ddmmyyyy(offer.valid_from);
		if (isSet(offer.valid_to)) record.valid_to = ddmmyyyy(offer.valid_to);
		if (Array.isArray(offer.restrict_days)) record.restrict_days = WEEKDAYS.filter((day) => offer.restrict_days.includes(day));
		// A time window needs both ends; one alone is ignored.
		if (!isSet(record.restrict_from_time) || !isSet(record.restrict_to_time)) {
			record.restrict_from_time = null;
			record.restrict_to_time = null;
		}
		return undefined;
	}

	function offerStats(offerId) {
		const list = state.vouchers.filter((voucher) => voucher.offer_id === offerId);
		const statuses = list.map(voucherStatus);
		return {
			total: list.length,
			redeemable: statuses.filter((status) => status === 'redeemable').length,
			redeemed: statuses.filter((status) => status === 'redeemed').length,
			unused: statuses.filter((status) => status === 'after_valid_period' || status === 'before_valid_period').length,
		};
	}

	function offers(req, segments) {
		if (segments.length === 1) {
			if (req.method === 'GET') return { status: 200, body: [...state.offers.values()] };
			if (req.method === 'POST') {
				const record = { id: newId(), name: null, description: null, ...baseOffer, user_data: null, created_at: iso(now()) };
				const problem = applyOffer(record, req.body && req.body.offer, true);
				if (problem) return problem;
				state.offers.set(record.id, record);
				return { status: 200, body: record };
			}
			return undefined;
		}
		if (segments.length !== 2) return undefined;
		const offer = state.offers.get(Number(segments[1]));
		if (!offer) return error(404, 404, `Offer ${segments[1]} not found`);
		if (req.method === 'GET') return { status: 200, body: { ...offer, stats: offerStats(offer.id) } };
		if (req.method === 'PUT') {
			const updated = { ...offer };
			const problem = applyOffer(updated, req.body && req.body.offer, false);
			if (problem) return problem;
			state.offers.set(offer.id, updated);
			return { status: 200, body: updated };
		}
		if (req.method === 'DELETE') {
			state.offers.delete(offer.id);
			return { status: 200, body: offer };
		}
		return undefined;
	}

	// ---- sections -----------------------------------------------------------------------------------
	const sectionSummary = ({ structure: _structure, ...summary }) => summary;

	function checkSection(body, isCreate) {
		if (!body || typeof body !== 'object') return error(400, 400, 'Body must be a JSON object');
		const unknown = Object.keys(body).find((key) => !['system_name', 'structure'].includes(key));
		if (unknown) return error(400, 110, `Unknown Field/Attribute: ${unknown}`);
		if ((isCreate || body.system_name !== undefined) && !isSet(body.system_name)) return invalid('system_name is required');
		if ((isCreate || body.structure !== undefined) && (typeof body.structure !== 'string' || !isSet(body.structure))) {
			return invalid('structure is required');
		}
		if (isSet(body.system_name)) {
			const taken = [...state.sections.values()].find((section) => section.system_name === body.system_name);
			if (taken) return invalid(`system_name ${body.system_name} has already been taken`);
		}
		return undefined;
	}

	function sections(req, segments) {
		if (segments.length === 1) {
			if (req.method === 'GET') return { status: 200, body: [...state.sections.values()].map(sectionSummary) };
			if (req.method === 'POST') {
				const problem = checkSection(req.body, true);
				if (problem) return problem;
				const at = iso(now());
				const section = { id: newId(), system_name: req.body.system_name, structure: req.body.structure, created_at: at, updated_at: at };
				state.sections.set(section.id, section);
				return { status: 200, body: sectionSummary(section) };
			}
			return undefined;
		}
		if (segments.length !== 2) return undefined;
		const section = state.sections.get(Number(segments[1]));
		if (!section) return error(404, 404, `Section ${segments[1]} not found`);
		if (req.method === 'GET') return { status: 200, body: section };
		if (req.method === 'PUT') {
			const problem = checkSection(req.body, false);
			if (problem) return problem;
			Object.assign(section, req.body, { updated_at: iso(now()) });
			return { status: 200, body: sectionSummary(section) };
		}
		if (req.method === 'DELETE') {
			state.sections.delete(section.id);
			return { status: 200, body: sectionSummary(section) };
		}
		return undefined;
	}

	const routes = {
		promotions,
		communications,
		email_sender_details: emailSenderDetails,
		recipients,
		templates,
		vouchers,
		contacts: contactVouchers,
		offers,
		sections,
	};

	return {
		handle(req, segments) {
			const route = Object.prototype.hasOwnProperty.call(routes, segments[0]) ? routes[segments[0]] : undefined;
			return route ? route(req, segments) : undefined;
		},
	};
}

module.exports = { create };
