import { defineResource, type NodeResource } from '../../../shared';
import { getSessionOperation } from './getSession';

export const editorResource: NodeResource = defineResource({
	name: 'Editor',
	value: 'editor',
	operations: [getSessionOperation],
	defaultOperation: getSessionOperation,
});
