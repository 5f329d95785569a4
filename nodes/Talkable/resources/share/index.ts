import { defineResource, type NodeResource } from '../../../shared';
import { shortUrlCodeProperty } from '../../lib/shortUrlCode';
import { createEmailOperation } from './createEmail';
import { createSocialOperation } from './createSocial';

export const shareResource: NodeResource = defineResource({
	name: 'Share',
	value: 'share',
	description: 'Shares of an advocate offer',
	operations: [createEmailOperation, createSocialOperation],
	defaultOperation: createEmailOperation,
	fields: [shortUrlCodeProperty(['createEmail', 'createSocial'], 'share')],
});
