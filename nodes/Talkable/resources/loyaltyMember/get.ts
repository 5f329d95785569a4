import type { ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { memberPath } from './member';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a loyalty member',
		description: 'Retrieve a loyalty member and their points balance',
		method: 'GET',
		url: '/loyalty/members',
		preSend: [memberPath(), siteSlug],
		output: single('loyalty_member'),
	}),
};
