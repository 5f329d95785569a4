import type { ResourceOperation } from '../../../shared';
import { list } from './member';

/** Its fields (Return All, Limit, the raw response) are the list operations’ own, in index.ts. */
export const getAdjustmentActionsOperation: ResourceOperation = {
	option: list('Get Adjustment Actions', 'getAdjustmentActions', 'Get the manual point adjustments of a loyalty member', 'List the manual point adjustments, one item per action', '/manual_adjustment_actions', 'actions'),
};
