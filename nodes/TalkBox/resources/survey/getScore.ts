import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { range } from './range';

export const getScoreOperation: ResourceOperation = {
	option: operation({
		name: 'Get Score',
		value: 'getScore',
		action: 'Get the net promoter score',
		description: 'Calculate the Net Promoter Score of the survey responses, optionally within a time range',
		method: 'GET',
		url: '/surveys/score',
		preSend: [range],
	}),
};
