'use strict';
/**
 * Share: POST /offers/{code}/shares/email and /shares/social (offer.js finds the offer and routes
 * here). Email shares check each recipient and keep to the per-offer limit; a social share is
 * added to the advocate's shares.
 */
const { ok, fail, isEmail, NOW } = require('./common');

const SOCIAL_CHANNELS = ['facebook', 'twitter', 'linkedin', 'whatsapp', 'sms', 'other'];
const EMAIL_SHARE_LIMIT = 25;

function createShares(state, people) {
	function email(req, entry) {
		const body = req.body || {};
		if (typeof body.recipients !== 'string' || body.recipients.trim() === '') return fail(400, '`recipients` is required');
		const emails = body.recipients.split(/[,\n]/).map((e) => e.trim()).filter(Boolean);
		const validationOnly = body.validation_only === true;
		const recipients = {};
		let currentlySent = 0;
		let previouslySent = 0;
		for (const email of emails) {
			const valid = isEmail(email);
			const self = email === entry.offer.email;
			const previously = entry.emailed.has(email);
			const sharable = valid && !self && (!previously || body.reminder === true);
			const limitLeft = EMAIL_SHARE_LIMIT - entry.emailed.size;
			const send = sharable && limitLeft > 0;
			if (send && !validationOnly) {
				entry.emailed.add(email);
				currentlySent += 1;
			} else if (send) {
				currentlySent += 1;
			}
			if (previously) previouslySent += 1;
			recipients[email] = {
				currently_sent: send && !validationOnly,
				previously_sent: previously,
				email_valid: valid,
				self_referral: self,
				unsubscribed: false,
				blocklisted: false,
				blacklisted: false,
				meets_criteria: true,
				sharable,
			};
		}
		if (!validationOnly && currentlySent > 0) {
			entry.shares.push({ id: ++state.ids.share, channel_identifier: 'email', subject: body.subject ?? null, body: body.body ?? null });
		}
		return ok({
			success: true,
			validation_only: validationOnly,
			stats: {
				currently_sent: validationOnly ? 0 : currentlySent,
				currently_not_sent: emails.length - (validationOnly ? 0 : currentlySent),
				previously_sent: previouslySent,
				total_sent: entry.emailed.size,
				sent_limit_exceeded: entry.emailed.size >= EMAIL_SHARE_LIMIT,
				left_emails: EMAIL_SHARE_LIMIT - entry.emailed.size,
				advocate_blocked: false,
			},
			recipients,
		});
	}

	function social(req, entry) {
		const channel = (req.body || {}).channel;
		if (!SOCIAL_CHANNELS.includes(channel)) return fail(400, '`channel` is invalid');
		const share = {
			shared_at: NOW,
			short_url: `https://share.my-store.com/x/${channel}-${entry.offer.short_url_code}`,
			channel_identifier: channel,
			id: ++state.ids.share,
			type: 'SocialOfferShare',
			offer: entry.offer,
		};
		entry.shares.push(share);
		const advocate = people.find(entry.offer.email);
		if (advocate) advocate.shares.unshift({ id: share.id, short_url: share.short_url, channel_identifier: channel, type: share.type, friends_count: 0, friend_clicks_count: 0 });
		return ok({ share, reward: null });
	}

	return { email, social };
}

module.exports = { createShares, SOCIAL_CHANNELS };
