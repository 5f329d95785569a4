import type { INodeProperties } from 'n8n-workflow';

import { idPath, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { COMMUNICATION_PAGES } from './pages';

const show = showFor('communication');

/** Listed in the resource's fields: it comes before the list fields Get Many shows too. */
export const promotionIdField: INodeProperties = {
	displayName: 'Promotion ID',
	name: 'promotionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 10023789',
	displayOptions: show(['getAllForPromotion']),
};

export const getAllForPromotionOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many for Promotion',
		value: 'getAllForPromotion',
		action: 'Get many communications of a promotion',
		description: 'Get the reports of communications sent from one promotion',
		method: 'GET',
		url: '/promotions',
		preSend: [idPath('/promotions/{0}/communications', [{ parameter: 'promotionId', label: 'Promotion ID' }])],
		output: { split: true },
		pagination: COMMUNICATION_PAGES,
	}),
};
