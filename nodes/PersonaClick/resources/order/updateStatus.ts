import type { ResourceOperation } from '../../../shared';
import { successOutput } from '../../lib/common';
import { operation } from '../../lib/operation';
import { ORDERS_BATCH, ORDERS_PACE, batchNote } from './batch';
import { statusOrderToBody } from './build';

export const updateStatusOperation: ResourceOperation = {
	option: operation({
		name: 'Update Status',
		value: 'updateStatus',
		action: 'Update the status of orders',
		description: `Change the status of orders PersonaClick already has (no items are sent). ${batchNote}.`,
		method: 'POST',
		url: '/sync/orders',
		preSend: [statusOrderToBody],
		output: { transform: successOutput },
		retrySafe: true,
		batch: ORDERS_BATCH,
		pace: ORDERS_PACE,
	}),
};
