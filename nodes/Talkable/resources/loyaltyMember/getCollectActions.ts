import type { ResourceOperation } from '../../../shared';
import { list } from './member';

/** Its fields (Return All, Limit, the raw response) are the list operations’ own, in index.ts. */
export const getCollectActionsOperation: ResourceOperation = {
	option: list('Get Collect Actions', 'getCollectActions', 'Get the point-earning actions of a loyalty member', 'List the actions that earned points, one item per action', '/collect_actions', 'actions'),
};
