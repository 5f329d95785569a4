import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionProperty, fail, jsonText, type ResourceOperation, showFor } from '../../../shared';
import { operation } from '../../lib/operation';
import { sectionId } from './path';

const show = showFor('section');

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

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update a section',
		description: 'Change a section’s system name or structure',
		method: 'PUT',
		url: '/sections',
		preSend: [sectionId, buildUpdate],
	}),
	fields: [
		collectionProperty('Update Fields', 'updateFields', 'Add Field', show(['update']), [
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
		]),
	],
};
