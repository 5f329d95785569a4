import { showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { originPath, originSlugProperty } from '../../lib/originSlug';
import { siteSlug } from '../../lib/siteSlug';

const show = showFor('referral');

const STATUSES = [
	{ name: 'Approved', value: 'approved', description: 'Pays the rewards and fires the Referral webhook' },
	{ name: 'Blocked', value: 'blocked' },
	{ name: 'Flagged', value: 'flagged', description: 'Needs a manual review' },
	{ name: 'Pending', value: 'pending' },
	{ name: 'Voided', value: 'voided' },
];

export const updateStatusOperation: ResourceOperation = {
	option: operation({
		name: 'Update Status',
		value: 'updateStatus',
		action: 'Update the status of a referral',
		description: 'Approve, void, block or flag the referral of a purchase or event',
		method: 'PUT',
		url: '/origins',
		preSend: [originPath('/referral'), siteSlug],
		output: single('referral'),
	}),
	fields: [
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
	],
};
