import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { range } from './range';

const show = showFor('survey');

/** Listed in the resource's fields: they come before the Time Range Get Score shows too. */
export const listFields = listProperties(show(['getAll']));

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many survey responses',
		description: 'Retrieve survey responses, optionally within a time range, one item per response',
		method: 'GET',
		url: '/surveys',
		preSend: [range],
		output: { split: true },
	}),
};
