import { defineResource, type NodeResource } from '../../../shared';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { uploadOperation } from './upload';

export const assetResource: NodeResource = defineResource({
	// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-get-many -- the resource's name: the rule takes `default: 'getAll'` below for an option value
	name: 'Asset',
	value: 'asset',
	description: 'Uploaded files',
	operations: [getOperation, getAllOperation, uploadOperation],
	default: 'getAll',
});
