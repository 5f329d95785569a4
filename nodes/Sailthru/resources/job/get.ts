/** Job → Get (GET /job): a job's status, and the export URL of a finished export. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, oneRequired } from '../../lib/helpers';
import { operation } from '../../lib/operation';


export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a job',
		description: 'Get a job’s status, and the export URL of a finished export',
		method: 'GET',
		url: '/job',
		retrySafe: true,
		preSend: [callParameters(oneRequired('job_id', 'jobId', 'Job ID'))],
	}),
	fields: [
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			required: true,
			default: '',
			placeholder: '5e1f2a3b4c5d6e7f80912345',
			description: 'The job_id that Create returned',
			displayOptions: showFor('job')(['get']),
		},
	],
};
