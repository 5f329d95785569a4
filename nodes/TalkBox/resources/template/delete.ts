import { showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { templateId } from './body';

const show = showFor('template');

export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a template',
		description: 'Delete an account-specific template',
		method: 'DELETE',
		url: '/templates',
		preSend: [templateId],
	}),
	fields: [
		{
			displayName: 'Deleting a template cannot be undone; it disappears from the editor’s template picker.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
	],
};
