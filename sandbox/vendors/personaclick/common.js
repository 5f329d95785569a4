'use strict';
/** What every part of the PersonaClick sandbox shares: credentials, envelopes, formats, contacts. */
const SHOP_ID = 'sandbox-shop-0d42fd8b';
// Characters that URL-encoding changes, so tests can look for the encoded form too.
const SHOP_SECRET = 'pc+Sandbox/Secret=0123&456 789';

const ok = () => ({ status: 200, body: { status: 'success' } });
/** `{"status":"error","message":…}`: the subscription methods and /sync/orders. */
const fail = (status, message) => ({ status, body: { status: 'error', message } });
/** `{"status":"error","payload":{"message":…}}`: the REES46 CDP pages (profile, segments, events). */
const failNested = (status, message) => ({ status, body: { status: 'error', payload: { message } } });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// An international number "may begin with +" (the docs): the + is optional.
const PHONE = /^\+?[1-9]\d{6,14}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CUSTOM_KEY = /^[a-z0-9_]+$/;

const CHANNELS = ['email', 'sms', 'web_push', 'mobile_push'];
const CAMPAIGN_TYPES = ['bulk', 'chain', 'transactional'];
const FLAGS = CHANNELS.flatMap((channel) => CAMPAIGN_TYPES.map((type) => `${channel}_${type}`));
const IDENTIFIERS = ['email', 'phone', 'external_id', 'loyalty_id', 'telegram_id'];

const zoneFormats = new Map();

/** The offset (ms) of the IANA `zone` from UTC at the instant `ms` (0 for UTC or none). */
function zoneOffset(ms, zone) {
	if (!zone || zone === 'UTC') return 0;
	if (!zoneFormats.has(zone)) {
		zoneFormats.set(
			zone,
			new Intl.DateTimeFormat('en-US', {
				timeZone: zone,
				hourCycle: 'h23',
				year: 'numeric',
				month: '2-digit',
				day: '2-digit',
				hour: '2-digit',
				minute: '2-digit',
				second: '2-digit',
			}),
		);
	}
	const parts = {};
	for (const { type, value } of zoneFormats.get(zone).formatToParts(new Date(ms))) parts[type] = value;
	const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
	return wall - Math.floor(ms / 1000) * 1000;
}

/** `YYYY-MM-DDThh:mm:ss.SSS`, the documented datetime format: the wall time in `zone` (UTC by default). */
const formatDatetime = (ms, zone) => new Date(ms + zoneOffset(ms, zone)).toISOString().slice(0, 23);

/** The instant of a wall time (`YYYY-MM-DD[T ]hh:mm:ss[.SSS]`) in `zone` (UTC by default; in a repeated hour, one of the two). */
function wallTimeToMs(text, zone) {
	const asUtc = Date.parse(`${text}Z`);
	if (!zone || zone === 'UTC') return asUtc;
	return asUtc - zoneOffset(asUtc - zoneOffset(asUtc, zone), zone);
}

/** A contact: its identifiers, subscription flags and CDP profile fields. */
function newContact(fields) {
	const contact = {
		email: null,
		phone: null,
		external_id: null,
		loyalty_id: null,
		telegram_id: null,
		email_confirmed: false,
		email_bounced: false,
		email_suppressed: false,
		email_blacklisted: false,
		email_invalid: false,
		web_push: false,
		mobile_push: false,
		telegram_bulk: false,
		telegram_chain: false,
		telegram_transactional: false,
		...Object.fromEntries(FLAGS.map((flag) => [flag, false])),
		first_name: null,
		last_name: null,
		gender: null,
		birthday: null,
		age: null,
		location: null,
		fb_id: null,
		vk_id: null,
		google_advertising_id: null,
		apple_advertising_id: null,
		yandex_id: null,
		kids: [],
		auto: [],
		tags: [],
		custom_properties: {},
		/** IDs of the segments the contact is in. */
		segments: [],
	};
	return Object.assign(contact, fields);
}

/** Whether a request carries a value for a key (JSON null and '' count as absent). */
const given = (params, key) => params[key] !== undefined && params[key] !== null && params[key] !== '';

/** The first identifier of the request (in IDENTIFIERS order), checked: { key, value } or { error }. */
function identifierOf(params, allowed = IDENTIFIERS) {
	const key = allowed.find((candidate) => given(params, candidate));
	if (!key) return { missing: true };
	const value = params[key];
	if (typeof value !== 'string' && typeof value !== 'number') return { error: 'Identifier is not valid' };
	const text = String(value);
	if (key === 'email' && !EMAIL.test(text)) return { error: 'Identifier is not valid' };
	if (key === 'phone' && !PHONE.test(text)) return { error: 'Identifier is not valid' };
	return { key, value: text };
}

module.exports = {
	SHOP_ID,
	SHOP_SECRET,
	ok,
	fail,
	failNested,
	EMAIL,
	PHONE,
	DATE,
	CUSTOM_KEY,
	CHANNELS,
	CAMPAIGN_TYPES,
	FLAGS,
	IDENTIFIERS,
	formatDatetime,
	zoneOffset,
	wallTimeToMs,
	newContact,
	given,
	identifierOf,
};
