/** Blast → Unschedule (POST /blast): a scheduled campaign goes back to draft. */
import { type ResourceOperation } from '../../../shared';
import { callParameters } from '../../lib/helpers';
import { blastId } from './id';
import { operation } from '../../lib/operation';


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
