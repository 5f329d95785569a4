'use strict';
/** Envelopes, small checks and serialisers shared by the Talkable sandbox's resource modules. */

const ok = (result, status = 200) => ({ status, body: result === undefined ? { ok: true } : { ok: true, result } });
const fail = (status, message) => ({ status, body: { ok: false, error_message: message } });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isEmail = (value) => typeof value === 'string' && EMAIL.test(value);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The first key of `data` that is not permitted, as Rails reports it. */
function unpermitted(data, allowed) {
	const key = Object.keys(data).find((name) => !allowed.includes(name));
	return key === undefined ? undefined : fail(400, `found unpermitted parameter: :${key}`);
}

/** A fixed clock for generated timestamps (tests compare outputs). */
const NOW = '2026-07-07T11:06:25.000-07:00';

/** Short codes that look like Talkable's. */
function codeMaker(prefix = '') {
	let counter = 0;
	return () => {
		counter += 1;
		return `${prefix}${counter.toString(36).padStart(4, '0')}`;
	};
}

/** An origin as the API shows it (origins and refunds answer with it). */
const publicOrigin = (o) => ({
	subtotal: o.data.subtotal ?? null,
	customer_id: o.data.customer_id ?? null,
	email: o.data.email,
	id: o.id,
	ip_address: o.data.ip_address ?? null,
	order_number: o.type === 'Purchase' ? o.data.order_number : null,
	event_category: o.type === 'Event' ? o.data.event_category : undefined,
	event_number: o.type === 'Event' ? o.data.event_number : undefined,
	refunded_at: o.refunded_at,
	type: o.type,
	segment1: o.data.segment1 ?? null,
	segment2: o.data.segment2 ?? null,
	segment3: o.data.segment3 ?? null,
	utm_campaign: o.data.utm_campaign ?? null,
	utm_content: o.data.utm_content ?? null,
	utm_medium: o.data.utm_medium ?? null,
	utm_source: o.data.utm_source ?? null,
	utm_term: o.data.utm_term ?? null,
	order_date: o.data.created_at ?? NOW,
	partially_refunded: o.partially_refunded,
	refund_subtotal: o.refund_subtotal,
	coupon_code: (o.data.coupon_codes || []).join(','),
});

module.exports = { ok, fail, isEmail, isObject, DATE, ISO, unpermitted, NOW, codeMaker, publicOrigin };
