import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, idPath, jsonText, text } from '../../../shared';

export const templateId = idPath('/templates/{0}', [{ parameter: 'templateId', label: 'Template' }]);

/** `{template: {name, structure, enabled}}`: TalkBox requires all three on create and update. */
export async function buildTemplate(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const name = text(this, 'templateName');
	if (!name) fail(this, 'Name', 'a value is required but this item has none');
	const structure = jsonText(this, this.getNodeParameter('structure', ''), 'Structure');
	const enabled = this.getNodeParameter('enabled', true) as boolean;
	options.body = { template: { name, structure, enabled } };
	return options;
}
