/** Stat → Get Send Stats (GET /stats, stat=send): counts of one transactional template over a date range. */
import { fail, showFor, type ResourceOperation } from '../../../shared';
import { callParameters, dateRangeProperties, nameLocator, required, sailthruTime } from '../../lib/helpers';
import { operation } from '../../lib/operation';

const show = showFor('stats');

export const getSendStatsOperation: ResourceOperation = {
	option: operation({
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
	fields: [
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
	],
};
