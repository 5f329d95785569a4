import type { INodeProperties } from 'n8n-workflow';

import { showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { buildTemplate, templateId } from './body';

const show = showFor('template');

/** Listed in the resource's fields: it comes before Name, Structure and Enabled, which Create shows too. */
export const updateNotice: INodeProperties = {
	displayName: 'TalkBox replaces all three fields on update: give the name, structure and enabled state the template should have.',
	name: 'updateNotice',
	type: 'notice',
	default: '',
	displayOptions: show(['update']),
};

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update a template',
		description: 'Replace a template’s name, structure and enabled state',
		method: 'PUT',
		url: '/templates',
		preSend: [templateId, buildTemplate],
	}),
};
