import { listProperties, rawResponseProperty, showFor, type ResourceOperation } from '../../../shared';
import { many } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

const show = showFor('trafficSource');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many traffic sources',
		description: 'List the traffic source identifiers of the site, one item per source',
		method: 'GET',
		url: '/traffic_sources',
		preSend: [siteSlug],
		// `result` is the array itself.
		output: many(),
	}),
	fields: [...listProperties(show(['getAll'])), rawResponseProperty(show(['getAll']))],
};
