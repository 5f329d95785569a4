import { defineResource, listProperties, rawResponseProperty, showFor, type NodeResource } from '../../../shared';
import { getAllOperation } from './getAll';
import { getAllForPromotionOperation, promotionIdField } from './getAllForPromotion';
import { triggerOperation } from './trigger';

const show = showFor('communication');

export const communicationResource: NodeResource = defineResource({
	name: 'Communication',
	value: 'communication',
	operations: [getAllOperation, getAllForPromotionOperation, triggerOperation],
	defaultOperation: getAllOperation,
	fields: [
		promotionIdField,
		...listProperties(show(['getAll', 'getAllForPromotion'])),
		rawResponseProperty(show(['getAll', 'getAllForPromotion'])),
	],
});
