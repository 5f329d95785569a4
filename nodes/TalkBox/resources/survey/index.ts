import { defineResource, type NodeResource } from '../../../shared';
import { getAllOperation, listFields } from './getAll';
import { getScoreOperation } from './getScore';
import { surveyRange } from './range';

export const surveyResource: NodeResource = defineResource({
	// eslint-disable-next-line n8n-nodes-base/node-param-option-name-wrong-for-get-many -- the resource's name: the rule takes `default: 'getAll'` below for an option value
	name: 'Survey',
	value: 'survey',
	operations: [getAllOperation, getScoreOperation],
	default: 'getAll',
	fields: [
		...listFields,
		surveyRange,
	],
});
