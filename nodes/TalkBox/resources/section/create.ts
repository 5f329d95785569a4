import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, jsonText, showFor, text, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('section');

/** Create: `{system_name, structure}`, both required. */
async function buildCreate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const systemName = text(this, 'systemName');
	if (!systemName) fail(this, 'System Name', 'a value is required but this item has none');
	options.body = { system_name: systemName, structure: jsonText(this, this.getNodeParameter('structure', ''), 'Structure') };
	return options;
}

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a section',
		description: 'Create a reusable email section',
		method: 'POST',
		url: '/sections',
		preSend: [buildCreate],
	}),
	fields: [
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
	],
};
