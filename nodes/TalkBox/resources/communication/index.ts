import { defineResource, listProperties, rawResponseProperty, showFor, type NodeResource } from '../../../shared';
import { getAllOperation } from './getAll';
import { getAllForPromotionOperation, promotionIdField } from './getAllForPromotion';
import { triggerOperation } from './trigger';

const show = showFor('communication');

export const communicationResource: NodeResource = defineResource({
	// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-get-many -- the resource's name: the rule takes `default: 'getAll'` below for an option value
	name: 'Communication',
	value: 'communication',
	operations: [getAllOperation, getAllForPromotionOperation, triggerOperation],
	default: 'getAll',
	fields: [
		promotionIdField,
		...listProperties(show(['getAll', 'getAllForPromotion'])),
		rawResponseProperty(show(['getAll', 'getAllForPromotion'])),
	],
});
