import type { INodeProperties } from 'n8n-workflow';

import { listProperties, showFor, isoDateQuery } from '../shared';
import { operation } from './operation';
import type { TalkBoxResource } from './types';

const show = showFor('survey');

const range = isoDateQuery([
	{ parameter: 'surveyRange.from', key: 'from', label: 'Time Range → From' },
	{ parameter: 'surveyRange.to', key: 'to', label: 'Time Range → To' },
]);

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['survey'] } },
		options: [
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many survey responses',
				description: 'Retrieve survey responses, optionally within a time range, one item per response',
				method: 'GET',
				url: '/surveys',
				preSend: [range],
				output: { split: true },
			}),
			operation({
				name: 'Get Score',
				value: 'getScore',
				action: 'Get the net promoter score',
				description: 'Calculate the Net Promoter Score of the survey responses, optionally within a time range',
				method: 'GET',
				url: '/surveys/score',
				preSend: [range],
			}),
		],
		default: 'getAll',
	},
	...listProperties(show(['getAll'])),
	{
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
	},
];

export const surveyResource: TalkBoxResource = {
	option: { name: 'Survey', value: 'survey' },
	properties,
};
