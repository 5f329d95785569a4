/** Stat → Get Blast Stats (GET /stats, stat=blast): counts of one campaign, or of all in a date range. */
import type { IDataObject } from 'n8n-workflow';

import { fail, showFor, type ResourceOperation } from '../../../shared';
import { callParameters, dateRangeProperties, optional, required, sailthruTime } from '../../lib/helpers';
import { operation } from '../../lib/operation';
import { blastLocator } from '../blast/locator';

const show = showFor('stats');

export const getBlastStatsOperation: ResourceOperation = {
	option: operation({
		name: 'Get Blast Stats',
		value: 'getBlastStats',
		action: 'Get blast stats',
		description: 'Delivery, open, click and revenue counts of one campaign, or of all in a date range',
		method: 'GET',
		url: '/stats',
		retrySafe: true,
		preSend: [
			callParameters(function (read) {
				const filters = (read('blastFilters', {}) as IDataObject) ?? {};
				if (read('blastScope', 'blast') === 'blast') {
					const id = required(this, read, 'blastId', 'Blast');
					return { stat: 'blast', blast_id: /^\d+$/.test(id) ? Number(id) : id, list: optional(filters.list) };
				}
				const start = sailthruTime(this, read('start_date', ''));
				const end = sailthruTime(this, read('end_date', ''));
				if (!start) fail(this, 'Start Date', 'a value is required but this item has none');
				if (!end) fail(this, 'End Date', 'a value is required but this item has none');
				return { stat: 'blast', start_date: start, end_date: end, list: optional(filters.list) };
			}),
		],
	}),
	fields: [
		{
			displayName: 'Scope',
			name: 'blastScope',
			type: 'options',
			default: 'blast',
			options: [
				{ name: 'One Blast', value: 'blast' },
				{ name: 'All Blasts in a Date Range', value: 'range' },
			],
			displayOptions: show(['getBlastStats']),
		},
		blastLocator(show(['getBlastStats'], { blastScope: ['blast'] })),
		...dateRangeProperties(show(['getBlastStats'], { blastScope: ['range'] })),
		{
			displayName: 'Filters',
			name: 'blastFilters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: show(['getBlastStats']),
			options: [{ displayName: 'List', name: 'list', type: 'string', default: '', description: 'Only sends to this list' }],
		},
	],
};
