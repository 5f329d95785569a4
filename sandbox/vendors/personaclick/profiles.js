'use strict';
/**
 * PersonaClick / REES46 CDP profiles: GET /profile, POST /profile/set (upsert), DELETE
 * /profile/purge (JSON body; blanks the personal data, a repeat answers 404 "Profile not found")
 * and POST /profile/force_change_email|phone|id (moves the identifier, taking it from any other
 * profile that has it). Profiles are the contacts of `state.contacts`.
 */
const { ok, failNested, EMAIL, PHONE, DATE, CUSTOM_KEY, IDENTIFIERS, newContact, given, identifierOf } = require('./common');

const NO_PARAMETERS = 'There are no mandatory parameters in the request';

/** Standard profile fields /profile/set accepts (everything else is a custom property). */
const TEXT_FIELDS = ['first_name', 'last_name', 'location', 'fb_id', 'vk_id', 'google_advertising_id', 'apple_advertising_id', 'yandex_id'];
const DEPRECATED = ['loyalty_card_location', 'loyalty_status', 'loyalty_bonuses', 'loyalty_bonuses_to_next_level', 'bought_something'];
const NOT_CUSTOM = new Set(['shop_id', 'shop_secret', 'did', 'sid', 'seance', ...IDENTIFIERS, ...TEXT_FIELDS, ...DEPRECATED, 'gender', 'birthday', 'age', 'kids', 'auto']);

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Whether a value is "any true value" (true, 1, "yes", "believe me…"), as force_change wants. */
const truthy = (value) => value === true || (typeof value === 'number' && value !== 0) || (typeof value === 'string' && value !== '' && !/^(false|0|no)$/i.test(value));

function profileRoutes(state) {
	/** The live (not purged) profile with this identifier. */
	const findBy = (key, value) => state.contacts.find((contact) => !contact.purged && contact[key] === value);

	function find(params) {
		const id = identifierOf(params);
		if (id.missing) return { reply: failNested(404, NO_PARAMETERS) };
		if (id.error) return { reply: failNested(400, id.error) };
		return { contact: findBy(id.key, id.value) };
	}

	function ordersOf(contact) {
		return state.orders
			.filter((order) => ['email', 'phone', 'external_id', 'loyalty_id'].some((key) => contact[key] && order[key] === contact[key]))
			.map((order) => ({
				id: order.id,
				value: order.value && order.value.total !== undefined ? order.value.total : null,
				status: order.status,
				items: (order.items || []).map((item) => ({ id: item.id, price: item.price, name: item.name || null, quantity: item.quantity })),
			}));
	}

	function get(params) {
		const { reply, contact } = find(params);
		if (reply) return reply;
		if (!contact) return failNested(404, 'Profile not found');
		return {
			status: 200,
			body: {
				first_name: contact.first_name,
				last_name: contact.last_name,
				email: contact.email,
				phone: contact.phone,
				fb_id: contact.fb_id,
				vk_id: contact.vk_id,
				telegram_id: contact.telegram_id,
				loyalty_id: contact.loyalty_id,
				gender: contact.gender,
				location: contact.location,
				age: contact.age,
				birthday: contact.birthday,
				bought_something: ordersOf(contact).length > 0,
				tags: [...contact.tags],
				custom_properties: { ...contact.custom_properties },
				additional_phones: [],
				additional_emails: [],
				additional_loyalty_ids: [],
				orders: ordersOf(contact),
			},
		};
	}

	/** Checks of /profile/set values: undefined when fine, else the error message. */
	function invalid(params) {
		for (const key of IDENTIFIERS) {
			if (!given(params, key)) continue;
			if (typeof params[key] !== 'string' && typeof params[key] !== 'number') return 'Identifier is not valid';
			if (key === 'email' && !EMAIL.test(params.email)) return 'Identifier is not valid';
			if (key === 'phone' && !PHONE.test(params.phone)) return 'Identifier is not valid';
		}
		if (given(params, 'gender') && !['m', 'f'].includes(params.gender)) return 'gender must be m or f';
		if (given(params, 'birthday') && !DATE.test(params.birthday)) return 'birthday must be YYYY-MM-DD';
		if (given(params, 'age') && !(Number.isInteger(params.age) && params.age >= 0)) return 'age must be a whole number';
		if (params.kids !== undefined) {
			if (!Array.isArray(params.kids)) return 'kids must be an array';
			for (const kid of params.kids) {
				if (!isObject(kid)) return 'kids must be objects';
				if (kid.gender !== undefined && !['m', 'f'].includes(kid.gender)) return 'kids[].gender must be m or f';
				if (kid.birthday !== undefined && !DATE.test(kid.birthday)) return 'kids[].birthday must be YYYY-MM-DD';
			}
		}
		if (params.auto !== undefined) {
			if (!Array.isArray(params.auto) || !params.auto.every(isObject)) return 'auto must be an array of objects';
		}
		for (const key of Object.keys(params)) {
			if (!NOT_CUSTOM.has(key) && !CUSTOM_KEY.test(key)) return `Invalid property name ${key}`;
		}
		return undefined;
	}

	function set(params) {
		const id = identifierOf(params);
		if (id.missing) return failNested(404, NO_PARAMETERS);
		const problem = invalid(params);
		if (problem) return failNested(400, problem);
		let contact = IDENTIFIERS.filter((key) => given(params, key))
			.map((key) => findBy(key, String(params[key])))
			.find(Boolean);
		if (!contact) {
			contact = newContact({});
			state.contacts.push(contact);
		}
		for (const key of IDENTIFIERS) if (given(params, key)) contact[key] = String(params[key]);
		for (const key of [...TEXT_FIELDS, 'gender', 'birthday', 'age']) if (given(params, key)) contact[key] = params[key];
		if (params.kids !== undefined) contact.kids = params.kids.map((kid) => ({ ...kid }));
		if (params.auto !== undefined) contact.auto = params.auto.map((car) => ({ ...car }));
		for (const [key, value] of Object.entries(params)) {
			if (!NOT_CUSTOM.has(key)) contact.custom_properties[key] = value;
		}
		return ok();
	}

	function purge(params) {
		const { reply, contact } = find(params);
		if (reply) return reply;
		if (!contact) return failNested(404, 'Profile not found');
		for (const key of ['email', 'phone', 'first_name', 'last_name', 'loyalty_id', 'external_id']) contact[key] = null;
		contact.middle_name = null;
		contact.custom_properties = {};
		contact.purged = true;
		return ok();
	}

	function forceChange(kind) {
		const [oldKey, newKey] = [`old_${kind.param}`, `new_${kind.param}`];
		return (params) => {
			if (!given(params, oldKey) || !given(params, newKey)) return failNested(404, NO_PARAMETERS);
			if (!truthy(params.i_understand_what_i_am_doing)) {
				return failNested(400, 'i_understand_what_i_am_doing is required');
			}
			const [oldValue, newValue] = [String(params[oldKey]), String(params[newKey])];
			if (kind.pattern && !(kind.pattern.test(oldValue) && kind.pattern.test(newValue))) {
				return failNested(400, 'Identifier is not valid');
			}
			const contact = findBy(kind.key, oldValue);
			if (!contact) return failNested(404, `Profile with \`${oldKey}\` not found`);
			for (const other of state.contacts) {
				if (other !== contact && other[kind.key] === newValue) other[kind.key] = null;
			}
			contact[kind.key] = newValue;
			return ok();
		};
	}

	return {
		'GET /profile': get,
		'POST /profile/set': set,
		'DELETE /profile/purge': purge,
		'POST /profile/force_change_email': forceChange({ param: 'email', key: 'email', pattern: EMAIL }),
		'POST /profile/force_change_phone': forceChange({ param: 'phone', key: 'phone', pattern: PHONE }),
		'POST /profile/force_change_id': forceChange({ param: 'external_id', key: 'external_id' }),
	};
}

module.exports = { profileRoutes };
