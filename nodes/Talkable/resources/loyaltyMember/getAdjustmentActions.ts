import type { ResourceOperation } from '../../../shared';
import { list } from './member';

/** Shows Return All, Limit and Return Raw Response, which the list operations share (index.ts). */
export const getAdjustmentActionsOperation: ResourceOperation = {
	option: list('Get Adjustment Actions', 'getAdjustmentActions', 'Get the manual point adjustments of a loyalty member', 'List the manual point adjustments, one item per action', '/manual_adjustment_actions', 'actions'),
};
