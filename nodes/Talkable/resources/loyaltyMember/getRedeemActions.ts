import type { ResourceOperation } from '../../../shared';
import { list } from './member';

/** Shows Return All, Limit and Return Raw Response, which the list operations share (index.ts). */
export const getRedeemActionsOperation: ResourceOperation = {
	option: list('Get Redeem Actions', 'getRedeemActions', 'Get the redemptions of a loyalty member', 'List the redemptions (points spent for coupons), one item per action', '/redeem_actions', 'actions'),
};
