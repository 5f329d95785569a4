import { collectionProperty, listProperties, rawResponseProperty, type ResourceOperation, showFor } from '../../../shared';
import { many } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

const show = showFor('asset');

export const getAllOperation: ResourceOperation = {
	option: operation({
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many assets',
		description: 'List the uploaded files, newest first, one item per asset',
		method: 'GET',
		url: '/assets',
		preSend: [siteSlug],
		output: many('assets'),
		pagination: { type: 'page', positionParam: 'page', sizeParam: 'per_page', pageSize: 100, firstPage: 1 },
	}),
	fields: [
		collectionProperty('Filters', 'filters', 'Add Filter', show(['getAll']), [
			{
				displayName: 'Content Type',
				name: 'contentType',
				type: 'string',
				default: '',
				placeholder: 'image',
				description: 'A content type or its prefix, e.g. image or image/png',
				routing: { send: { type: 'query', property: 'content_type' } },
			},
		]),
		...listProperties(show(['getAll'])),
		rawResponseProperty(show(['getAll'])),
	],
};
