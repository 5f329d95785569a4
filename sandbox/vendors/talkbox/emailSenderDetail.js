'use strict';
/**
 * TalkBox sandbox: email sender details (/email_sender_details, /email_sender_details/:id).
 * `create(state, helpers)` puts the seed on the shared state and returns the routes:
 *   state.emailSenderDetails  Map id → { id, name, address } (promotion.js adds one for a new sender name and address)
 */
const { EMAIL, collectionRoutes, invalid, isSet, ok, unknownAttribute } = require('./common');

function create(state, helpers) {
	const { newId } = helpers;
	state.emailSenderDetails = new Map([
		[123, { id: 123, name: 'The Pub On The Corner', address: 'pub@example.com' }],
		[456, { id: 456, name: 'Bands At The Pub On The Corner', address: 'bands@example.com' }],
	]);

	function checkSender(body) {
		if (!body || !isSet(body.name)) return invalid('name is required');
		if (!isSet(body.address)) return invalid('address is required');
		if (!EMAIL.test(String(body.address))) return invalid('Email address is invalid');
		const unknown = Object.keys(body).find((key) => !['name', 'address'].includes(key));
		return unknown ? unknownAttribute(unknown) : undefined;
	}

	const emailSenderDetails = collectionRoutes(state, 'emailSenderDetails', 'Email sender detail', {
		create(req) {
			const problem = checkSender(req.body);
			if (problem) return problem;
			const sender = { id: newId(), name: req.body.name, address: req.body.address };
			state.emailSenderDetails.set(sender.id, sender);
			return ok(sender);
		},
		update(sender, req) {
			const problem = checkSender(req.body);
			if (problem) return problem;
			Object.assign(sender, { name: req.body.name, address: req.body.address });
			return ok(sender);
		},
	});

	return { email_sender_details: emailSenderDetails };
}

module.exports = { create };
