import { defineResource, type NodeResource } from '../../../shared';
import { createOperation } from './create';

export const unsubscriptionResource: NodeResource = defineResource({
	name: 'Unsubscription',
	value: 'unsubscription',
	operations: [createOperation],
	defaultOperation: createOperation,
});
