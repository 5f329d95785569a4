'use strict';
/**
 * TalkBox sandbox: recipient counts (PUT /recipients) and the recipient selection that promotions
 * and communications share: filter_criteria (checkCriteria), contact_ids, recipient_details, tags,
 * external_identifiers (matchContacts), who can get an email or an SMS (emailable, smsable, counts).
 * Reads the audience's state.contacts, state.tags and state.fields. `create(state)` returns the
 * routes and puts on the shared state:
 *   state.campaigns      { matchContacts(selection) } (voucher.js adds voucherStatus and renderVoucher)
 */
const { allContacts, invalid, isSet, splitList, unknownAttribute } = require('./common');

const OPERATORS = ['=', '!=', '<', '<=', '>', '>=', 'contains'];
const SMS_PART_COST = 0.04;

/** dd/mm/yyyy → ms, or undefined. */
function parseDdMmYyyy(text) {
	const match = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(String(text));
	return match ? Date.UTC(Number(match[3]), Number(match[2]) - 1, Number(match[1])) : undefined;
}

function fieldKnown(state, name) {
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
function checkCriteria(state, criteria) {
	if (!Array.isArray(criteria) || criteria.length === 0) return invalid('filter_criteria must be a non-empty array');
	for (const [index, criterion] of criteria.entries()) {
		if (!criterion || typeof criterion !== 'object') return invalid(`filter_criteria[${index}] must be a hash`);
		if (!isSet(criterion.field_name)) return invalid(`filter_criteria[${index}][field_name] is required`);
		if (!fieldKnown(state, criterion.field_name)) return unknownAttribute(criterion.field_name);
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
function matchContacts(state, selection) {
	let list = allContacts(state);
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

function create(state) {
	state.campaigns = { matchContacts: (selection) => matchContacts(state, selection) };

	function recipients(req) {
		if (req.method !== 'PUT') return undefined;
		const body = req.body && typeof req.body === 'object' ? req.body : {};
		const allowed = ['sms_body', 'filter_criteria', 'preferred_channel', 'contact_ids', 'tags', 'recipient_details'];
		const unknown = Object.keys(body).find((key) => !allowed.includes(key));
		if (unknown) return unknownAttribute(unknown);
		if (isSet(body.filter_criteria)) {
			const problem = checkCriteria(state, body.filter_criteria);
			if (problem) return problem;
		}
		if (isSet(body.preferred_channel) && !['email', 'sms'].includes(body.preferred_channel)) {
			return invalid("preferred_channel must be 'email' or 'sms'");
		}
		const result = counts(matchContacts(state, body), body.preferred_channel);
		const parts = smsParts(body.sms_body);
		return {
			status: 200,
			body: { ...result, sms_cost: (result.sms * parts * SMS_PART_COST).toFixed(2), sms_parts: parts },
		};
	}

	return { recipients };
}

module.exports = { checkCriteria, counts, create, emailable, matchContacts, smsable };
