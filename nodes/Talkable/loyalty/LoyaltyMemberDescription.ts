/** Loyalty members: the member, its point balance and the actions that move it. */
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, idPath, integerId, listProperties, rawResponseProperty, requireValue, setBodyPath, showFor, text } from '../../shared';
import { many, operation, single, type TalkableResource } from '../common';
import { siteSlug } from '../siteSlug';
import { memberUpdateData, memberUpdateProperties } from './update';

const show = showFor('loyaltyMember');

const memberPath = (suffix = '') =>
	idPath(`/loyalty/members/{0}${suffix}`, [{ parameter: 'memberEmail', label: 'Member Email' }]);

/** `data.redemption_batch_id`: a whole number (the picker gives one; an expression may give text). */
async function redemptionBatchId(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const value = text(this, 'redemptionBatchId');
	if (value === '') fail(this, 'Redemption Option', 'a value is required but this item has none');
	setBodyPath(options, 'data.redemption_batch_id', integerId(this, 'Redemption Option', value));
	return options;
}

const LIST_OPERATIONS = ['getAdjustmentActions', 'getCollectActions', 'getRedeemActions', 'getRedemptionBatches'];
const ALL_OPERATIONS = [...LIST_OPERATIONS, 'adjustPoints', 'collectPoints', 'get', 'redeemPoints', 'update'];

const list = (name: string, value: string, action: string, description: string, suffix: string, key: string) =>
	operation({
		name,
		value,
		action,
		description,
		method: 'GET',
		url: '/loyalty/members',
		preSend: [memberPath(suffix), siteSlug],
		output: many(key),
	});

const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['loyaltyMember'] } },
	options: [
		operation({
			name: 'Adjust Points',
			value: 'adjustPoints',
			action: 'Adjust the points of a loyalty member',
			description: 'Add or remove points by hand (a negative number removes points)',
			method: 'POST',
			url: '/loyalty/members',
			preSend: [memberPath('/manual_adjustment_actions'), requireValue('points', 'Points'), siteSlug],
			output: single(),
			retrySafe: false,
		}),
		operation({
			name: 'Collect Points',
			value: 'collectPoints',
			action: 'Award points to a loyalty member for an action',
			description: 'Award the points configured for an action identifier',
			method: 'POST',
			url: '/loyalty/members',
			preSend: [memberPath('/collect_actions'), requireValue('actionType', 'Action Identifier'), siteSlug],
			output: single(),
			retrySafe: false,
		}),
		operation({
			name: 'Get',
			value: 'get',
			action: 'Get a loyalty member',
			description: 'Retrieve a loyalty member and their points balance',
			method: 'GET',
			url: '/loyalty/members',
			preSend: [memberPath(), siteSlug],
			output: single('loyalty_member'),
		}),
		list('Get Adjustment Actions', 'getAdjustmentActions', 'Get the manual point adjustments of a loyalty member', 'List the manual point adjustments, one item per action', '/manual_adjustment_actions', 'actions'),
		list('Get Collect Actions', 'getCollectActions', 'Get the point-earning actions of a loyalty member', 'List the actions that earned points, one item per action', '/collect_actions', 'actions'),
		list('Get Redeem Actions', 'getRedeemActions', 'Get the redemptions of a loyalty member', 'List the redemptions (points spent for coupons), one item per action', '/redeem_actions', 'actions'),
		list('Get Redemption Options', 'getRedemptionBatches', 'Get the redemption options of a loyalty member', 'List what the member can spend points on, one item per option', '/redemption_batches', 'redemption_batches'),
		operation({
			name: 'Redeem Points',
			value: 'redeemPoints',
			action: 'Redeem points of a loyalty member for a coupon',
			description: 'Spend points on a redemption option; outputs the coupon',
			method: 'POST',
			url: '/loyalty/members',
			preSend: [memberPath('/redeem_actions'), redemptionBatchId, siteSlug],
			output: single(),
			retrySafe: false,
		}),
		operation({
			name: 'Update',
			value: 'update',
			action: 'Update a loyalty member',
			description: 'Set custom properties and dates (such as a birthday) of a loyalty member',
			method: 'PUT',
			url: '/loyalty/members',
			preSend: [memberPath(), memberUpdateData, siteSlug],
			output: single('loyalty_member'),
		}),
	],
	default: 'get',
};

const fields: INodeProperties[] = [
	{
		displayName: 'Member Email',
		name: 'memberEmail',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'Email of the loyalty member',
		displayOptions: show(ALL_OPERATIONS),
	},
	{
		displayName: 'Action Identifier',
		name: 'actionType',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'newsletter_signup',
		description: 'The identifier of an action configured in the loyalty campaign',
		displayOptions: show(['collectPoints']),
		routing: { send: { type: 'body', property: 'data.type' } },
	},
	{
		displayName: 'Points',
		name: 'points',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { numberPrecision: 0 },
		description: 'Points to add; a negative number removes points. The balance must stay within its range.',
		displayOptions: show(['adjustPoints']),
		routing: { send: { type: 'body', property: 'data.points' } },
	},
	{
		displayName: 'Redemption Option Name or ID',
		name: 'redemptionBatchId',
		type: 'options',
		required: true,
		default: '',
		typeOptions: { loadOptionsMethod: 'getRedemptionBatches', loadOptionsDependsOn: ['memberEmail'] },
		description:
			'What to spend the points on (the member’s redemption options). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: show(['redeemPoints']),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['adjustPoints']),
		options: [
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
				description: 'Why the points were adjusted',
				routing: { send: { type: 'body', property: 'data.description' } },
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['collectPoints', 'redeemPoints']),
		options: [
			{
				displayName: 'Traffic Source',
				name: 'trafficSource',
				type: 'string',
				default: '',
				placeholder: 'in-store',
				routing: { send: { type: 'body', property: 'data.traffic_source' } },
			},
		],
	},
	{
		displayName:
			'Points changes are not retried after a failure (they may already have been applied): check the member before running again.',
		name: 'pointsNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['adjustPoints', 'collectPoints', 'redeemPoints']),
	},
	...memberUpdateProperties,
	...listProperties(show(LIST_OPERATIONS)),
	rawResponseProperty(show(LIST_OPERATIONS)),
];

export const loyaltyMemberResource: TalkableResource = {
	option: { name: 'Loyalty Member', value: 'loyaltyMember' },
	properties: [operations, ...fields],
};
