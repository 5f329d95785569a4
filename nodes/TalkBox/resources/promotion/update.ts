import type { INodeProperties } from 'n8n-workflow';

import { idPath, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { buildPromotion } from './body';

const show = showFor('promotion');

// Update's own fields, listed in the resource's fields between the groups of the shared form.

export const updateRecipients: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipientSelection',
	type: 'options',
	default: 'none',
	description: 'Replace who receives the promotion (TalkBox takes one kind of selection)',
	displayOptions: show(['update']),
	options: [
		{ name: 'Contact IDs', value: 'contactIds' },
		{ name: 'Email Addresses or Mobile Numbers', value: 'recipientDetails' },
		{ name: 'Filter Criteria', value: 'filterCriteria' },
		{ name: 'Tags', value: 'tags' },
		{ name: 'Unchanged', value: 'none' },
	],
};

export const updateSchedule: INodeProperties = {
	displayName: 'Schedule',
	name: 'schedule',
	type: 'options',
	default: 'unchanged',
	displayOptions: show(['update']),
	options: [
		{ name: 'Unchanged (Not Sent Now)', value: 'unchanged' },
		{ name: 'At a Send Time', value: 'sendTime' },
		{ name: 'Date Trigger', value: 'dateTrigger' },
		{ name: 'Manual Trigger', value: 'manualTrigger' },
	],
};

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update a promotion',
		description: 'Change a promotion; it is sent again only when a send time or date trigger is set',
		method: 'PUT',
		url: '/promotions',
		preSend: [idPath('/promotions/{0}', [{ parameter: 'promotionId', label: 'Promotion ID' }]), buildPromotion],
	}),
};
