'use strict';
/**
 * TalkBox sandbox: tags and tag membership (/tags, /tags/:id, /tags/:id/contacts[/:contactId],
 * PUT /tags/:id/untag_contacts). `create(state, helpers)` puts the seed on the shared state and
 * returns the routes:
 *   state.tags           Map id (number) → { id, name, contactIds: Set<number> }
 *                        (a contact's tags are not stored on the contact: contact.js renders them from here)
 */
const { invalid, notFound, ok, unknownAttribute } = require('./common');

/** A new tag, without contacts (also made by contact.js for a new name in tag_string). */
const addTag = (state, id, name) => state.tags.set(id, { id, name, contactIds: new Set() });

function create(state, helpers) {
	const { newId } = helpers;
	state.tags = new Map();
	const tag = (id, name) => addTag(state, id, name);
	tag(38, 'Drinks Survey');
	tag(51, 'Eligible for rides');
	tag(60, 'VIP');
	tag(61, 'Gaming');
	// Members among the seeded contacts (contact.js seeds contacts 300..324).
	state.tags.get(60).contactIds.add(300).add(303);
	state.tags.get(61).contactIds.add(300).add(304).add(305);
	state.tags.get(38).contactIds.add(301);

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
				if (!validName()) return invalid("Name can't be blank");
				if (nameTaken(body.name)) return invalid('Name has already been taken');
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
				if (!validName()) return invalid("Name can't be blank");
				if (nameTaken(body.name, entry.id)) return invalid('Name has already been taken');
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

	return { tags: tagRoutes };
}

module.exports = { addTag, create };
