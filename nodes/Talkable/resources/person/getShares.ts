import type { ResourceOperation } from '../../../shared';
import { listOperation } from './person';

/** Shows Return All, Limit and Return Raw Response, which the list operations share (index.ts). */
export const getSharesOperation: ResourceOperation = {
	option: listOperation('Get Shares', 'getShares', 'Get shares made by a person', 'Retrieve the shares a person made, one item per share', '/shares_by', 'shares'),
};
