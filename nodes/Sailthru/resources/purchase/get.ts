/** Purchase → Get (GET /purchase): a purchase of about the last year, by Sailthru's ID or your order ID. */
import { showFor, type ResourceOperation } from '../../../shared';
import { callParameters, required, trimmed } from '../../lib/helpers';
import { operation } from '../../lib/operation';

const showPurchase = showFor('purchase');

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a purchase',
		description: 'Get a purchase of about the last year by its Sailthru ID or your order ID',
		method: 'GET',
		url: '/purchase',
		retrySafe: true,
		preSend: [
			callParameters(function (read) {
				const key = trimmed(read('purchaseKey', 'sid'));
				return {
					purchase_id: required(this, read, 'purchaseId', 'Purchase ID'),
					purchase_key: key === 'sid' ? undefined : key,
				};
			}),
		],
	}),
	fields: [
		{
			displayName: 'Purchase ID',
			name: 'purchaseId',
			type: 'string',
			required: true,
			default: '',
			description: 'Sailthru’s purchase ID, or your order ID when Key is External ID',
			displayOptions: showPurchase(['get']),
		},
		{
			displayName: 'Key',
			name: 'purchaseKey',
			type: 'options',
			default: 'sid',
			options: [
				{ name: 'Sailthru Purchase ID', value: 'sid', description: 'Sailthru’s default (not sent)' },
				{ name: 'External ID', value: 'extid', description: 'Your order ID (purchase_keys.extid)' },
			],
			displayOptions: showPurchase(['get']),
		},
	],
};
