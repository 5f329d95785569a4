import { defineResource, showFor, type NodeResource } from '../../../shared';
import { syncOperation } from './sync';
import { updateStatusOperation } from './updateStatus';

const show = showFor('order');

export const orderResource: NodeResource = defineResource({
	name: 'Order',
	value: 'order',
	operations: [syncOperation, updateStatusOperation],
	defaultOperation: syncOperation,
	fields: [
		{
			displayName:
				'Each input item is one order. The node sends up to 1,000 orders per request and at most 40 requests a minute (PersonaClick’s limit); every input item gets its own output item.',
			name: 'orderBatchNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['sync', 'updateStatus']),
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. A-100',
			description:
				'The order number, the same one the purchase tracking used. It cannot be changed later; give UUIDs a prefix (PersonaClick shows bare UUIDs as "---").',
			displayOptions: show(['sync', 'updateStatus']),
		},
		{
			displayName: 'Status',
			name: 'orderStatus',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. delivered',
			description: 'Your own status code, mapped in PersonaClick under Account → Settings → Order Statuses',
			displayOptions: show(['sync', 'updateStatus']),
		},
	],
});
