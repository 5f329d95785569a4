/** Blast → Get (GET /blast): one campaign. */
import { type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { blastIdOnly } from './id';
import { operation } from '../../lib/operation';


export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a blast',
		description: 'Get a campaign',
		method: 'GET',
		url: '/blast',
		retrySafe: true,
		preSend: [callParameters(blastIdOnly)],
	}),
};
