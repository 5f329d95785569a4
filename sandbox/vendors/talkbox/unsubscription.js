'use strict';
/**
 * TalkBox sandbox: unsubscriptions (POST /unsubscriptions by contact_info or external_identifier):
 * the contact, when found, is unsubscribed on that channel and an unsubscription record is added
 * to state.subscriptions. `create(state, helpers)` returns the routes.
 */
const { EMAIL, MOBILE, invalid, isoSeconds, ok, unknownAttribute } = require('./common');
const { addSubscription } = require('./subscription');

function create(state, helpers) {
	const { newId } = helpers;
	const now = () => state.clock();
	const findContact = (query) => state.audience.findContact(query);

	function unsubscriptionRoutes(req, segments) {
		if (segments.length !== 1 || req.method !== 'POST') return undefined;
		const body = req.body || {};
		for (const key of Object.keys(body)) {
			if (!['channel', 'contact_info', 'external_identifier'].includes(key)) return unknownAttribute(key);
		}
		if (!['email', 'mobile'].includes(body.channel)) return invalid("Channel must be 'email' or 'mobile'");
		if (!body.contact_info && !body.external_identifier) {
			return invalid('contact_info or external_identifier is required');
		}
		if (body.contact_info && body.channel === 'email' && !EMAIL.test(String(body.contact_info))) {
			return invalid('Email address is invalid');
		}
		if (body.contact_info && body.channel === 'mobile' && !MOBILE.test(String(body.contact_info))) {
			return invalid('Mobile number is invalid');
		}
		const contact = body.external_identifier
			? findContact({ external_identifier: body.external_identifier })
			: findContact(body.channel === 'email' ? { email: body.contact_info } : { mobile_number: body.contact_info });
		const destination = body.contact_info || (contact ? (body.channel === 'email' ? contact.email : contact.mobile_number) : null);
		if (contact) {
			if (body.channel === 'email') contact.email_subscribed = false;
			else contact.mobile_subscribed = false;
			contact.updated_at = isoSeconds(now());
		}
		addSubscription(state, newId, contact, body.channel === 'email' ? 'email' : 'mobile_number', false, destination);
		return ok({
			channel: body.channel,
			contact_info: body.contact_info ?? null,
			...(body.external_identifier ? { external_identifier: body.external_identifier } : {}),
			contact_id: contact ? contact.id : null,
			source: 'api',
		});
	}

	return { unsubscriptions: unsubscriptionRoutes };
}

module.exports = { create };
