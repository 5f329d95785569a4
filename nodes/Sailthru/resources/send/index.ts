/**
 * Transactional sends: POST /send to one address or to many (comma-joined, with per-recipient
 * vars), GET /send for a send's status, DELETE /send to cancel a scheduled one.
 */
import { defineResource, showFor, type NodeResource } from '../../../shared';
import { nameLocator } from '../../lib/helpers';
import { cancelOperation } from './cancel';
import { getOperation } from './get';
import { sendMultiOperation } from './sendMulti';
import { sendOperation } from './send';

const show = showFor('send');

export const sendResource: NodeResource = defineResource({
	name: 'Send',
	value: 'send',
	operations: [cancelOperation, getOperation, sendOperation, sendMultiOperation],
	defaultOperation: sendOperation,
	fields: [
		{
			displayName: 'Send ID',
			name: 'sendId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'TE8EZ3-LmosnAgAA',
			description: 'The send_id that Send returned',
			displayOptions: show(['get', 'cancel']),
		},
		nameLocator({
			displayName: 'Template',
			name: 'template',
			description: 'The template to send',
			searchListMethod: 'searchTemplates',
			typedName: 'By Name',
			placeholder: 'e.g. order-shipped',
			displayOptions: show(['send', 'sendMulti']),
		}),
	],
});
