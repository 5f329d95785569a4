import type { ResourceOperation } from '../../../shared';
import { listOperation } from './person';

/** Its fields (Return All, Limit, the raw response) are the list operations’ own, in index.ts. */
export const getSharesOperation: ResourceOperation = {
	option: listOperation('Get Shares', 'getShares', 'Get shares made by a person', 'Retrieve the shares a person made, one item per share', '/shares_by', 'shares'),
};
