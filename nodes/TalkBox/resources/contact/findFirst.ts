import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fail, refusePrototypeKey, showFor, type ResourceOperation } from '../../../shared';
import { emptyRecord, hasOwn, setOwn } from '../../../shared/record';
import { convertValue } from '../../lib/contactBody';
import { operation } from '../../lib/operation';
import { contactOutput } from './fields';

const show = showFor('contact');

/** find_first: each criterion becomes a query parameter (email, mobile_number or a text field). */
async function searchCriteria(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const rows = (this.getNodeParameter('searchCriteria.criterion', []) as IDataObject[]) ?? [];
	// The field is a TalkBox system name or an expression's text: a plain key of a null-prototype record.
	const qs = emptyRecord();
	for (const [index, row] of rows.entries()) {
		const field = String(row.field ?? '').trim();
		const label = `Search Criteria → criterion ${index + 1}`;
		if (field === '') fail(this, label, 'choose a field to search by');
		refusePrototypeKey(this, label, field);
		if (hasOwn(qs, field)) fail(this, label, `${field} is used twice`);
		const fieldType = field === 'mobile_number' ? 'MobileNumber' : 'Text';
		const value = row.value === undefined || row.value === null ? '' : String(row.value).trim();
		if (value === '') fail(this, label, `a value for ${field} is required`);
		const converted = convertValue(fieldType, field, value);
		if (converted.problem !== undefined) fail(this, label, converted.problem);
		setOwn(qs, field, converted.value);
	}
	if (Object.keys(qs).length === 0) fail(this, 'Search Criteria', 'add at least one criterion (email, mobile number or a text field)');
	options.qs = { ...(options.qs ?? {}), ...qs };
	return options;
}

/** Listed in the resource's fields: it comes before the Output fields Get and Get Many show too. */
export const searchCriteriaField: INodeProperties = {
	displayName: 'Search Criteria',
	name: 'searchCriteria',
	type: 'fixedCollection',
	placeholder: 'Add Criterion',
	default: { criterion: [{ field: 'email', value: '' }] },
	typeOptions: { multipleValues: true },
	description: 'Field values the contact must have; with several, all must match',
	displayOptions: show(['findFirst']),
	options: [
		{
			displayName: 'Criterion',
			name: 'criterion',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'field',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getContactSearchFields' },
					default: 'email',
					description:
						'Email, mobile number or another text field. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. name@email.com',
					description: 'The exact value to find',
				},
			],
		},
	],
};

export const findFirstOperation: ResourceOperation = {
	option: operation({
		name: 'Find First',
		value: 'findFirst',
		action: 'Find the first matching contact',
		description: 'Find the first contact whose email, mobile number or text fields match',
		method: 'GET',
		url: '/contact/find_first',
		preSend: [searchCriteria],
		output: { transform: contactOutput },
	}),
};
