/** Loyalty member update: custom properties and member dates (`data` of PUT /loyalty/members/{email}). */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, setBodyPath, showFor, type ResourceOperation } from '../../../shared';
import { isoDate, pairs, propertyPairs, single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { memberPath } from './member';

const show = showFor('loyaltyMember');

async function memberUpdateData(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const customProperties = pairs(this, this.getNodeParameter('customProperties', {}), 'Custom Properties');
	const dates = ((this.getNodeParameter('memberDates', {}) as IDataObject).date ?? []) as IDataObject[];
	if (!customProperties && dates.length === 0) {
		fail(this, 'Custom Properties', 'add at least one custom property or member date');
	}
	if (customProperties) setBodyPath(options, 'data.custom_properties', customProperties);
	if (dates.length) {
		setBodyPath(
			options,
			'data.member_dates',
			dates.map((entry, index) => {
				const label = `Member Dates (date ${index + 1})`;
				const identifier = String(entry.identifier ?? '').trim();
				if (!identifier) fail(this, label, 'the identifier is empty');
				const date = isoDate(this, entry.date, label);
				if (!date) fail(this, label, 'the date is empty');
				return { identifier, date };
			}),
		);
	}
	return options;
}

const memberUpdateProperties: INodeProperties[] = [
	propertyPairs({
		name: 'customProperties',
		displayName: 'Custom Properties',
		description:
			'Custom properties to set on the member. Talkable stores every value as a string (false becomes "f", 123 becomes "123").',
		displayOptions: show(['update']),
		placeholder: ['tier', 'gold'],
	}),
	{
		displayName: 'Member Dates',
		name: 'memberDates',
		type: 'fixedCollection',
		placeholder: 'Add Date',
		default: {},
		typeOptions: { multipleValues: true },
		description: 'Dates of the member, such as a birthday (sent as YYYY-MM-DD)',
		displayOptions: show(['update']),
		options: [
			{
				displayName: 'Date',
				name: 'date',
				values: [
					{
						displayName: 'Identifier',
						name: 'identifier',
						type: 'string',
						default: '',
						placeholder: 'birthday',
						description: 'Lowercase letters, numbers and _ only; must not begin with a number',
					},
					{ displayName: 'Date', name: 'date', type: 'dateTime', default: '' },
				],
			},
		],
	},
];

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update a loyalty member',
		description: 'Set custom properties and dates (such as a birthday) of a loyalty member',
		method: 'PUT',
		url: '/loyalty/members',
		preSend: [memberPath(), memberUpdateData, siteSlug],
		output: single('loyalty_member'),
	}),
	fields: memberUpdateProperties,
};
