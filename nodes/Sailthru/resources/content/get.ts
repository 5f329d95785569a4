/** Content → Get (GET /content): one item of the Content Library, by URL or SKU. */
import { operationFactory, type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { sailthru } from '../../profile';
import { identity } from './identity';

const operation = operationFactory(sailthru);

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
