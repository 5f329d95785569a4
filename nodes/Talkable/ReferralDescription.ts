import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../shared';
import { operation, single, type TalkableResource } from './common';
import { originPath, originSlugProperty } from './originSlug';
import { siteSlug } from './siteSlug';

const show = showFor('referral');

const STATUSES = [
	{ name: 'Approved', value: 'approved', description: 'Pays the rewards and fires the Referral webhook' },
	{ name: 'Blocked', value: 'blocked' },
	{ name: 'Flagged', value: 'flagged', description: 'Needs a manual review' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Voided', value: 'voided' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['referral'] } },
		options: [
			operation({
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a referral',
				description: 'Approve, void, block or flag the referral of a purchase or event',
				method: 'PUT',
				url: '/origins',
				preSend: [originPath('/referral'), siteSlug],
				output: single('referral'),
			}),
		],
		default: 'updateStatus',
	},
	originSlugProperty(show(['updateStatus'])),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		default: 'approved',
		options: STATUSES,
		description: 'The new status of the referral',
		displayOptions: show(['updateStatus']),
		routing: { send: { type: 'body', property: 'data.status' } },
	},
	{
		displayName:
			'Approving can pay rewards to the advocate and fires the Referral webhook. Talkable refuses to move a referral from approved to voided or back.',
		name: 'referralNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['updateStatus']),
	},
];

export const referralResource: TalkableResource = {
	option: { name: 'Referral', value: 'referral' },
	properties,
};
