'use strict';
/**
 * TalkBox sandbox: communications (GET /communications, GET /communications/:id) and a promotion's
 * (GET /promotions/:id/communications, POST …/communications: the API trigger, answered here for
 * promotion.js). A trigger needs exactly one of contact_ids / recipient_details / external_identifiers
 * (recipient_details when test) and an enabled API-triggered promotion.
 * `create(state, helpers)` puts the seed on the shared state and returns the routes:
 *   state.communications Array of communication reports, newest first (+ `recipients` sent to, not rendered)
 */
const { EMAIL, invalid, iso, isSet, notFound, splitList, unknownAttribute } = require('./common');
const { matchContacts } = require('./recipient');

/** A new report of a send of `promotion`, first in state.communications. */
function communicationFor(state, newId, promotion, extra = {}) {
	const report = {
		id: newId(),
		name: promotion.name,
		promotion_id: promotion.id,
		send_time: iso(state.clock()),
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

/** POST /promotions/:id/communications: send an API-triggered promotion now. */
function trigger(state, helpers, req, identifier, promotion) {
	if (!promotion) return notFound(`Promotion ${identifier}`);
	const body = req.body && typeof req.body === 'object' ? req.body : {};
	const unknown = Object.keys(body).find(
		(key) => !['contact_ids', 'recipient_details', 'external_identifiers', 'test'].includes(key),
	);
	if (unknown) return unknownAttribute(unknown);
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
	const recipients = matchContacts(state, body).map((contact) => contact.id);
	// Recipients take a short while to generate: the report starts at 0 (as the doc shows).
	const report = communicationFor(state, helpers.newId, promotion, {
		email_recipients: 0,
		sms_recipients: 0,
		test: body.test === true,
		recipients,
	});
	return { status: 200, body: renderCommunication(report) };
}

/** GET and POST /promotions/:id/communications (the promotions route hands them over). */
function promotionCommunications(state, helpers, req, id, promotion) {
	if (req.method === 'GET') {
		if (!promotion) return notFound(`Promotion ${id}`);
		const list = state.communications.filter((report) => report.promotion_id === promotion.id);
		// Fixed 10 a page, as documented (only `page` is a parameter).
		const page = helpers.paginate(list, { page: req.query.page });
		return page.error ?? { status: 200, body: page.items.map(renderCommunication) };
	}
	if (req.method === 'POST') return trigger(state, helpers, req, id, promotion);
	return undefined;
}

function create(state, helpers) {
	const { paginate } = helpers;

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

	function communications(req, segments) {
		if (req.method !== 'GET') return undefined;
		if (segments.length === 1) {
			const page = paginate(state.communications, { page: req.query.page });
			return page.error ?? { status: 200, body: page.items.map(renderCommunication) };
		}
		if (segments.length === 2) {
			const report = state.communications.find((candidate) => String(candidate.id) === segments[1]);
			return report ? { status: 200, body: renderCommunication(report) } : notFound('Communication');
		}
		return undefined;
	}

	return { communications };
}

module.exports = { communicationFor, create, promotionCommunications };
