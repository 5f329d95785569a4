/** Blast → Get Many (GET /blast): the campaigns with one status, paged with limit/skip. */
import type { IDataObject } from 'n8n-workflow';

import { collectionProperty, listProperties, type ResourceOperation, showFor } from '../../../shared';
import { callParameters, optional, required, sailthruTime } from '../../lib/helpers';
import { operation } from '../../lib/operation';

const show = showFor('blast');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many blasts',
		description: 'Get the campaigns with one status, one item each',
		method: 'GET',
		url: '/blast',
		retrySafe: true,
		preSend: [
			callParameters(function (read) {
				const filters = (read('filters', {}) as IDataObject) ?? {};
				return {
					status: required(this, read, 'status', 'Status'),
					list: optional(filters.list),
					start_date: sailthruTime(this, filters.start_date),
					end_date: sailthruTime(this, filters.end_date),
				};
			}),
		],
		output: { path: 'blasts', split: true },
		pagination: { type: 'offset', positionParam: 'skip', sizeParam: 'limit', pageSize: 100 },
	}),
	fields: [
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			required: true,
			default: 'sent',
			options: [
				{ name: 'Created (Draft)', value: 'created' },
				{ name: 'Scheduled', value: 'scheduled' },
				{ name: 'Sending', value: 'sending' },
				{ name: 'Sent', value: 'sent' },
			],
			displayOptions: show(['getAll']),
		},
		...listProperties(show(['getAll'])),
		collectionProperty('Filters', 'filters', 'Add Filter', show(['getAll']), [
			{ displayName: 'End Date', name: 'end_date', type: 'string', default: '', placeholder: '2025-01-31 UTC', description: 'Latest schedule date, with its time zone' },
			{ displayName: 'List', name: 'list', type: 'string', default: '', placeholder: 'Newsletter', description: 'Only blasts to this list' },
			{ displayName: 'Start Date', name: 'start_date', type: 'string', default: '', placeholder: '2025-01-01 UTC', description: 'Earliest schedule date, with its time zone' },
		]),
	],
};
