/** The options of a choice field (Create and Update): the Options list and the body it sends. */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, list } from '../../../shared';

export const CHOICE_TYPES = ['SingleChoice', 'MultipleChoice'];

/** The Options list of a choice field, sent as a JSON array of option names. */
export async function fieldOptions(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
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

export const choicesProperty = (displayOptions: INodeProperties['displayOptions']): INodeProperties => ({
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
