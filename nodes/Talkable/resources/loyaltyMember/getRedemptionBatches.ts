import type { ResourceOperation } from '../../../shared';
import { list } from './member';

/** Shows Return All, Limit and Return Raw Response, which the list operations share (index.ts). */
export const getRedemptionBatchesOperation: ResourceOperation = {
	option: list('Get Redemption Options', 'getRedemptionBatches', 'Get the redemption options of a loyalty member', 'List what the member can spend points on, one item per option', '/redemption_batches', 'redemption_batches'),
};
