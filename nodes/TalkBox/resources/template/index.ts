import { defineResource, idLocator, showFor, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { updateNotice, updateOperation } from './update';

const show = showFor('template');

export const templateResource: NodeResource = defineResource({
	name: 'Template',
	value: 'template',
	operations: [createOperation, deleteOperation, getOperation, getAllOperation, updateOperation],
	defaultOperation: getAllOperation,
	fields: [
		idLocator({
			displayName: 'Template',
			name: 'templateId',
			description: 'The template to get, change or delete',
			searchListMethod: 'searchTemplates',
			displayOptions: show(['get', 'update', 'delete']),
		}),
		updateNotice,
		{
			displayName: 'Name',
			name: 'templateName',
			type: 'string',
			required: true,
			default: '',
			description: 'Name shown in the template picker',
			displayOptions: show(['create', 'update']),
		},
		{
			displayName: 'Structure (JSON)',
			name: 'structure',
			type: 'json',
			required: true,
			default: '',
			description: 'The template’s JSON structure, as made by the TalkBox editor (sent as a JSON string)',
			displayOptions: show(['create', 'update']),
		},
		{
			displayName: 'Enabled',
			name: 'enabled',
			type: 'boolean',
			default: true,
			description: 'Whether the template is shown in the template picker',
			displayOptions: show(['create', 'update']),
		},
	],
});
