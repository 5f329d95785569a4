'use strict';
/**
 * TalkBox sandbox: fields (GET/POST /fields, PUT/DELETE /fields/:system_name) and the field types
 * a contact's attribute values are checked against (`coerce`, used by contact.js).
 * `create(state, helpers)` puts the seed on the shared state and returns the routes:
 *   state.fields         Map system_name → { id, system_name, name, field_type, options: { [optionId]: label }, system }
 * The seed's fields take the first ids (newId), before the seeded contacts' subscriptions.
 */
const { EMAIL, MOBILE, invalid, notFound, ok, unknownAttribute } = require('./common');

const FIELD_TYPES = ['Text', 'Boolean', 'SingleChoice', 'MultipleChoice', 'Number', 'Date', 'Float', 'Currency'];
const DDMMYYYY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

function isValidDate(text) {
	const match = DDMMYYYY.exec(String(text));
	if (!match) return false;
	const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const slug = (name) =>
	String(name)
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');

/** Attribute value in its stored form, or { problem }. */
function coerce(field, value) {
	const label = field.system_name;
	switch (field.field_type) {
		case 'Text':
			if (typeof value !== 'string' && typeof value !== 'number') return { problem: `${label} must be text` };
			if (label === 'email' && !EMAIL.test(String(value))) return { problem: 'Email address is invalid' };
			return { value: String(value) };
		case 'MobileNumber':
			if (!MOBILE.test(String(value))) return { problem: 'Mobile number is invalid (use full international format)' };
			return { value: String(value) };
		case 'Boolean':
			if (value === true || value === 'true' || value === 1 || value === '1') return { value: true };
			if (value === false || value === 'false' || value === 0 || value === '0') return { value: false };
			return { problem: `${label} must be "true" or "false"` };
		case 'Date':
			if (!isValidDate(value)) return { problem: `${label} must be a date of the form dd/mm/yyyy` };
			return { value };
		case 'Number':
			if (!/^-?\d+$/.test(String(value))) return { problem: `${label} must be an integer` };
			return { value: Number(value) };
		case 'Float':
		case 'Currency':
			if (value === '' || value === null || Number.isNaN(Number(value)) || typeof value === 'boolean') {
				return { problem: `${label} must be a number` };
			}
			return { value: Number(value) };
		case 'SingleChoice':
			if (!Object.prototype.hasOwnProperty.call(field.options, String(value))) {
				return { problem: `${label}: ${value} is not an option id of this field` };
			}
			return { value: Number(value) };
		case 'MultipleChoice': {
			const ids = Array.isArray(value) ? value : String(value).split(',');
			const clean = ids.map((id) => String(id).trim()).filter((id) => id !== '');
			const bad = clean.find((id) => !Object.prototype.hasOwnProperty.call(field.options, id));
			if (bad !== undefined) return { problem: `${label}: ${bad} is not an option id of this field` };
			return { value: clean.map(Number) };
		}
		default:
			return { value };
	}
}

function create(state, helpers) {
	const { newId } = helpers;

	state.fields = new Map();
	const addField = (system_name, name, field_type, options = {}, system = false) => {
		const id = newId();
		state.fields.set(system_name, { id, system_name, name, field_type, options, system });
	};
	addField('first_name', 'First name', 'Text', {}, true);
	addField('last_name', 'Surname', 'Text', {}, true);
	addField('email', 'Email', 'Text', {}, true);
	addField('mobile_number', 'Mobile number', 'MobileNumber', {}, true);
	addField('external_identifier', 'External identifier', 'Text', {}, true);
	addField('favourite_marx_bro', 'Favourite Marx Brother', 'MultipleChoice', {
		11: 'Harpo',
		12: 'Zeppo',
		9: 'Chico',
		10: 'Groucho',
	});
	addField('preferred_venue', 'Preferred venue', 'SingleChoice', { 21: 'Brunswick', 22: 'Fitzroy', 23: 'Carlton' });
	addField('date_of_birth', 'Date of birth', 'Date');
	addField('weekly_spend', 'Weekly spend', 'Currency');
	addField('visits', 'Visits', 'Number');
	addField('rating', 'Rating', 'Float');
	addField('vip', 'VIP', 'Boolean');

	const renderField = (field) => ({ name: field.name, field_type: field.field_type, options: { ...field.options } });
	const keyed = (field) => ({ [field.system_name]: renderField(field) });

	/** Options as an array of labels (JSON array, or the documented comma-separated string). */
	function readOptions(value) {
		if (value === undefined) return { labels: undefined };
		const labels = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
		if (!labels || labels.some((label) => typeof label !== 'string' || label.trim() === '')) {
			return { problem: 'options must be an array of option names' };
		}
		return { labels: labels.map((label) => label.trim()) };
	}

	function fieldRoutes(req, segments) {
		const body = req.body || {};
		if (segments.length === 1 && req.method === 'GET') {
			return ok(Object.assign({}, ...[...state.fields.values()].map(keyed)));
		}
		if (segments.length === 1 && req.method === 'POST') {
			for (const key of Object.keys(body)) {
				if (!['name', 'field_type', 'options'].includes(key)) return unknownAttribute(key);
			}
			if (typeof body.name !== 'string' || body.name.trim() === '') return invalid("Name can't be blank");
			if (!FIELD_TYPES.includes(body.field_type)) {
				return invalid(`Field type must be one of ${FIELD_TYPES.join(', ')}`);
			}
			const systemName = slug(body.name);
			if (state.fields.has(systemName)) return invalid('Name has already been taken');
			const { labels, problem } = readOptions(body.options);
			if (problem) return invalid(problem);
			const isChoice = body.field_type === 'SingleChoice' || body.field_type === 'MultipleChoice';
			if (labels && !isChoice) return invalid('Options are only accepted for SingleChoice and MultipleChoice fields');
			const options = {};
			for (const label of labels || []) options[newId()] = label;
			addField(systemName, body.name.trim(), body.field_type, options);
			return ok(keyed(state.fields.get(systemName)));
		}
		if (segments.length !== 2) return undefined;
		const key = segments[1];
		const field =
			state.fields.get(key) || [...state.fields.values()].find((candidate) => String(candidate.id) === key);
		if (req.method === 'PUT') {
			if (!state.fields.has(key)) return notFound(`Field ${key}`);
			for (const name of Object.keys(body)) {
				if (!['name', 'options'].includes(name)) return unknownAttribute(name);
			}
			if (typeof body.name !== 'string' || body.name.trim() === '') return invalid("Name can't be blank");
			const { labels, problem } = readOptions(body.options);
			if (problem) return invalid(problem);
			if (labels) {
				if (!['SingleChoice', 'MultipleChoice'].includes(field.field_type)) {
					return invalid('Options are only accepted for SingleChoice and MultipleChoice fields');
				}
				// The full desired set: kept labels keep their ids, others are destroyed, new ones added.
				const next = {};
				for (const label of labels) {
					const existing = Object.entries(field.options).find(([, value]) => value === label);
					next[existing ? existing[0] : newId()] = label;
				}
				field.options = next;
			}
			field.name = body.name.trim();
			return ok(keyed(field));
		}
		if (req.method === 'DELETE') {
			if (!field) return notFound(`Field ${key}`);
			if (field.system) return invalid(`${field.system_name} is a system field and cannot be deleted`);
			state.fields.delete(field.system_name);
			return ok(keyed(field));
		}
		return undefined;
	}

	return { fields: fieldRoutes };
}

module.exports = { coerce, create };
