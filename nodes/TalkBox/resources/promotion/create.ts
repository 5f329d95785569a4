import type { INodeProperties } from 'n8n-workflow';

import { showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { buildPromotion } from './body';

const show = showFor('promotion');

// Create's own fields, listed in the resource's fields between the groups of the shared form.

export const sendNotice: INodeProperties = {
	displayName:
		'With Send Immediately the promotion goes out to its recipients as soon as this node runs. Use Test (under Options) or a send time to try it first.',
	name: 'sendNotice',
	type: 'notice',
	default: '',
	displayOptions: show(['create'], { schedule: ['now'] }),
};

export const createRecipients: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipientSelection',
	type: 'options',
	default: 'recipientDetails',
	description: 'Who receives the promotion (TalkBox takes one kind of selection)',
	displayOptions: show(['create']),
	options: [
		{ name: 'Contact IDs', value: 'contactIds' },
		{ name: 'Email Addresses or Mobile Numbers', value: 'recipientDetails' },
		{ name: 'Filter Criteria', value: 'filterCriteria', description: 'Contacts whose fields match conditions' },
		{
			name: 'None (Date or Manual Trigger Only)',
			value: 'none',
			description: 'All contacts the date trigger finds, or the recipients given when triggered',
		},
		{ name: 'Tags', value: 'tags', description: 'Contacts with any of these tags' },
	],
};

export const createSchedule: INodeProperties = {
	displayName: 'Schedule',
	name: 'schedule',
	type: 'options',
	default: 'now',
	displayOptions: show(['create']),
	options: [
		{ name: 'Send Immediately', value: 'now' },
		{ name: 'At a Send Time', value: 'sendTime' },
		{
			name: 'Date Trigger',
			value: 'dateTrigger',
			description: 'Every day, to contacts whose date field is a given time away or ago',
		},
		{
			name: 'Manual Trigger',
			value: 'manualTrigger',
			description: 'Only when triggered (Communication → Trigger)',
		},
	],
};

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a promotion',
		description: 'Create an email and/or SMS promotion, sent now, at a time, on a date trigger or by API',
		method: 'POST',
		url: '/promotions',
		preSend: [buildPromotion],
	}),
};
