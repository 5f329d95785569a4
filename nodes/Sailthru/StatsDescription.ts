/** Statistics (GET /stats): daily list snapshots, campaign and transactional template counts. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { fail, operationFactory, showFor } from '../shared';
import { callParameters, dateRangeProperties, nameLocator, optional, required, sailthruTime } from './lib/helpers';
import { sailthru } from './profile';

const operation = operationFactory(sailthru);
const show = showFor('stats');

export const statsOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stats'] } },
		options: [
			operation({
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
			operation({
				name: 'Get List Stats',
				value: 'getListStats',
				action: 'Get list stats',
				description: 'A daily snapshot of a primary list (or all of them): counts by engagement, sign-ups, opt-outs',
				method: 'GET',
				url: '/stats',
				retrySafe: true,
				preSend: [
					callParameters(function (read) {
						return { stat: 'list', list: optional(read('statsList', '')), date: optional(read('date', '')) };
					}),
				],
			}),
			operation({
				name: 'Get Send Stats',
				value: 'getSendStats',
				action: 'Get send stats',
				description: 'Counts of one transactional template over a date range',
				method: 'GET',
				url: '/stats',
				retrySafe: true,
				preSend: [
					callParameters(function (read) {
						const start = sailthruTime(this, read('start_date', ''));
						const end = sailthruTime(this, read('end_date', ''));
						if (!start) fail(this, 'Start Date', 'a value is required but this item has none');
						if (!end) fail(this, 'End Date', 'a value is required but this item has none');
						return { stat: 'send', template: required(this, read, 'template', 'Template'), start_date: start, end_date: end };
					}),
				],
			}),
		],
		default: 'getListStats',
	},
];

export const statsFields: INodeProperties[] = [
	{
		displayName: 'List',
		name: 'statsList',
		type: 'string',
		default: '',
		placeholder: 'Newsletter',
		description: 'A primary list; empty means all primary lists together',
		displayOptions: show(['getListStats']),
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'string',
		default: '',
		placeholder: '2025-01-31',
		description: 'The day of the snapshot (empty means today)',
		displayOptions: show(['getListStats']),
	},
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
	nameLocator({
		displayName: 'Blast',
		name: 'blastId',
		description: 'The campaign',
		searchListMethod: 'searchBlasts',
		typedName: 'By ID',
		placeholder: 'e.g. 12345',
		displayOptions: show(['getBlastStats'], { blastScope: ['blast'] }),
	}),
	nameLocator({
		displayName: 'Template',
		name: 'template',
		description: 'The transactional template',
		searchListMethod: 'searchTemplates',
		typedName: 'By Name',
		placeholder: 'e.g. order-shipped',
		displayOptions: show(['getSendStats']),
	}),
	...dateRangeProperties(show(['getSendStats'])),
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
];
