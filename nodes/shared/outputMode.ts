import type { IDataObject, IDisplayOptions, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { list } from './params';
import { hasOwn, setOwn } from './record';

/**
 * "Output": what a record-returning operation outputs. Large records flood an AI agent (and a
 * person reading the output), so operations that return people, contacts or profiles offer a
 * simplified form, the raw record, or the fields the user names.
 */
export function outputModeProperties(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Output',
			name: 'outputMode',
			type: 'options',
			default: 'raw',
			description: 'How much of each record to output',
			options: [
				{
					name: 'Raw',
					value: 'raw',
					description: 'Every field the vendor returns',
				},
				{
					name: 'Selected Fields',
					value: 'selected',
					description: 'Only the fields you name',
				},
				{
					name: 'Simplified',
					value: 'simplified',
					description: 'The most useful fields only (best when an AI agent uses this node as a tool)',
				},
			],
			displayOptions,
		},
		{
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			default: '',
			placeholder: 'e.g. email, first_name',
			description: 'Comma-separated names of the fields to output (top-level keys of each record)',
			displayOptions: {
				...displayOptions,
				show: { ...(displayOptions.show ?? {}), outputMode: ['selected'] },
			},
		},
	];
}

const pick = (record: IDataObject, keys: readonly string[]): IDataObject => {
	const result: IDataObject = {};
	// Own fields only: a Selected Fields entry such as `constructor` must not pick up what a
	// record inherits.
	for (const key of keys) {
		if (hasOwn(record, key)) setOwn(result, key, record[key]);
	}
	return result;
};

/**
 * An `output.transform` that applies the Output choice: `simplifiedKeys` are the fields that the
 * Simplified form keeps (in that order); Selected Fields keeps the user's list.
 */
export function outputModeTransform(simplifiedKeys: readonly string[]) {
	return function (this: IExecuteSingleFunctions, records: IDataObject[]): IDataObject[] {
		const mode = this.getNodeParameter('outputMode', 'raw') as string;
		if (mode === 'simplified') return records.map((record) => pick(record, simplifiedKeys));
		if (mode === 'selected') {
			const keys = list(this.getNodeParameter('outputFields', ''));
			return keys.length ? records.map((record) => pick(record, keys)) : records;
		}
		return records;
	};
}
