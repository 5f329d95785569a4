import { defineResource, type NodeResource } from '../../../shared';
import { getAllOperation, listFields } from './getAll';
import { getScoreOperation } from './getScore';
import { surveyRange } from './range';

export const surveyResource: NodeResource = defineResource({
	name: 'Survey',
	value: 'survey',
	operations: [getAllOperation, getScoreOperation],
	defaultOperation: getAllOperation,
	fields: [
		...listFields,
		surveyRange,
	],
});
