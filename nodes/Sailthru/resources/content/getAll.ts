/** Content → Get Many (GET /content): the most recent items of the Content Library. */
import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { callParameters, wholeNumber } from '../../lib/helpers';
import { operation } from '../../lib/operation';


/** The most items GET /content returns at once (what Return All asks for). */
export const MAX_CONTENT_ITEMS = 20_000;

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many content items',
		description: 'Get the most recent items of the Content Library, one item each',
		method: 'GET',
		url: '/content',
		retrySafe: true,
		preSend: [
			callParameters(function (read) {
				const returnAll = read('returnAll', false) === true;
				const limit = wholeNumber(this, 'Limit', read('limit', 50), 1);
				return { items: returnAll ? MAX_CONTENT_ITEMS : Math.min(limit, MAX_CONTENT_ITEMS) };
			}),
		],
		output: { path: 'content', split: true },
	}),
	fields: [...listProperties(showFor('content')(['getAll']))],
};
