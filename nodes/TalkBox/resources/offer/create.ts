import { collectionProperty, type ResourceOperation, showFor } from '../../../shared';
import { operation } from '../../lib/operation';
import { buildCreate, MAX_DESCRIPTION } from './body';
import { offerFields } from './fields';

const show = showFor('offer');

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create an offer',
		description: 'Create an offer whose vouchers promotions can carry',
		method: 'POST',
		url: '/offers',
		preSend: [buildCreate],
	}),
	fields: [
		{
			displayName: 'Name',
			name: 'offerName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Buy 1 Get 1 Free',
			description: 'Offer name, shown in the scanning app',
			displayOptions: show(['create']),
		},
		{
			displayName: 'Description',
			name: 'offerDescription',
			type: 'string',
			required: true,
			default: '',
			description: `Shown in the scanning app; at most ${MAX_DESCRIPTION} characters, no line breaks`,
			displayOptions: show(['create']),
		},
		collectionProperty('Additional Fields', 'additionalFields', 'Add Field', show(['create']), offerFields(false)),
	],
};
