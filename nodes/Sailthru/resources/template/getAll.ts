/** Template → Get Many (GET /template): every template of the account, one item each. */
import { listProperties, rawResponseProperty, showFor, type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { operation } from '../../lib/operation';

const shown = showFor('template')(['getAll']);

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many templates',
		description: 'Get all templates of the account, one item each',
		method: 'GET',
		url: '/template',
		retrySafe: true,
		preSend: [callParameters(() => ({}))],
		output: { path: 'templates', split: true },
	}),
	fields: [...listProperties(shown), rawResponseProperty(shown)],
};
