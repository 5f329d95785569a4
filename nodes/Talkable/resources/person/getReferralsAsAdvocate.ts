import type { ResourceOperation } from '../../../shared';
import { listOperation } from './person';

/** Its fields (Return All, Limit, the raw response) are the list operations’ own, in index.ts. */
export const getReferralsAsAdvocateOperation: ResourceOperation = {
	option: listOperation('Get Referrals as Advocate', 'getReferralsAsAdvocate', 'Get referrals made by a person as advocate', 'Retrieve the friends a person referred, one item per referral', '/referrals_as_advocate', 'referrals'),
};
