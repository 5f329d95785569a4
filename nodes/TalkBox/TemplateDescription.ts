import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, idLocator, idPath, jsonText, listProperties, showFor, text } from '../shared';
import { operation } from './operation';
import type { TalkBoxResource } from './types';

const show = showFor('template');

const templateId = idPath('/templates/{0}', [{ parameter: 'templateId', label: 'Template' }]);

/** `{template: {name, structure, enabled}}`: TalkBox requires all three on create and update. */
async function buildTemplate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const name = text(this, 'templateName');
	if (!name) fail(this, 'Name', 'a value is required but this item has none');
	const structure = jsonText(this, this.getNodeParameter('structure', ''), 'Structure');
	const enabled = this.getNodeParameter('enabled', true) as boolean;
	options.body = { template: { name, structure, enabled } };
	return options;
}

export const templateResource: TalkBoxResource = {
	option: { name: 'Template', value: 'template' },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['template'] } },
			options: [
				operation({
					name: 'Create',
					value: 'create',
					action: 'Create a template',
					description: 'Create an account-specific template for the editor’s template picker',
					method: 'POST',
					url: '/templates',
					preSend: [buildTemplate],
				}),
				operation({
					name: 'Delete',
					value: 'delete',
					action: 'Delete a template',
					description: 'Delete an account-specific template',
					method: 'DELETE',
					url: '/templates',
					preSend: [templateId],
				}),
				operation({
					name: 'Get',
					value: 'get',
					action: 'Get a template',
					description: 'Get an account-specific template',
					method: 'GET',
					url: '/templates',
					preSend: [templateId],
				}),
				operation({
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many templates',
					description: 'Get the account-specific templates',
					method: 'GET',
					url: '/templates',
					output: { split: true },
				}),
				operation({
					name: 'Update',
					value: 'update',
					action: 'Update a template',
					description: 'Replace a template’s name, structure and enabled state',
					method: 'PUT',
					url: '/templates',
					preSend: [templateId, buildTemplate],
				}),
			],
			default: 'getAll',
		},
		idLocator({
			displayName: 'Template',
			name: 'templateId',
			description: 'The template to get, change or delete',
			searchListMethod: 'searchTemplates',
			displayOptions: show(['get', 'update', 'delete']),
		}),
		{
			displayName: 'Deleting a template cannot be undone; it disappears from the editor’s template picker.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
		{
			displayName: 'TalkBox replaces all three fields on update: give the name, structure and enabled state the template should have.',
			name: 'updateNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['update']),
		},
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
		...listProperties(show(['getAll'])),
	],
};
