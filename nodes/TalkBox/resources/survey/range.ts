/** The time range both survey operations take: its field and the query it sends. */
import type { INodeProperties } from 'n8n-workflow';

import { isoDateQuery, showFor } from '../../../shared';

const show = showFor('survey');

export const range = isoDateQuery([
	{ parameter: 'surveyRange.from', key: 'from', label: 'Time Range → From' },
	{ parameter: 'surveyRange.to', key: 'to', label: 'Time Range → To' },
]);

export const surveyRange: INodeProperties = {
	displayName: 'Time Range',
	name: 'surveyRange',
	type: 'collection',
	placeholder: 'Add Bound',
	default: {},
	displayOptions: show(['getAll', 'getScore']),
	options: [
		{
			displayName: 'From',
			name: 'from',
			type: 'dateTime',
			default: '',
			description: 'Only survey responses after this time (ISO-8601; a time without a zone is read as UTC)',
		},
		{
			displayName: 'To',
			name: 'to',
			type: 'dateTime',
			default: '',
			description: 'Only survey responses before this time (ISO-8601; a time without a zone is read as UTC)',
		},
	],
};
