import type { ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { metricPath, metricQuery } from './query';

/** Get shows the metric, its date range and the filters (all listed in fields.ts). */
export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a metric',
		description: 'Calculate one metric over a date range (plain and formatted value)',
		method: 'GET',
		url: '/metrics',
		preSend: [metricPath(), metricQuery, siteSlug],
		output: single(),
	}),
};
