/** Blast → Unschedule (POST /blast): a scheduled campaign goes back to draft. */
import { operationFactory, type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { sailthru } from '../../profile';
import { blastId } from './id';

const operation = operationFactory(sailthru);

export const unscheduleOperation: ResourceOperation = {
	option: operation({
		name: 'Unschedule',
		value: 'unschedule',
		action: 'Unschedule a blast',
		description: 'Take a scheduled campaign back to draft',
		method: 'POST',
		url: '/blast',
		retrySafe: true,
		preSend: [callParameters(function (read) {
			return { blast_id: blastId(this, read), schedule_time: '', status: 'draft' };
		})],
	}),
};
