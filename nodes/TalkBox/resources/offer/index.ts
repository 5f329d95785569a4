import { defineResource, idLocator, showFor, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { updateOperation } from './update';

const show = showFor('offer');

export const offerResource: NodeResource = defineResource({
	// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-get-many -- the resource's name: the rule takes `default: 'getAll'` below for an option value
	name: 'Offer',
	value: 'offer',
	operations: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
	default: 'getAll',
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
