'use strict';
/**
 * Loyalty member: /loyalty/members/{email}: balance, collect / manual adjustment / redeem
 * actions, redemption options.
 */
const { ok, fail, isObject, DATE, unpermitted, NOW } = require('./common');
const { publicCoupon } = require('./coupon');
const { issueReward } = require('./reward');

const POINTS_LIMIT = 10000;
const ACTION_CONFIGS = {
	newsletter_signup: { name: 'Newsletter sign-up', description: 'Joined the newsletter', points: 20, once: true },
	store_visit: { name: 'Store visit', description: 'Visited a store', points: 5, once: false },
};
const REDEMPTION_BATCHES = [
	{ id: 7, name: '$10 off', points: 50, amount: 10.0, description: '$10' },
	{ id: 8, name: '$50 off', points: 500, amount: 50.0, description: '$50' },
];
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function newMember(email, extra = {}) {
	return { custom_properties: {}, email, phone_number: null, points_balance: 0, member_dates: [], active: true, collect: [], manual: [], redeem: [], ...extra };
}

function seedLoyalty() {
	return new Map([
		['member@example.com', newMember('member@example.com', { points_balance: 100 })],
		['inactive@example.com', newMember('inactive@example.com', { active: false })],
	]);
}

const publicMember = (m) => ({
	custom_properties: m.custom_properties,
	email: m.email,
	phone_number: m.phone_number,
	points_balance: m.points_balance,
	member_dates: m.member_dates,
});

/** Talkable stores custom property values as strings: false → "f", true → "t", 123 → "123". */
const asStored = (value) => (value === true ? 't' : value === false ? 'f' : value === null ? '' : String(value));

function createLoyalty(state) {
	const action = (type, points, extra = {}) => ({ type, created_at: NOW, points, action_config: null, coupon: null, event: null, user: null, ...extra });

	function update(member, data) {
		if (!isObject(data)) return fail(400, 'Missing parameter: data');
		const refused = unpermitted(data, ['custom_properties', 'member_dates']);
		if (refused) return refused;
		if (data.member_dates !== undefined) {
			const valid = Array.isArray(data.member_dates) && data.member_dates.every((d) => isObject(d) && 'date' in d && 'identifier' in d);
			if (!valid) return fail(400, 'Invalid member_dates format, expected an array of objects with `date` and `identifier` keys');
			for (const entry of data.member_dates) {
				if (!IDENTIFIER.test(entry.identifier)) {
					return fail(422, "Validation failed: Identifier can contain lowercase letters, numbers and '_' only and cannot begin with a number");
				}
				if (!DATE.test(entry.date)) return fail(400, 'Invalid member_dates format, `date` must be YYYY-MM-DD');
			}
		}
		if (data.custom_properties !== undefined) {
			if (!isObject(data.custom_properties)) return fail(400, '`custom_properties` must be an object');
			for (const [key, value] of Object.entries(data.custom_properties)) member.custom_properties[key] = asStored(value);
		}
		for (const entry of data.member_dates || []) {
			member.member_dates = member.member_dates.filter((d) => d.identifier !== entry.identifier);
			member.member_dates.push({ date: entry.date, identifier: entry.identifier });
		}
		return ok({ loyalty_member: publicMember(member) });
	}

	function collect(member, data) {
		if (!isObject(data) || typeof data.type !== 'string' || data.type === '') return fail(400, '`type` is required');
		const refused = unpermitted(data, ['type', 'traffic_source']);
		if (refused) return refused;
		const config = ACTION_CONFIGS[data.type];
		if (!config) return fail(400, `No action configurations found for identifier \`${data.type}\``);
		if (config.once && member.collect.some((a) => a.type === data.type)) {
			return ok({ collected: false, loyalty_member: publicMember(member) });
		}
		member.points_balance += config.points;
		member.collect.unshift(action(data.type, config.points, { action_config: { name: config.name, description: config.description, points: config.points } }));
		return ok({ collected: true, loyalty_member: publicMember(member) });
	}

	function adjust(member, data) {
		if (!isObject(data) || !Number.isInteger(data.points)) return fail(400, '`points` must be an integer');
		const refused = unpermitted(data, ['points', 'description']);
		if (refused) return refused;
		const balance = member.points_balance + data.points;
		if (balance < 0 || balance > POINTS_LIMIT) {
			return fail(422, 'Validation failed: Points adjustment must result in member points balance between 0 and available points limit');
		}
		member.points_balance = balance;
		const entry = action('manual_adjustment', data.points, { description: data.description ?? null, user: { account_id: 2, email: 'api@talkable.com', id: 1, staff_member: false } });
		member.manual.unshift(entry);
		return ok({ action: entry, loyalty_member: publicMember(member) });
	}

	function redeem(member, data) {
		if (!isObject(data) || !Number.isInteger(data.redemption_batch_id)) return fail(400, '`redemption_batch_id` must be an integer');
		const refused = unpermitted(data, ['redemption_batch_id', 'traffic_source']);
		if (refused) return refused;
		const option = REDEMPTION_BATCHES.find((b) => b.id === data.redemption_batch_id);
		if (!option) return fail(400, 'No redemption batch found by `redemption_batch_id`.');
		if (member.points_balance < option.points) return fail(400, 'not enough points');
		member.points_balance -= option.points;
		const { coupon } = issueReward(state, member.email, 'loyalty_redeem', option.amount);
		const entry = action('redeem', -option.points, { coupon: publicCoupon(coupon) });
		member.redeem.unshift(entry);
		return ok({ action: entry, loyalty_member: publicMember(member) });
	}

	function handle(req, segments) {
		if (segments[1] !== 'members' || segments.length < 3 || segments.length > 4) return undefined;
		const member = state.loyalty.get(segments[2]);
		if (!member) return fail(400, 'Loyalty member not found');
		if (!member.active) return fail(400, 'Loyalty member is not active');
		const sub = segments[3];
		const data = (req.body || {}).data;
		if (req.method === 'GET') {
			if (sub === undefined) return ok({ loyalty_member: publicMember(member) });
			if (sub === 'collect_actions') return ok({ actions: member.collect });
			if (sub === 'manual_adjustment_actions') return ok({ actions: member.manual });
			if (sub === 'redeem_actions') return ok({ actions: member.redeem });
			if (sub === 'redemption_batches') return ok({ redemption_batches: REDEMPTION_BATCHES });
			return undefined;
		}
		if (req.method === 'PUT' && sub === undefined) return update(member, data);
		if (req.method === 'POST' && sub === 'collect_actions') return collect(member, data);
		if (req.method === 'POST' && sub === 'manual_adjustment_actions') return adjust(member, data);
		if (req.method === 'POST' && sub === 'redeem_actions') return redeem(member, data);
		return undefined;
	}

	return { handle };
}

module.exports = { seedLoyalty, createLoyalty };
