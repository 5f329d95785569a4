import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, integerId, setBodyPath, showFor, text, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { memberPath } from './member';
import { pointsTrailingProperties } from './points';

/** `data.redemption_batch_id`: a whole number (the picker gives one; an expression may give text). */
async function redemptionBatchId(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const value = text(this, 'redemptionBatchId');
	if (value === '') fail(this, 'Redemption Option', 'a value is required but this item has none');
	setBodyPath(options, 'data.redemption_batch_id', integerId(this, 'Redemption Option', value));
	return options;
}

export const redeemPointsOperation: ResourceOperation = {
	option: operation({
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
	fields: [
		{
			displayName: 'Redemption Option Name or ID',
			name: 'redemptionBatchId',
			type: 'options',
			required: true,
			default: '',
			typeOptions: { loadOptionsMethod: 'getRedemptionBatches', loadOptionsDependsOn: ['memberEmail'] },
			description:
				'What to spend the points on (the member’s redemption options). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: showFor('loyaltyMember')(['redeemPoints']),
		},
		// Shown for Adjust Points and Collect Points too: the last of the points operations lists them.
		...pointsTrailingProperties,
	],
};
