/** Stat → Get List Stats (GET /stats, stat=list): a daily snapshot of a primary list, or of all. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, optional } from '../../lib/helpers';
import { operation } from '../../lib/operation';

const show = showFor('stats');

export const getListStatsOperation: ResourceOperation = {
	option: operation({
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
	fields: [
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
	],
};
