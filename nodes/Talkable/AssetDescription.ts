import type { INodeProperties } from 'n8n-workflow';

import { idLocator, idPath, listProperties, rawResponseProperty, showFor } from '../shared';
import { many, operation, single, type TalkableResource } from './common';
import { binaryFileBody } from './multipart';
import { siteSlug, siteSlugInQuery } from './siteSlug';

const show = showFor('asset');

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['asset'] } },
		options: [
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get an asset',
				description: 'Retrieve an uploaded file (image, video…) by ID',
				method: 'GET',
				url: '/assets',
				preSend: [idPath('/assets/{0}', [{ parameter: 'assetId', label: 'Asset', numeric: true }]), siteSlug],
				output: single('asset'),
			}),
			operation({
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
			operation({
				name: 'Upload',
				value: 'upload',
				action: 'Upload an asset',
				description: 'Upload a file from a binary field; the file name becomes the asset name',
				method: 'POST',
				url: '/assets',
				preSend: [binaryFileBody, siteSlugInQuery],
				output: single('asset'),
				// A repeat is refused recognisably (422 "File name has already been taken").
				retrySafe: true,
			}),
		],
		default: 'getAll',
	},
	idLocator({
		displayName: 'Asset',
		name: 'assetId',
		description: 'The asset to retrieve',
		searchListMethod: 'searchAssets',
		displayOptions: show(['get']),
		placeholder: 'e.g. 42',
	}),
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to be uploaded',
		displayOptions: show(['upload']),
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		placeholder: 'banner.png',
		description:
			'Name of the asset (default: the binary’s file name). Talkable refuses a name that is already taken.',
		displayOptions: show(['upload']),
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(['getAll']),
		options: [
			{
				displayName: 'Content Type',
				name: 'contentType',
				type: 'string',
				default: '',
				placeholder: 'image',
				description: 'A content type or its prefix, e.g. image or image/png',
				routing: { send: { type: 'query', property: 'content_type' } },
			},
		],
	},
	...listProperties(show(['getAll'])),
	rawResponseProperty(show(['getAll'])),
];

export const assetResource: TalkableResource = {
	option: { name: 'Asset', value: 'asset', description: 'Uploaded files' },
	properties,
};
