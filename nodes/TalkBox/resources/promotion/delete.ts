import { idPath, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('promotion');

export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a promotion',
		description: 'Delete a promotion',
		method: 'DELETE',
		url: '/promotions',
		preSend: [idPath('/promotions/{0}', [{ parameter: 'promotionId', label: 'Promotion ID' }])],
	}),
	fields: [
		{
			displayName: 'Deleting a promotion cannot be undone; scheduled and triggered sends of it stop.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
	],
};
