import type { ResourceOperation } from '../../../shared';
import { listOperation } from './person';

/** Shows Return All, Limit and Return Raw Response, which the list operations share (index.ts). */
export const getRewardsOperation: ResourceOperation = {
	option: listOperation('Get Rewards', 'getRewards', 'Get rewards earned by a person', 'Retrieve the rewards a person earned in the referral program, one item per reward', '/rewards', 'rewards'),
};
