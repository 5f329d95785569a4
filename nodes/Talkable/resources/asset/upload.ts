import { showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { binaryFileBody } from '../../lib/multipart';
import { siteSlugInQuery } from '../../lib/siteSlug';

const show = showFor('asset');

export const uploadOperation: ResourceOperation = {
	option: operation({
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
	fields: [
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
	],
};
