import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, idLocator, idPath, jsonText, listProperties, showFor, text } from '../shared';
import { operation } from './operation';
import type { TalkBoxResource } from './types';

const show = showFor('section');

const sectionId = idPath('/sections/{0}', [{ parameter: 'sectionId', label: 'Section' }]);

/** Create: `{system_name, structure}`, both required. */
async function buildCreate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const systemName = text(this, 'systemName');
	if (!systemName) fail(this, 'System Name', 'a value is required but this item has none');
	options.body = { system_name: systemName, structure: jsonText(this, this.getNodeParameter('structure', ''), 'Structure') };
	return options;
}

/** Update: only the fields set; at least one. */
async function buildUpdate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.systemName !== undefined) {
		const systemName = String(fields.systemName).trim();
		if (!systemName) fail(this, 'System Name', 'must not be empty');
		body.system_name = systemName;
	}
	if (fields.structure !== undefined) body.structure = jsonText(this, fields.structure, 'Structure');
	if (Object.keys(body).length === 0) fail(this, 'Update Fields', 'add at least one field to change');
	options.body = body;
	return options;
}

export const sectionResource: TalkBoxResource = {
	option: { name: 'Section', value: 'section' },
	properties: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['section'] } },
			options: [
				operation({
					name: 'Create',
					value: 'create',
					action: 'Create a section',
					description: 'Create a reusable email section',
					method: 'POST',
					url: '/sections',
					preSend: [buildCreate],
				}),
				operation({
					name: 'Delete',
					value: 'delete',
					action: 'Delete a section',
					description: 'Delete a section',
					method: 'DELETE',
					url: '/sections',
					preSend: [sectionId],
				}),
				operation({
					name: 'Get',
					value: 'get',
					action: 'Get a section',
					description: 'Get a section with its structure',
					method: 'GET',
					url: '/sections',
					preSend: [sectionId],
				}),
				operation({
					name: 'Get Many',
					value: 'getAll',
					action: 'Get many sections',
					description: 'Get the account’s sections',
					method: 'GET',
					url: '/sections',
					output: { split: true },
				}),
				operation({
					name: 'Update',
					value: 'update',
					action: 'Update a section',
					description: 'Change a section’s system name or structure',
					method: 'PUT',
					url: '/sections',
					preSend: [sectionId, buildUpdate],
				}),
			],
			default: 'getAll',
		},
		idLocator({
			displayName: 'Section',
			name: 'sectionId',
			description: 'The section to get, change or delete',
			searchListMethod: 'searchSections',
			displayOptions: show(['get', 'update', 'delete']),
		}),
		{
			displayName: 'Deleting a section cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
		{
			displayName: 'System Name',
			name: 'systemName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. promo_header',
			description: 'Name of the section',
			displayOptions: show(['create']),
		},
		{
			displayName: 'Structure (JSON)',
			name: 'structure',
			type: 'json',
			required: true,
			default: '',
			description: 'The section’s JSON structure, as made by the TalkBox editor',
			displayOptions: show(['create']),
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(['update']),
			options: [
				{
					displayName: 'Structure (JSON)',
					name: 'structure',
					type: 'json',
					default: '',
					description: 'The section’s JSON structure, as made by the TalkBox editor',
				},
				{
					displayName: 'System Name',
					name: 'systemName',
					type: 'string',
					default: '',
				},
			],
		},
		...listProperties(show(['getAll'])),
	],
};
