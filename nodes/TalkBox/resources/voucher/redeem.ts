import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { showFor, text, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { voucherId } from './path';

const show = showFor('voucher');

/** `{redeemed: true, recipient_id?}`. */
async function buildRedeem(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const recipientId = text(this, 'recipientId');
	options.body = { redeemed: true, ...(recipientId ? { recipient_id: recipientId } : {}) };
	return options;
}

export const redeemOperation: ResourceOperation = {
	option: operation({
		name: 'Redeem',
		value: 'redeem',
		action: 'Redeem a voucher',
		description: 'Mark a voucher as redeemed',
		method: 'PUT',
		url: '/vouchers',
		preSend: [voucherId, buildRedeem],
		// A PUT, but not repeatable: a second redemption fails ("already redeemed") even
		// when the first one worked and only its answer was lost.
		retrySafe: false,
	}),
	fields: [
		{
			displayName: 'Redeeming cannot be undone: the voucher can no longer be used, and redeeming it again fails.',
			name: 'redeemNotice',
			type: 'notice',
			default: '',
			displayOptions: show(['redeem']),
		},
		{
			displayName: 'Recipient ID',
			name: 'recipientId',
			type: 'string',
			default: '',
			placeholder: 'e.g. dMsECeXFa3zNrF4DUVq6Tw==',
			description: 'Recipient token of the voucher holder, when the redemption should name it (optional)',
			displayOptions: show(['redeem']),
		},
	],
};
