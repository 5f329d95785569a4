import { collectionProperty, type ResourceOperation, showFor } from '../../../shared';
import { operation } from '../../lib/operation';
import { buildUpdate } from './body';
import { offerFields } from './fields';
import { offerId } from './path';

const show = showFor('offer');

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update an offer',
		description: 'Change an offer; fields left out are not changed',
		method: 'PUT',
		url: '/offers',
		preSend: [offerId, buildUpdate],
	}),
	fields: [
		collectionProperty('Update Fields', 'updateFields', 'Add Field', show(['update']), offerFields(true)),
	],
};
