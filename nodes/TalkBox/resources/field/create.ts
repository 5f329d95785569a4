import { requireValue, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { CHOICE_TYPES, choicesProperty, fieldOptions } from './choices';
import { asRecords } from './records';

const show = showFor('field');

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a field',
		description: 'Create a contact field',
		method: 'POST',
		url: '/fields',
		preSend: [requireValue('fieldName', 'Name'), fieldOptions],
		output: { transform: asRecords },
	}),
	fields: [
		{
			displayName: 'Field Type',
			name: 'fieldType',
			type: 'options',
			required: true,
			default: 'Text',
			description: 'The kind of value contacts hold in this field',
			displayOptions: show(['create']),
			options: [
				{ name: 'Boolean', value: 'Boolean', description: 'True or false' },
				{ name: 'Currency', value: 'Currency', description: 'An amount of the form 123.45' },
				{ name: 'Date', value: 'Date', description: 'A date (dd/mm/yyyy)' },
				{ name: 'Float', value: 'Float', description: 'A decimal number of the form 123.456' },
				{ name: 'Multiple Choice', value: 'MultipleChoice', description: 'Any number of options from a list' },
				{ name: 'Number', value: 'Number', description: 'A whole number' },
				{ name: 'Single Choice', value: 'SingleChoice', description: 'One option from a list' },
				{ name: 'Text', value: 'Text', description: 'Any text' },
			],
			routing: { send: { type: 'body', property: 'field_type' } },
		},
		choicesProperty(show(['create'], { fieldType: CHOICE_TYPES })),
	],
};
