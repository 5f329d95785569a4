import { listProperties, rawResponseProperty, showFor, type ResourceOperation } from '../../../shared';
import { many } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

const show = showFor('campaign');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many campaigns',
		description: 'List the campaigns of the site, one item per campaign',
		method: 'GET',
		url: '/campaigns',
		preSend: [siteSlug],
		output: many('campaigns'),
	}),
	fields: [...listProperties(show(['getAll'])), rawResponseProperty(show(['getAll']))],
};
