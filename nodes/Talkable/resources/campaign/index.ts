import { defineResource, type NodeResource } from '../../../shared';
import { getAllOperation } from './getAll';

export const campaignResource: NodeResource = defineResource({
	name: 'Campaign',
	value: 'campaign',
	operations: [getAllOperation],
	defaultOperation: getAllOperation,
});
