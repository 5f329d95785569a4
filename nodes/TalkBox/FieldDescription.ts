import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, idLocator, idPath, list, listProperties, requireValue, showFor } from '../shared';
import { operation } from './operation';
import { fieldRecords } from './audience/fields';
import type { TalkBoxResource } from './types';

const show = showFor('field');

const CHOICE_TYPES = ['SingleChoice', 'MultipleChoice'];

/** Every answer is `{ system_name: { name, field_type, options } }`: one item per field instead. */
const asRecords = (records: IDataObject[]) => records.flatMap((record) => fieldRecords(record));

/** The Options list of a choice field, sent as a JSON array of option names. */
async function fieldOptions(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const operationName = this.getNodeParameter('operation') as string;
	if (operationName === 'create') {
		const fieldType = this.getNodeParameter('fieldType', '') as string;
		if (!CHOICE_TYPES.includes(fieldType)) return options;
	} else if (!(this.getNodeParameter('replaceOptions', false) as boolean)) {
		return options;
	}
	const entries = (this.getNodeParameter('choices.choice', []) as IDataObject[]) ?? [];
	const names = entries.flatMap((entry) => list(entry.name));
	if (names.length === 0) fail(this, 'Options', 'add at least one option for a choice field');
	const duplicate = names.find((name, index) => names.indexOf(name) !== index);
	if (duplicate !== undefined) fail(this, 'Options', `"${duplicate}" is listed twice`);
	options.body = { ...((options.body as IDataObject | undefined) ?? {}), options: names };
	return options;
}

const fieldLocator = (operations: string[]): INodeProperties => {
	const locator = idLocator({
		displayName: 'Field',
		name: 'fieldId',
		description: 'The contact field, by its system name (e.g. favourite_marx_bro)',
		searchListMethod: 'searchFields',
		displayOptions: show(operations),
	});
	return {
		...locator,
		modes: [
			locator.modes![0],
			{ displayName: 'By System Name', name: 'id', type: 'string', placeholder: 'e.g. favourite_marx_bro' },
		],
	};
};

const choicesProperty = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
	displayName: 'Options',
	name: 'choices',
	type: 'fixedCollection',
	placeholder: 'Add Option',
	default: {},
	typeOptions: { multipleValues: true, sortable: true },
	description: 'The options a contact can choose from',
	displayOptions,
	options: [
		{
			displayName: 'Option',
			name: 'choice',
			values: [
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. Groucho',
					description: 'The option as shown to users',
				},
			],
		},
	],
});

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['field'] } },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a field',
				description: 'Create a contact field',
				method: 'POST',
				url: '/fields',
				preSend: [requireValue('fieldName', 'Name'), fieldOptions],
				output: { transform: asRecords },
			}),
			operation({
				name: 'Delete',
				value: 'delete',
				action: 'Delete a field',
				description: 'Delete a contact field (system fields cannot be deleted)',
				method: 'DELETE',
				url: '/fields',
				preSend: [idPath('/fields/{0}', [{ parameter: 'fieldId', label: 'Field' }])],
				output: { transform: asRecords },
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many fields',
				description: 'Retrieve the contact fields of the account, one item per field',
				method: 'GET',
				url: '/fields',
				output: { split: true, transform: asRecords },
			}),
			operation({
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
		],
		default: 'getAll',
	},
	fieldLocator(['update', 'delete']),
	{
		displayName: 'Name',
		name: 'fieldName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Favourite Marx Brother',
		description: 'The field name shown in TalkBox (the system name is derived from it on create)',
		displayOptions: show(['create', 'update']),
		routing: { send: { type: 'body', property: 'name' } },
	},
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
	...listProperties(show(['getAll'])),
];

export const fieldResource: TalkBoxResource = {
	option: { name: 'Field', value: 'field' },
	properties,
};
