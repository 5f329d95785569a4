import { showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { sectionId } from './path';

const show = showFor('section');

export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a section',
		description: 'Delete a section',
		method: 'DELETE',
		url: '/sections',
		preSend: [sectionId],
	}),
	fields: [
		{
			displayName: 'Deleting a section cannot be undone.',
			name: 'deleteNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['delete']),
		},
	],
};
