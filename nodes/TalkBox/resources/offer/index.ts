import { defineResource, idLocator, showFor, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { updateOperation } from './update';

const show = showFor('offer');

export const offerResource: NodeResource = defineResource({
	name: 'Offer',
	value: 'offer',
	operations: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
	defaultOperation: getAllOperation,
	fields: [
		idLocator({
			displayName: 'Offer',
			name: 'offerId',
			description: 'The offer to get, change or delete',
			searchListMethod: 'searchOffers',
			displayOptions: show(['get', 'update', 'delete']),
		}),
	],
});
