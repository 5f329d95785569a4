/** What the loyalty member operations share: the member's path and the list operations. */
import { idPath } from '../../../shared';
import { many } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

export const memberPath = (suffix = '') =>
	idPath(`/loyalty/members/{0}${suffix}`, [{ parameter: 'memberEmail', label: 'Member Email' }]);

export const LIST_OPERATIONS = ['getAdjustmentActions', 'getCollectActions', 'getRedeemActions', 'getRedemptionBatches'];
export const ALL_OPERATIONS = [...LIST_OPERATIONS, 'adjustPoints', 'collectPoints', 'get', 'redeemPoints', 'update'];

export const list = (name: string, value: string, action: string, description: string, suffix: string, key: string) =>
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
