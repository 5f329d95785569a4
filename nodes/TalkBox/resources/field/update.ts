import { idPath, requireValue, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { choicesProperty, fieldOptions } from './choices';
import { asRecords } from './records';

const show = showFor('field');

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update a field',
		description: 'Rename a contact field or replace the options of a choice field',
		method: 'PUT',
		url: '/fields',
		preSend: [
			idPath('/fields/{0}', [{ parameter: 'fieldId', label: 'Field' }]),
			requireValue('fieldName', 'Name'),
			fieldOptions,
		],
		output: { transform: asRecords },
	}),
	fields: [
		{
			displayName: 'Replace Options',
			name: 'replaceOptions',
			type: 'boolean',
			default: false,
			description:
				'Whether to send a new set of options (choice fields only). Existing options missing from the new set are destroyed, and contacts lose them.',
			displayOptions: show(['update']),
		},
		choicesProperty(show(['update'], { replaceOptions: [true] })),
	],
};
