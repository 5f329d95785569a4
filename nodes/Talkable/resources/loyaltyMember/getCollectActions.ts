import type { ResourceOperation } from '../../../shared';
import { list } from './member';

/** Shows Return All, Limit and Return Raw Response, which the list operations share (index.ts). */
export const getCollectActionsOperation: ResourceOperation = {
	option: list('Get Collect Actions', 'getCollectActions', 'Get the point-earning actions of a loyalty member', 'List the actions that earned points, one item per action', '/collect_actions', 'actions'),
};
