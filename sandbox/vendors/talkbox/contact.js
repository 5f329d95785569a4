'use strict';
/**
 * TalkBox sandbox: contacts (/contact list, create, create_or_update, find_first, get, update,
 * delete, send_resubscription_email/sms) and the seed of 25 contacts with their subscriptions.
 * `create(state, helpers)` adds the collection to the shared state and returns the routes; it
 * needs state.fields (field.js), state.tags (tag.js) and state.subscriptions (subscription.js).
 *
 * Shared state written here (the other resources read these; keep the shapes):
 *   state.contacts       Map id (number) → contact record:
 *                          { id, created_at, updated_at, email?, mobile_number?, external_identifier?,
 *                            …attributes by field system_name (wire formats: Date 'dd/mm/yyyy',
 *                            SingleChoice option id, MultipleChoice [option ids], Boolean true/false),
 *                            email_subscribed, mobile_subscribed, unreachable_email, unreachable_mobile }
 *                        A contact's tags are NOT stored on it: see state.tags.
 *   state.audience       { renderContact(contact), findContact({ email, mobile_number, external_identifier }),
 *                          addContact(attributes) → contact, changeLog: [], resubscriptionRequests: [] }
 *                        (editor.js adds editorSessions and editorPaths)
 */
const { filterByTimestamps, invalid, isoSeconds, notFound, ok, unknownAttribute } = require('./common');
const { coerce } = require('./field');
const { addSubscription } = require('./subscription');
const { addTag } = require('./tag');

const FIRST_NAMES = ['Barry', 'Julia', 'Marge', 'Homer', 'Lisa', 'Ned', 'Edna', 'Moe', 'Carl', 'Lenny', 'Patty', 'Selma', 'Otto'];
const LAST_NAMES = ['Hall', 'Gillard', 'Simpson', 'Flanders', 'Krabappel', 'Szyslak', 'Carlson', 'Leonard', 'Bouvier', 'Mann'];

function create(state, helpers) {
	const { paginate, newId } = helpers;
	state.contacts = new Map();
	const audience = { changeLog: [], resubscriptionRequests: [] };
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

	function addContact(attributes, createdAt = now()) {
		const id = attributes.id ?? newId();
		const contact = {
			id,
			created_at: isoSeconds(createdAt),
			updated_at: isoSeconds(createdAt),
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
		contact.updated_at = isoSeconds(createdAt + 3_600_000 * index);
		// Contact 301 and 302 have unsubscribed (email), so a resubscription email makes sense.
		if (index === 1 || index === 2) contact.email_subscribed = false;
		addSubscription(state, newId, contact, 'email', contact.email_subscribed, contact.email);
		state.subscriptions[state.subscriptions.length - 1].created_at = isoSeconds(createdAt);
		if (contact.mobile_number) {
			addSubscription(state, newId, contact, 'mobile_number', true, contact.mobile_number);
			state.subscriptions[state.subscriptions.length - 1].created_at = isoSeconds(createdAt + 60_000);
		}
	}

	// ---------------------------------------------------------------- writes
	const CONTACT_EXTRAS = ['tag_string', 'tag_ids', 'version_tags', 'password'];
	const UPDATE_EXTRAS = ['unreachable_email', 'unreachable_mobile'];

	function tagsByNames(text) {
		const names = String(text)
			.split(',')
			.map((name) => name.trim())
			.filter(Boolean);
		return names.map((name) => {
			let found = [...state.tags.values()].find((tag) => tag.name.toLowerCase() === name.toLowerCase());
			if (!found) {
				const id = newId();
				addTag(state, id, name);
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
			if (result.problem) return invalid(result.problem);
			changes[key] = result.value;
		}
		if (body.version_tags !== undefined) {
			if (!Array.isArray(body.version_tags) || body.version_tags.some((entry) => typeof entry !== 'string')) {
				return invalid('version_tags must be an array of strings');
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
			if (missing !== undefined) return invalid(`Tag ${missing} does not exist`);
		}
		for (const key of UPDATE_EXTRAS) {
			if (body[key] === undefined) continue;
			const flag = coerce({ system_name: key, field_type: 'Boolean' }, body[key]);
			if (flag.problem) return invalid(flag.problem);
			changes[key] = flag.value;
		}
		const merged = { ...contact, ...changes };
		if (!merged.email && !merged.mobile_number) {
			return invalid('Contact requires either a valid email address or mobile_number');
		}
		const other = findContact({ email: changes.email, mobile_number: changes.mobile_number });
		if (other && other.id !== contact.id) {
			return invalid(changes.email && other.email === changes.email ? 'Email has already been taken' : 'Mobile number has already been taken');
		}
		// MultipleChoice options are added to those already present.
		for (const [key, value] of Object.entries(changes)) {
			const field = state.fields.get(key);
			if (field && field.field_type === 'MultipleChoice' && Array.isArray(contact[key])) {
				changes[key] = [...new Set([...contact[key], ...value])];
			}
		}
		Object.assign(contact, changes, { updated_at: isoSeconds(now()) });
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
			at: isoSeconds(now()),
		});
		return undefined;
	}

	function createContact(body) {
		if (!body.email && !body.mobile_number) {
			return invalid('Contact requires either a valid email address or mobile_number');
		}
		const contact = { id: newId() };
		const problem = writeContact(contact, body, 'create');
		if (problem) return problem;
		const created = addContact(contact);
		if (created.email) addSubscription(state, newId, created, 'email', true, created.email);
		if (created.mobile_number) addSubscription(state, newId, created, 'mobile_number', true, created.mobile_number);
		return ok(renderContact(created));
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
				return invalid('Contact requires either a valid email address or mobile_number');
			}
			const existing = findContact({ email: body.email, mobile_number: body.mobile_number });
			if (!existing) return createContact(body);
			const problem = writeContact(existing, body, 'update');
			if (problem) return problem;
			return ok(renderContact(existing));
		}
		if (action === 'find_first' && segments.length === 2 && req.method === 'GET') {
			const criteria = Object.entries(req.query);
			if (criteria.length === 0) return invalid('Provide email, mobile_number or a text field to search by');
			for (const [key] of criteria) {
				const field = state.fields.get(key);
				if (!field) return unknownAttribute(key);
				if (!['Text', 'MobileNumber'].includes(field.field_type)) {
					return invalid(`${key} is not a text field and cannot be searched`);
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
				if (!contact.email) return invalid('Contact has no email address');
				if (contact.email_subscribed) return invalid('Contact email address is not unsubscribed');
				audience.resubscriptionRequests.push({ contact_id: id, channel: 'email', at: isoSeconds(now()) });
				return ok({ message: 'success' });
			}
			if (segments[2] === 'send_resubscription_sms') {
				if (!contact.mobile_number) return invalid('Contact has no mobile number');
				if (contact.mobile_subscribed) return invalid('Contact mobile number is not unsubscribed');
				audience.resubscriptionRequests.push({ contact_id: id, channel: 'sms', at: isoSeconds(now()) });
				return ok({ message: 'success' });
			}
		}
		return undefined;
	}

	return { contact: contactRoutes };
}

module.exports = { create };
