'use strict';
/**
 * TalkBox sandbox: audience resources (account, fields, contacts, tags and tag membership,
 * subscriptions / unsubscriptions, surveys, editor sessions). `create(state, helpers)` adds this
 * group's collections to the shared state and returns `{ handle(req, segments) }`, which answers a
 * request it serves (`{ status, body }`) or returns undefined for one it does not.
 * helpers: `error(status, code, description)`, `paginate(list, query, { pageRequired })`, `newId()`.
 *
 * Shared state written here (the campaigns half reads these; keep the shapes):
 *   state.account        object: the account properties and statistics (GET /account)
 *   state.fields         Map system_name → { id, system_name, name, field_type, options: { [optionId]: label }, system }
 *   state.contacts       Map id (number) → contact record:
 *                          { id, created_at, updated_at, email?, mobile_number?, external_identifier?,
 *                            …attributes by field system_name (wire formats: Date 'dd/mm/yyyy',
 *                            SingleChoice option id, MultipleChoice [option ids], Boolean true/false),
 *                            email_subscribed, mobile_subscribed, unreachable_email, unreachable_mobile }
 *                        A contact's tags are NOT stored on it: see state.tags.
 *   state.tags           Map id (number) → { id, name, contactIds: Set<number> }
 *   state.subscriptions  Array of { id, contact_id, external_identifier, recipient_id, channel ('email' | 'mobile_number'),
 *                            subscribed, destination, created_at }
 *   state.surveys        Array of { id, contact_id, score, comments, created_at }
 *   state.audience       { renderContact(contact), findContact({ email, mobile_number, external_identifier }),
 *                          addContact(attributes) → contact, changeLog: [], resubscriptionRequests: [], editorSessions: [],
 *                          editorPaths: ['editor', 'editors'] (the editor-session paths it answers) }
 *
 * Errors: 400 {code:110} for an unknown field/attribute, 422 {code:120} for validation errors,
 * 404 for unknown IDs (as the doc's "Resource Not Found, check your url").
 */

const FIELD_TYPES = ['Text', 'Boolean', 'SingleChoice', 'MultipleChoice', 'Number', 'Date', 'Float', 'Currency'];
const ACCOUNT_UPDATABLE = [
	'street_address',
	'suburb',
	'postcode',
	'state',
	'country',
	'website',
	'public_email',
	'public_phone',
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MOBILE = /^\+?\d{8,15}$/;
const DDMMYYYY = /^(\d{2})\/(\d{2})\/(\d{4})$/;

const FIRST_NAMES = ['Barry', 'Julia', 'Marge', 'Homer', 'Lisa', 'Ned', 'Edna', 'Moe', 'Carl', 'Lenny', 'Patty', 'Selma', 'Otto'];
const LAST_NAMES = ['Hall', 'Gillard', 'Simpson', 'Flanders', 'Krabappel', 'Szyslak', 'Carlson', 'Leonard', 'Bouvier', 'Mann'];

function isValidDate(text) {
	const match = DDMMYYYY.exec(String(text));
	if (!match) return false;
	const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO-8601 timestamp query value, or undefined when it does not parse. */
function parseTimestamp(value) {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const slug = (name) =>
	String(name)
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');

function create(state, helpers) {
	const { error, paginate, newId } = helpers;
	const validation = (description) => error(422, 120, description);
	const unknownAttribute = (name) => error(400, 110, `Unknown Field/Attribute: ${name}`);
	const notFound = (what) => error(404, 404, `${what} not found`);
	const ok = (body) => ({ status: 200, body });

	// ---------------------------------------------------------------- seed data
	state.account = {
		created_at: '2015-01-20T09:41:04+11:00',
		name: 'The Pub On The Corner',
		contact_name: "Barry O'Manager",
		email: 'barry@tpotc.example.com',
		address: 'PO Box 4556, Brunswick',
		phone: '0423 456 789',
		street_address: 'Cnr. High Street and Low Road',
		suburb: 'Brunswick',
		postcode: '3056',
		state: 'VIC',
		country: 'Australia',
		website: 'http://www.tpotc.com.au',
		public_email: 'hello@tpotc.example.com',
		public_phone: '03 9876 5432',
		default_email_sender_detail_id: 123,
		default_sms_sender_detail_id: 456,
		auto_purchase_sms_credits_amount: 1000,
		timezone: 'Melbourne',
		sms_credit_price_ex_tax: '$0.0750',
		statistics_created_at: '2015-01-20T08:00:00+11:00',
		last_login: 1,
		last_send: 5,
		contacts_count: 0,
		thirty_day_change: 512,
		eligible_email_count: 0,
		eligible_sms_count: 0,
		forms: 3,
		auto_comms: 2,
	};

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

	state.contacts = new Map();
	state.tags = new Map();
	state.subscriptions = [];
	state.surveys = [];
	// The doc gives two editor-session paths; which ones this TalkBox answers (tests narrow it).
	const audience = { changeLog: [], resubscriptionRequests: [], editorSessions: [], editorPaths: ['editor', 'editors'] };
	state.audience = audience;

	const now = () => state.clock();

	function renderContact(contact) {
		const tags = [...state.tags.values()].filter((tag) => tag.contactIds.has(contact.id)).map((tag) => tag.name);
		const {
			email_subscribed: _e,
			mobile_subscribed: _m,
			...visible
		} = contact;
		return { ...visible, tags };
	}

	function findContact({ email, mobile_number, external_identifier }) {
		for (const contact of state.contacts.values()) {
			if (email && contact.email && contact.email.toLowerCase() === String(email).toLowerCase()) return contact;
			if (mobile_number && contact.mobile_number === String(mobile_number)) return contact;
			if (external_identifier && contact.external_identifier === String(external_identifier)) return contact;
		}
		return undefined;
	}

	function addSubscription(contact, channel, subscribed, destination) {
		const record = {
			id: newId(),
			contact_id: contact ? contact.id : null,
			external_identifier: contact ? contact.external_identifier ?? null : null,
			recipient_id: contact ? 50_000 + contact.id : null,
			channel,
			subscribed,
			destination,
			created_at: iso(now()),
		};
		state.subscriptions.push(record);
		return record;
	}

	function addContact(attributes, createdAt = now()) {
		const id = attributes.id ?? newId();
		const contact = {
			id,
			created_at: iso(createdAt),
			updated_at: iso(createdAt),
			email_subscribed: true,
			mobile_subscribed: true,
			unreachable_email: false,
			unreachable_mobile: false,
			...attributes,
		};
		state.contacts.set(id, contact);
		return contact;
	}
	Object.assign(audience, { renderContact, findContact, addContact });

	const tag = (id, name) => state.tags.set(id, { id, name, contactIds: new Set() });
	tag(38, 'Drinks Survey');
	tag(51, 'Eligible for rides');
	tag(60, 'VIP');
	tag(61, 'Gaming');

	// 25 contacts, ids 300..324, created one day apart from 2024-01-01.
	const seedStart = Date.UTC(2024, 0, 1, 0, 0, 0);
	for (let index = 0; index < 25; index++) {
		const first = FIRST_NAMES[index % FIRST_NAMES.length];
		const last = LAST_NAMES[index % LAST_NAMES.length];
		const createdAt = seedStart + index * 86_400_000;
		const contact = addContact(
			{
				id: 300 + index,
				first_name: first,
				last_name: last,
				email: `${first}.${last}.${index}@example.com`.toLowerCase(),
				...(index % 3 === 0 ? { mobile_number: `614123450${String(index).padStart(2, '0')}` } : {}),
				external_identifier: `ext-${300 + index}`,
				favourite_marx_bro: index % 2 === 0 ? [9, 10] : [11],
				preferred_venue: 21 + (index % 3),
				date_of_birth: `${String((index % 28) + 1).padStart(2, '0')}/0${(index % 9) + 1}/19${70 + index}`,
				weekly_spend: 10 + index + 0.5,
				visits: index,
				rating: index / 10,
				vip: index % 5 === 0,
			},
			createdAt,
		);
		contact.updated_at = iso(createdAt + 3_600_000 * index);
		// Contact 301 and 302 have unsubscribed (email), so a resubscription email makes sense.
		if (index === 1 || index === 2) contact.email_subscribed = false;
		addSubscription(contact, 'email', contact.email_subscribed, contact.email);
		state.subscriptions[state.subscriptions.length - 1].created_at = iso(createdAt);
		if (contact.mobile_number) {
			addSubscription(contact, 'mobile_number', true, contact.mobile_number);
			state.subscriptions[state.subscriptions.length - 1].created_at = iso(createdAt + 60_000);
		}
	}
	state.tags.get(60).contactIds.add(300).add(303);
	state.tags.get(61).contactIds.add(300).add(304).add(305);
	state.tags.get(38).contactIds.add(301);

	const surveyScores = [9, 10, 7, 3, 10, 9, 6, 8];
	surveyScores.forEach((score, index) => {
		state.surveys.push({
			id: index + 1,
			contact_id: 300 + index,
			score,
			comments: score >= 9 ? 'A+++ would survey again' : score <= 6 ? 'Too loud on Fridays' : 'Fine',
			created_at: iso(Date.UTC(2015, 0, 5 + index * 4, 9, 26, 11)),
		});
	});

	// ---------------------------------------------------------------- fields
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
			if (typeof body.name !== 'string' || body.name.trim() === '') return validation("Name can't be blank");
			if (!FIELD_TYPES.includes(body.field_type)) {
				return validation(`Field type must be one of ${FIELD_TYPES.join(', ')}`);
			}
			const systemName = slug(body.name);
			if (state.fields.has(systemName)) return validation('Name has already been taken');
			const { labels, problem } = readOptions(body.options);
			if (problem) return validation(problem);
			const isChoice = body.field_type === 'SingleChoice' || body.field_type === 'MultipleChoice';
			if (labels && !isChoice) return validation('Options are only accepted for SingleChoice and MultipleChoice fields');
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
			if (typeof body.name !== 'string' || body.name.trim() === '') return validation("Name can't be blank");
			const { labels, problem } = readOptions(body.options);
			if (problem) return validation(problem);
			if (labels) {
				if (!['SingleChoice', 'MultipleChoice'].includes(field.field_type)) {
					return validation('Options are only accepted for SingleChoice and MultipleChoice fields');
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
			if (field.system) return validation(`${field.system_name} is a system field and cannot be deleted`);
			state.fields.delete(field.system_name);
			return ok(keyed(field));
		}
		return undefined;
	}

	// ---------------------------------------------------------------- contacts
	const CONTACT_EXTRAS = ['tag_string', 'tag_ids', 'version_tags', 'password'];
	const UPDATE_EXTRAS = ['unreachable_email', 'unreachable_mobile'];

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

	function tagsByNames(text) {
		const names = String(text)
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
		return names.map((name) => {
			let found = [...state.tags.values()].find((tag) => tag.name.toLowerCase() === name.toLowerCase());
			if (!found) {
				const id = newId();
				tag(id, name);
				found = state.tags.get(id);
			}
			return found;
		});
	}

	/**
	 * Validate and apply a contact write. `mode`: 'create' | 'update'. Returns an error reply or
	 * undefined (then `contact` has been changed).
	 */
	function writeContact(contact, body, mode) {
		const allowedExtras = mode === 'update' ? [...CONTACT_EXTRAS, ...UPDATE_EXTRAS] : CONTACT_EXTRAS;
		const changes = {};
		for (const [key, value] of Object.entries(body)) {
			if (key === 'id' || key === 'tags') continue;
			if (allowedExtras.includes(key)) continue;
			const field = state.fields.get(key);
			if (!field) return unknownAttribute(key);
			if (value === null || value === undefined) continue;
			const result = coerce(field, value);
			if (result.problem) return validation(result.problem);
			changes[key] = result.value;
		}
		if (body.version_tags !== undefined) {
			if (!Array.isArray(body.version_tags) || body.version_tags.some((entry) => typeof entry !== 'string')) {
				return validation('version_tags must be an array of strings');
			}
		}
		let tagIds;
		if (body.tag_ids !== undefined) {
			if (mode === 'update') return unknownAttribute('tag_ids');
			tagIds = String(body.tag_ids)
				.split(',')
				.map((id) => id.trim())
				.filter(Boolean);
			const missing = tagIds.find((id) => !state.tags.has(Number(id)));
			if (missing !== undefined) return validation(`Tag ${missing} does not exist`);
		}
		for (const key of UPDATE_EXTRAS) {
			if (body[key] === undefined) continue;
			const flag = coerce({ system_name: key, field_type: 'Boolean' }, body[key]);
			if (flag.problem) return validation(flag.problem);
			changes[key] = flag.value;
		}
		const merged = { ...contact, ...changes };
		if (!merged.email && !merged.mobile_number) {
			return validation('Contact requires either a valid email address or mobile_number');
		}
		const other = findContact({ email: changes.email, mobile_number: changes.mobile_number });
		if (other && other.id !== contact.id) {
			return validation(changes.email && other.email === changes.email ? 'Email has already been taken' : 'Mobile number has already been taken');
		}
		// MultipleChoice options are added to those already present.
		for (const [key, value] of Object.entries(changes)) {
			const field = state.fields.get(key);
			if (field && field.field_type === 'MultipleChoice' && Array.isArray(contact[key])) {
				changes[key] = [...new Set([...contact[key], ...value])];
			}
		}
		Object.assign(contact, changes, { updated_at: iso(now()) });
		if (body.password !== undefined) delete contact.password;
		if (body.tag_string !== undefined) {
			const wanted = tagsByNames(body.tag_string);
			if (mode === 'update') {
				// Overrides the contact's existing tags.
				for (const existing of state.tags.values()) existing.contactIds.delete(contact.id);
			}
			for (const found of wanted) found.contactIds.add(contact.id);
		}
		for (const id of tagIds || []) state.tags.get(Number(id)).contactIds.add(contact.id);
		audience.changeLog.push({
			contact_id: contact.id,
			mode,
			changes: Object.keys(changes),
			version_tags: body.version_tags || [],
			at: iso(now()),
		});
		return undefined;
	}

	function createContact(body) {
		if (!body.email && !body.mobile_number) {
			return validation('Contact requires either a valid email address or mobile_number');
		}
		const contact = { id: newId() };
		const problem = writeContact(contact, body, 'create');
		if (problem) return problem;
		const created = addContact(contact);
		if (created.email) addSubscription(created, 'email', true, created.email);
		if (created.mobile_number) addSubscription(created, 'mobile_number', true, created.mobile_number);
		return ok(renderContact(created));
	}

	function filterByTimestamps(list, query, keys) {
		const bounds = {};
		for (const key of keys) {
			if (query[key] === undefined) continue;
			const ms = parseTimestamp(query[key]);
			if (ms === undefined) return { problem: validation(`${key} must be an ISO-8601 timestamp`) };
			bounds[key] = ms;
		}
		const result = list.filter((record) => {
			const created = Date.parse(record.created_at);
			const updated = Date.parse(record.updated_at ?? record.created_at);
			if (bounds.created_after !== undefined && !(created > bounds.created_after)) return false;
			if (bounds.created_before !== undefined && !(created < bounds.created_before)) return false;
			if (bounds.updated_after !== undefined && !(updated > bounds.updated_after)) return false;
			if (bounds.updated_before !== undefined && !(updated < bounds.updated_before)) return false;
			return true;
		});
		return { list: result };
	}

	function contactRoutes(req, segments) {
		const body = req.body || {};
		if (segments.length === 1) {
			if (req.method === 'GET') {
				const all = [...state.contacts.values()].sort((a, b) => a.id - b.id);
				const filtered = filterByTimestamps(all, req.query, [
					'created_after',
					'created_before',
					'updated_after',
					'updated_before',
				]);
				if (filtered.problem) return filtered.problem;
				const page = paginate(filtered.list, req.query, { pageRequired: true });
				if (page.error) return page.error;
				return ok(page.items.map(renderContact));
			}
			if (req.method === 'POST') return createContact(body);
			return undefined;
		}
		const action = segments[1];
		if (action === 'create_or_update' && segments.length === 2 && req.method === 'POST') {
			if (!body.email && !body.mobile_number) {
				return validation('Contact requires either a valid email address or mobile_number');
			}
			const existing = findContact({ email: body.email, mobile_number: body.mobile_number });
			if (!existing) return createContact(body);
			const problem = writeContact(existing, body, 'update');
			if (problem) return problem;
			return ok(renderContact(existing));
		}
		if (action === 'find_first' && segments.length === 2 && req.method === 'GET') {
			const criteria = Object.entries(req.query);
			if (criteria.length === 0) return validation('Provide email, mobile_number or a text field to search by');
			for (const [key] of criteria) {
				const field = state.fields.get(key);
				if (!field) return unknownAttribute(key);
				if (!['Text', 'MobileNumber'].includes(field.field_type)) {
					return validation(`${key} is not a text field and cannot be searched`);
				}
			}
			const match = [...state.contacts.values()]
				.sort((a, b) => a.id - b.id)
				.find((contact) =>
					criteria.every(([key, value]) =>
						key === 'email'
							? String(contact.email ?? '').toLowerCase() === String(value).toLowerCase()
							: String(contact[key] ?? '') === String(value),
					),
				);
			return match ? ok(renderContact(match)) : notFound('Contact');
		}
		const id = Number(action);
		const contact = Number.isInteger(id) ? state.contacts.get(id) : undefined;
		if (!contact) return notFound(`Contact ${action}`);
		if (segments.length === 2) {
			if (req.method === 'GET') return ok(renderContact(contact));
			if (req.method === 'PUT') {
				const problem = writeContact(contact, body, 'update');
				return problem || ok(renderContact(contact));
			}
			if (req.method === 'DELETE') {
				const rendered = renderContact(contact);
				state.contacts.delete(id);
				for (const existing of state.tags.values()) existing.contactIds.delete(id);
				return ok({ ...rendered, deleted: true });
			}
			return undefined;
		}
		if (segments.length === 3 && req.method === 'POST') {
			if (segments[2] === 'send_resubscription_email') {
				if (!contact.email) return validation('Contact has no email address');
				if (contact.email_subscribed) return validation('Contact email address is not unsubscribed');
				audience.resubscriptionRequests.push({ contact_id: id, channel: 'email', at: iso(now()) });
				return ok({ message: 'success' });
			}
			if (segments[2] === 'send_resubscription_sms') {
				if (!contact.mobile_number) return validation('Contact has no mobile number');
				if (contact.mobile_subscribed) return validation('Contact mobile number is not unsubscribed');
				audience.resubscriptionRequests.push({ contact_id: id, channel: 'sms', at: iso(now()) });
				return ok({ message: 'success' });
			}
		}
		return undefined;
	}

	// ---------------------------------------------------------------- tags
	const renderTag = (entry) => ({ id: entry.id, name: entry.name });

	function tagRoutes(req, segments) {
		const body = req.body || {};
		const validName = () => typeof body.name === 'string' && body.name.trim() !== '';
		const nameTaken = (name, exceptId) =>
			[...state.tags.values()].some((entry) => entry.id !== exceptId && entry.name.toLowerCase() === name.trim().toLowerCase());
		if (segments.length === 1) {
			if (req.method === 'GET') return ok([...state.tags.values()].sort((a, b) => a.id - b.id).map(renderTag));
			if (req.method === 'POST') {
				for (const key of Object.keys(body)) if (key !== 'name') return unknownAttribute(key);
				if (!validName()) return validation("Name can't be blank");
				if (nameTaken(body.name)) return validation('Name has already been taken');
				const id = newId();
				tag(id, body.name.trim());
				return ok(renderTag(state.tags.get(id)));
			}
			return undefined;
		}
		const entry = state.tags.get(Number(segments[1]));
		if (!entry) return notFound(`Tag ${segments[1]}`);
		if (segments.length === 2) {
			if (req.method === 'GET') return ok(renderTag(entry));
			if (req.method === 'PUT') {
				for (const key of Object.keys(body)) if (key !== 'name') return unknownAttribute(key);
				if (!validName()) return validation("Name can't be blank");
				if (nameTaken(body.name, entry.id)) return validation('Name has already been taken');
				entry.name = body.name.trim();
				return ok(renderTag(entry));
			}
			if (req.method === 'DELETE') {
				state.tags.delete(entry.id);
				return ok({ ...renderTag(entry), deleted: true });
			}
			return undefined;
		}
		if (segments.length === 3 && segments[2] === 'untag_contacts' && req.method === 'PUT') {
			entry.contactIds.clear();
			return ok({ message: 'success' });
		}
		if (segments[2] !== 'contacts') return undefined;
		if (segments.length === 3 && req.method === 'GET') {
			return ok({ id: [...entry.contactIds].sort((a, b) => a - b) });
		}
		if (segments.length === 4) {
			const contactId = Number(segments[3]);
			if (!state.contacts.has(contactId)) return notFound(`Contact ${segments[3]}`);
			// Both answer 200 with an empty body.
			if (req.method === 'POST') {
				entry.contactIds.add(contactId);
				return { status: 200 };
			}
			if (req.method === 'DELETE') {
				entry.contactIds.delete(contactId);
				return { status: 200 };
			}
		}
		return undefined;
	}

	// ---------------------------------------------------------------- subscriptions
	function subscriptionRoutes(req, segments) {
		if (segments.length !== 1 || req.method !== 'GET') return undefined;
		const all = [...state.subscriptions].sort((a, b) => a.id - b.id);
		const filtered = filterByTimestamps(all, req.query, ['created_after', 'created_before']);
		if (filtered.problem) return filtered.problem;
		const page = paginate(filtered.list, req.query, { pageRequired: true });
		return page.error || ok(page.items);
	}

	function unsubscriptionRoutes(req, segments) {
		if (segments.length !== 1 || req.method !== 'POST') return undefined;
		const body = req.body || {};
		for (const key of Object.keys(body)) {
			if (!['channel', 'contact_info', 'external_identifier'].includes(key)) return unknownAttribute(key);
		}
		if (!['email', 'mobile'].includes(body.channel)) return validation("Channel must be 'email' or 'mobile'");
		if (!body.contact_info && !body.external_identifier) {
			return validation('contact_info or external_identifier is required');
		}
		if (body.contact_info && body.channel === 'email' && !EMAIL.test(String(body.contact_info))) {
			return validation('Email address is invalid');
		}
		if (body.contact_info && body.channel === 'mobile' && !MOBILE.test(String(body.contact_info))) {
			return validation('Mobile number is invalid');
		}
		const contact = body.external_identifier
			? findContact({ external_identifier: body.external_identifier })
			: findContact(body.channel === 'email' ? { email: body.contact_info } : { mobile_number: body.contact_info });
		const destination = body.contact_info || (contact ? (body.channel === 'email' ? contact.email : contact.mobile_number) : null);
		if (contact) {
			if (body.channel === 'email') contact.email_subscribed = false;
			else contact.mobile_subscribed = false;
			contact.updated_at = iso(now());
		}
		addSubscription(contact, body.channel === 'email' ? 'email' : 'mobile_number', false, destination);
		return ok({
			channel: body.channel,
			contact_info: body.contact_info ?? null,
			...(body.external_identifier ? { external_identifier: body.external_identifier } : {}),
			contact_id: contact ? contact.id : null,
			source: 'api',
		});
	}

	// ---------------------------------------------------------------- surveys
	function surveysInRange(query) {
		const bounds = {};
		for (const key of ['from', 'to']) {
			if (query[key] === undefined) continue;
			const ms = parseTimestamp(query[key]);
			if (ms === undefined) return { problem: validation(`${key} must be a UTC timestamp (ISO-8601)`) };
			bounds[key] = ms;
		}
		return {
			list: state.surveys.filter((survey) => {
				const at = Date.parse(survey.created_at);
				return (bounds.from === undefined || at > bounds.from) && (bounds.to === undefined || at < bounds.to);
			}),
		};
	}

	function surveyRoutes(req, segments) {
		if (req.method !== 'GET') return undefined;
		const range = surveysInRange(req.query);
		if (range.problem) return range.problem;
		if (segments.length === 1) return ok(range.list);
		if (segments.length === 2 && segments[1] === 'score') {
			const total = range.list.length;
			if (total === 0) return ok({ score: 0 });
			const promoters = range.list.filter((survey) => survey.score >= 9).length;
			const detractors = range.list.filter((survey) => survey.score <= 6).length;
			return ok({ score: Math.round(((promoters - detractors) / total) * 100) });
		}
		return undefined;
	}

	// ---------------------------------------------------------------- editor
	function editorRoutes(req, segments) {
		// The resource table says /editor/block/session, the usage text /editors/block/session:
		// the sandbox answers those in state.audience.editorPaths (both by default).
		if (!audience.editorPaths.includes(segments[0])) return undefined;
		if (segments.length !== 3 || segments[1] !== 'block' || segments[2] !== 'session' || req.method !== 'GET') {
			return undefined;
		}
		const query = req.query;
		if (!query.callback_url) return validation('callback_url is required');
		if (!query.structure_url && !query.templates_url) return validation('structure_url or templates_url is required');
		if (query.callback_method && !['PUT', 'POST'].includes(query.callback_method)) {
			return validation('callback_method must be PUT or POST');
		}
		if (query.save_buttons !== undefined) {
			try {
				if (!Array.isArray(JSON.parse(query.save_buttons))) throw new Error('not an array');
			} catch {
				return validation('save_buttons must be a JSON array');
			}
		}
		const payload = Buffer.from(
			JSON.stringify({ account_id: 2, expires_at: iso(now() + 300_000) }),
		).toString('base64');
		const key = `2--${payload}--${String(newId()).padStart(40, '0')}`;
		audience.editorSessions.push({ key, query: { ...query } });
		// The documented answer is the bare key, not JSON.
		return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: key };
	}

	// ---------------------------------------------------------------- account
	function accountRoutes(req, segments) {
		if (segments.length !== 1) return undefined;
		const refresh = () => {
			const contacts = [...state.contacts.values()];
			state.account.contacts_count = contacts.length;
			state.account.eligible_email_count = contacts.filter((c) => c.email && c.email_subscribed).length;
			state.account.eligible_sms_count = contacts.filter((c) => c.mobile_number && c.mobile_subscribed).length;
			return ok({ ...state.account });
		};
		if (req.method === 'GET') return refresh();
		if (req.method === 'PUT') {
			const body = req.body || {};
			const keys = Object.keys(body);
			if (keys.length === 0) return validation('No account properties given');
			for (const key of keys) {
				if (!ACCOUNT_UPDATABLE.includes(key)) {
					return key in state.account ? validation(`${key} cannot be updated via the API`) : unknownAttribute(key);
				}
				if (typeof body[key] !== 'string') return validation(`${key} must be a string`);
			}
			if (body.public_email !== undefined && body.public_email !== '' && !EMAIL.test(body.public_email)) {
				return validation('Public email is invalid');
			}
			Object.assign(state.account, body);
			return refresh();
		}
		return undefined;
	}

	const routes = {
		account: accountRoutes,
		fields: fieldRoutes,
		contact: contactRoutes,
		tags: tagRoutes,
		subscriptions: subscriptionRoutes,
		unsubscriptions: unsubscriptionRoutes,
		surveys: surveyRoutes,
		editor: editorRoutes,
		editors: editorRoutes,
	};

	return {
		handle(req, segments) {
			const route = routes[segments[0]];
			return route ? route(req, segments) : undefined;
		},
	};
}

module.exports = { create };
