import type { ResourceOperation } from '../../../shared';
import { list } from './member';

/** Its fields (Return All, Limit, the raw response) are the list operations’ own, in index.ts. */
export const getRedemptionBatchesOperation: ResourceOperation = {
	option: list('Get Redemption Options', 'getRedemptionBatches', 'Get the redemption options of a loyalty member', 'List what the member can spend points on, one item per option', '/redemption_batches', 'redemption_batches'),
};
