import type { ResourceOperation } from '../../../shared';
import { listOperation } from './person';

/** Its fields (Return All, Limit, the raw response) are the list operations’ own, in index.ts. */
export const getRewardsOperation: ResourceOperation = {
	option: listOperation('Get Rewards', 'getRewards', 'Get rewards earned by a person', 'Retrieve the rewards a person earned in the referral program, one item per reward', '/rewards', 'rewards'),
};
