import type { INodeProperties } from 'n8n-workflow';

import { defineResource, showFor, type NodeResource } from '../../../shared';
import { createOperation, createRecipients, createSchedule, sendNotice } from './create';
import { deleteOperation } from './delete';
import { messageFields, promotionOptions, recipientFields, scheduleFields } from './fields';
import { updateOperation, updateRecipients, updateSchedule } from './update';

const show = showFor('promotion');

const promotionId = (operations: string[]): INodeProperties => ({
	displayName: 'Promotion ID',
	name: 'promotionId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 123',
	description: 'ID of the promotion',
	displayOptions: show(operations),
});

export const promotionResource: NodeResource = defineResource({
	name: 'Promotion',
	value: 'promotion',
	operations: [createOperation, deleteOperation, updateOperation],
	defaultOperation: createOperation,
	fields: [
		promotionId(['update', 'delete']),
		sendNotice,
		...messageFields,
		createRecipients,
		updateRecipients,
		...recipientFields,
		createSchedule,
		updateSchedule,
		...scheduleFields,
		promotionOptions,
	],
});
