import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, isEmpty, showFor, type ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import {
	ALL_IDENTIFIERS,
	bodyOf,
	identifierProperties,
	namedFieldsToBody,
	successOutput,
	unixSeconds,
	wholeNumber,
} from '../../lib/common';
import { operation } from '../../lib/operation';

const show = showFor('event')(['create']);

/** The event code and the optional category, label, value and time. */
async function eventToBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const body = bodyOf(options);
	const code = String(this.getNodeParameter('eventCode', '') ?? '').trim();
	if (code === '') fail(this, 'Event Code', 'a value is required but this item has none');
	body.event = code;
	const fields = (this.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	for (const key of ['category', 'label']) {
		if (!isEmpty(fields[key])) body[key] = String(fields[key]).trim();
	}
	if (!isEmpty(fields.value)) body.value = wholeNumber(this, fields.value, 'Additional Fields → Value', Number.MIN_SAFE_INTEGER);
	const time = unixSeconds(this, fields.time, 'Additional Fields → Time');
	if (time !== undefined) body.time = time;
	return options;
}

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a custom event',
		description:
			'Record a custom event for a customer (the event code must exist in your PersonaClick account). Never retried automatically: a repeat fires triggers and bonuses again.',
		method: 'POST',
		url: '/push/custom',
		preSend: [
			eventToBody,
			identifierFrom(ALL_IDENTIFIERS),
			namedFieldsToBody({ pairs: 'extraFields.field', pairsLabel: 'Extra Fields' }),
		],
		output: { transform: successOutput },
		retrySafe: false,
	}),
	fields: [
		{
			displayName: 'Event Code',
			name: 'eventCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. registration',
			description: 'The code of the custom event, as created in PersonaClick (Account → Custom Events)',
			displayOptions: show,
		},
		...identifierProperties(show, ALL_IDENTIFIERS, 'the customer'),
		{
			displayName:
				'PersonaClick has no duplicate check for events: each run records a new event and may fire its triggers and loyalty bonuses again. The node never resends it after an error.',
			name: 'eventNotice',
			type: 'notice',
			default: '',
			displayOptions: show,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show,
			options: [
				{
					displayName: 'Category',
					name: 'category',
					type: 'string',
					default: '',
					description: 'Free-form category for segmenting events',
				},
				{
					displayName: 'Label',
					name: 'label',
					type: 'string',
					default: '',
					description: 'Free-form label for segmenting events',
				},
				{
					displayName: 'Time',
					name: 'time',
					type: 'dateTime',
					default: '',
					description: 'When the event happened (sent as Unix seconds); PersonaClick uses now when unset',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'number',
					default: 0,
					typeOptions: { numberPrecision: 0 },
					description: 'The value of the event, a whole number',
				},
			],
		},
		{
			displayName: 'Extra Fields',
			name: 'extraFields',
			type: 'fixedCollection',
			placeholder: 'Add Extra Field',
			default: {},
			typeOptions: { multipleValues: true },
			description:
				'Variables that trigger-chain conditions can test. Names are lowercase letters, digits and _ (e.g. selected_plan).',
			displayOptions: show,
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. selected_plan' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
	],
};
