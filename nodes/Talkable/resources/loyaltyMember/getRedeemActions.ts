import type { ResourceOperation } from '../../../shared';
import { list } from './member';

/** Its fields (Return All, Limit, the raw response) are the list operations’ own, in index.ts. */
export const getRedeemActionsOperation: ResourceOperation = {
	option: list('Get Redeem Actions', 'getRedeemActions', 'Get the redemptions of a loyalty member', 'List the redemptions (points spent for coupons), one item per action', '/redeem_actions', 'actions'),
};
