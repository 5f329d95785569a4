import type { ResourceOperation } from '../../../shared';
import { listOperation } from './person';

/** Shows Return All, Limit and Return Raw Response, which the list operations share (index.ts). */
export const getReferralsAsAdvocateOperation: ResourceOperation = {
	option: listOperation('Get Referrals as Advocate', 'getReferralsAsAdvocate', 'Get referrals made by a person as advocate', 'Retrieve the friends a person referred, one item per referral', '/referrals_as_advocate', 'referrals'),
};
