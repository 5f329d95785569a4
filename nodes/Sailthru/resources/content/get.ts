/** Content → Get (GET /content): one item of the Content Library, by URL or SKU. */
import { type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { identity } from './identity';
import { operation } from '../../lib/operation';


export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a content item',
		description: 'Get one item of the Content Library by URL or SKU',
		method: 'GET',
		url: '/content',
		retrySafe: true,
		preSend: [callParameters(identity)],
	}),
};
