import { idLocator, idPath, showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get an asset',
		description: 'Retrieve an uploaded file (image, video…) by ID',
		method: 'GET',
		url: '/assets',
		preSend: [idPath('/assets/{0}', [{ parameter: 'assetId', label: 'Asset', numeric: true }]), siteSlug],
		output: single('asset'),
	}),
	fields: [
		idLocator({
			displayName: 'Asset',
			name: 'assetId',
			description: 'The asset to retrieve',
			searchListMethod: 'searchAssets',
			displayOptions: showFor('asset')(['get']),
			placeholder: 'e.g. 42',
		}),
	],
};
