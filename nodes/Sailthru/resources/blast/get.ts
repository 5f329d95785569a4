/** Blast → Get (GET /blast): one campaign. */
import { operationFactory, type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { sailthru } from '../../profile';
import { blastIdOnly } from './id';

const operation = operationFactory(sailthru);

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
