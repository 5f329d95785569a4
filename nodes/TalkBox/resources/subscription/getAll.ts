import { collectionProperty, isoDateQuery, listProperties, type ResourceOperation, showFor } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('subscription');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many subscriptions',
		description:
			'Retrieve email and SMS subscription records (subscribed and unsubscribed), optionally created within a time range',
		method: 'GET',
		url: '/subscriptions',
		preSend: [
			isoDateQuery([
				{ parameter: 'subscriptionFilters.createdAfter', key: 'created_after', label: 'Filters → Created After' },
				{ parameter: 'subscriptionFilters.createdBefore', key: 'created_before', label: 'Filters → Created Before' },
			]),
		],
		output: { split: true },
		pagination: { type: 'page', positionParam: 'page', sizeParam: 'per_page', pageSize: 100 },
	}),
	fields: [
		...listProperties(show(['getAll'])),
		collectionProperty('Filters', 'subscriptionFilters', 'Add Filter', show(['getAll']), [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only subscriptions created after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only subscriptions created before this time',
			},
		]),
	],
};
