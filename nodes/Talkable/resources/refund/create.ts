import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { collectionProperty, isoDateTime, type ResourceOperation, setBodyPath, showFor } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { originPath, originSlugProperty } from '../../lib/originSlug';
import { siteSlug } from '../../lib/siteSlug';

const show = showFor('refund');

/** `data.refunded_at` (ISO 8601) and `data.refund_subtotal` when given. */
async function refundData(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const fields = this.getNodeParameter('additionalFields', {}) as { refundedAt?: string; refundSubtotal?: number };
	const refundedAt = isoDateTime(this, fields.refundedAt, 'Refunded At');
	if (refundedAt) setBodyPath(options, 'data.refunded_at', refundedAt);
	if (fields.refundSubtotal !== undefined && fields.refundSubtotal !== null) {
		setBodyPath(options, 'data.refund_subtotal', Number(fields.refundSubtotal));
	}
	return options;
}

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Refund an origin',
		description: 'Mark a purchase or event as refunded, in full or in part; its referral rewards are voided',
		method: 'POST',
		url: '/origins',
		preSend: [originPath('/refund'), refundData, siteSlug],
		output: single('origin'),
		// A repeat is refused recognisably ("Origin has already been refunded").
		retrySafe: true,
	}),
	fields: [
		originSlugProperty(show(['create'])),
		collectionProperty('Additional Fields', 'additionalFields', 'Add Field', show(['create']), [
			{
				displayName: 'Refund Subtotal',
				name: 'refundSubtotal',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 2 },
				description: 'The refunded amount: makes the refund partial. Leave out for a full refund.',
			},
			{
				displayName: 'Refunded At',
				name: 'refundedAt',
				type: 'dateTime',
				default: '',
				description: 'When the refund happened (default: now)',
			},
		]),
	],
};
