/**
 * The fields that several points operations show after their own: listed once, after the last
 * of them (Redeem Points), so each of them shows these after its own fields.
 */
import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared';

const show = showFor('loyaltyMember');

export const pointsTrailingProperties: INodeProperties[] = [
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['collectPoints', 'redeemPoints']),
		options: [
			{
				displayName: 'Traffic Source',
				name: 'trafficSource',
				type: 'string',
				default: '',
				placeholder: 'in-store',
				routing: { send: { type: 'body', property: 'data.traffic_source' } },
			},
		],
	},
	{
		displayName:
			'Points changes are not retried after a failure (they may already have been applied): check the member before running again.',
		name: 'pointsNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['adjustPoints', 'collectPoints', 'redeemPoints']),
	},
];
