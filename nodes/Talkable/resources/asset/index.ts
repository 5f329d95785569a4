import { defineResource, type NodeResource } from '../../../shared';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { uploadOperation } from './upload';

export const assetResource: NodeResource = defineResource({
	name: 'Asset',
	value: 'asset',
	description: 'Uploaded files',
	operations: [getOperation, getAllOperation, uploadOperation],
	defaultOperation: getAllOperation,
});
