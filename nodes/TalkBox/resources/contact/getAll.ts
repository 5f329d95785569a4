import { collectionProperty, isoDateQuery, type ResourceOperation, showFor } from '../../../shared';
import { operation } from '../../lib/operation';
import { contactOutput } from './fields';

const show = showFor('contact');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many contacts',
		description: 'Retrieve contacts, optionally created or updated within a time range',
		method: 'GET',
		url: '/contact',
		preSend: [
			isoDateQuery([
				{ parameter: 'filters.createdAfter', key: 'created_after', label: 'Filters → Created After' },
				{ parameter: 'filters.createdBefore', key: 'created_before', label: 'Filters → Created Before' },
				{ parameter: 'filters.updatedAfter', key: 'updated_after', label: 'Filters → Updated After' },
				{ parameter: 'filters.updatedBefore', key: 'updated_before', label: 'Filters → Updated Before' },
			]),
		],
		output: { split: true, transform: contactOutput },
		pagination: { type: 'page', positionParam: 'page', sizeParam: 'per_page', pageSize: 100 },
	}),
	fields: [
		collectionProperty('Filters', 'filters', 'Add Filter', show(['getAll']), [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only contacts created after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only contacts created before this time',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only contacts updated after this time',
			},
			{
				displayName: 'Updated Before',
				name: 'updatedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only contacts updated before this time',
			},
		]),
	],
};
