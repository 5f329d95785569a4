import type { ResourceOperation } from '../../../shared';
import { listOperation } from './person';

/** Shows Return All, Limit and Return Raw Response, which the list operations share (index.ts). */
export const getReferralsAsFriendOperation: ResourceOperation = {
	option: listOperation('Get Referrals as Friend', 'getReferralsAsFriend', 'Get referrals of a person as friend', 'Retrieve the advocates who referred a person, one item per referral', '/referrals_as_friend', 'referrals'),
};
