import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	fail,
	idPath,
	listProperties,
	outputModeProperties,
	outputModeTransform,
	showFor,
	isoDateQuery,
	refusePrototypeKey,
} from '../shared';
import { emptyRecord, hasOwn, setOwn } from '../shared/record';
import { operation } from './operation';
import { CONTACT_FIELDS_PARAMETER, contactBody, convertValue } from './audience/contactBody';
import type { TalkBoxResource } from './types';

const show = showFor('contact');

const contactPath = (suffix = '') =>
	idPath(`/contact/{0}${suffix}`, [{ parameter: 'contactId', label: 'Contact ID', numeric: true }]);

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

/** The fields TalkBox matches on: create or update finds an existing contact by either. */
export const DUPLICATE_RULE =
	'TalkBox treats a contact with the same Email or the same Mobile Number as a duplicate: Create or Update changes that contact and creates a new one only when neither matches.';

const AUTO_MAP_HINT =
	'Choose Map Automatically to send every input field whose name is a TalkBox field (its system name, e.g. first_name, mobile_number); other input fields are left out.';

const VALUE_FORMATS =
	'Dates may be ISO dates (2024-03-05) or dd/mm/yyyy and are sent as dd/mm/yyyy. Choice fields take an option, its ID or its name; Multiple Choice fields take several with an expression, e.g. {{ [9, 10] }} or "Harpo, Chico" (on update they are added to the options the contact already has).';

export const MAPPER_DESCRIPTIONS = {
	create: `The contact fields of this TalkBox account; map Email or Mobile Number (at least one). ${AUTO_MAP_HINT} ${VALUE_FORMATS}`,
	upsert: `The contact fields of this TalkBox account. ${DUPLICATE_RULE} Map Email or Mobile Number (at least one). ${AUTO_MAP_HINT} ${VALUE_FORMATS}`,
	update: `The contact fields of this TalkBox account; only the fields you map are changed. ${AUTO_MAP_HINT} ${VALUE_FORMATS}`,
} as const;

const contactFieldsProperty = (operation: keyof typeof MAPPER_DESCRIPTIONS, mode: 'add' | 'map'): INodeProperties => ({
	displayName: 'Contact Fields',
	name: CONTACT_FIELDS_PARAMETER,
	type: 'resourceMapper',
	noDataExpression: true,
	default: { mappingMode: 'defineBelow', value: null },
	required: true,
	description: MAPPER_DESCRIPTIONS[operation],
	typeOptions: {
		resourceMapper: {
			resourceMapperMethod: 'getContactFieldMapping',
			mode,
			fieldWords: { singular: 'field', plural: 'fields' },
			// Create / Create or Update open with every field of the account listed (empty ones
			// are not sent), so the mapper never starts empty; Update lists only what is mapped.
			addAllFields: mode === 'add',
			multiKeyMatch: false,
			supportAutoMap: true,
		},
	},
	displayOptions: show([operation]),
});

/** What Get, Get Many and Find First output (Output: Simplified keeps these, in this order). */
export const CONTACT_SIMPLIFIED_KEYS = [
	'id',
	'first_name',
	'last_name',
	'email',
	'mobile_number',
	'external_identifier',
	'tags',
	'updated_at',
] as const;

const contactOutput = outputModeTransform(CONTACT_SIMPLIFIED_KEYS);

const versionTags: INodeProperties = {
	displayName: 'Version Tags',
	name: 'versionTags',
	type: 'string',
	default: '',
	placeholder: 'e.g. mobile_app_v3, pos',
	description:
		'Comma-separated labels shown with this change in the contact change log (agent, source or reason of the change)',
};

const tagString = (description: string): INodeProperties => ({
	displayName: 'Tag Names',
	name: 'tagString',
	type: 'string',
	default: '',
	placeholder: 'e.g. VIP, Gaming',
	description,
});

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a contact (needs an email address or a mobile number)',
				method: 'POST',
				url: '/contact',
				preSend: [contactBody({ requireIdentity: true })],
			}),
			operation({
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a contact',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				method: 'POST',
				url: '/contact/create_or_update',
				preSend: [contactBody({ requireIdentity: true })],
				// An upsert keyed on email or mobile: sending it again changes nothing more.
				retrySafe: true,
			}),
			operation({
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description: 'Delete a contact',
				method: 'DELETE',
				url: '/contact',
				preSend: [contactPath()],
			}),
			operation({
				name: 'Find First',
				value: 'findFirst',
				action: 'Find the first matching contact',
				description: 'Find the first contact whose email, mobile number or text fields match',
				method: 'GET',
				url: '/contact/find_first',
				preSend: [searchCriteria],
				output: { transform: contactOutput },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description: 'Retrieve a contact',
				method: 'GET',
				url: '/contact',
				preSend: [contactPath()],
				output: { transform: contactOutput },
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'Retrieve contacts, optionally created or updated within a time range',
				method: 'GET',
				url: '/contact',
				preSend: [
					isoDateQuery([
						{ parameter: 'filters.createdAfter', key: 'created_after', label: 'Filters → Created After' },
						{ parameter: 'filters.createdBefore', key: 'created_before', label: 'Filters → Created Before' },
						{ parameter: 'filters.updatedAfter', key: 'updated_after', label: 'Filters → Updated After' },
						{ parameter: 'filters.updatedBefore', key: 'updated_before', label: 'Filters → Updated Before' },
					]),
				],
				output: { split: true, transform: contactOutput },
				pagination: { type: 'page', positionParam: 'page', sizeParam: 'per_page', pageSize: 100 },
			}),
			operation({
				name: 'Send Resubscription Email',
				value: 'sendResubscriptionEmail',
				action: 'Send a resubscription email to a contact',
				description: 'Email an unsubscribed contact a link to resubscribe their email address',
				method: 'POST',
				url: '/contact',
				preSend: [contactPath('/send_resubscription_email')],
			}),
			operation({
				name: 'Send Resubscription SMS',
				value: 'sendResubscriptionSms',
				action: 'Send a resubscription SMS to a contact',
				description: 'Text an unsubscribed contact a link to resubscribe their mobile number',
				method: 'POST',
				url: '/contact',
				preSend: [contactPath('/send_resubscription_sms')],
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Change the given fields of a contact; fields left out keep their values',
				method: 'PUT',
				url: '/contact',
				preSend: [contactPath(), contactBody({ requireChange: true })],
			}),
		],
		default: 'get',
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 300',
		description: 'The ID of the contact',
		displayOptions: show(['delete', 'get', 'sendResubscriptionEmail', 'sendResubscriptionSms', 'update']),
	},
	{
		displayName: DUPLICATE_RULE,
		name: 'upsertNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['upsert']),
	},
	contactFieldsProperty('create', 'add'),
	contactFieldsProperty('upsert', 'add'),
	contactFieldsProperty('update', 'map'),
	{
		displayName: 'Options',
		name: 'contactOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['create', 'upsert']),
		options: [
			{
				displayName: 'Tag Names or IDs',
				name: 'tagIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getContactTags' },
				default: [],
				description:
					'Existing tags to add the contact to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			tagString('Comma-separated tag names to add the contact to (missing tags are created)'),
			versionTags,
		],
	},
	{
		displayName: 'Options',
		name: 'contactOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(['update']),
		options: [
			tagString('Comma-separated tag names; they replace all the tags the contact has now'),
			{
				displayName: 'Unreachable by Email',
				name: 'unreachableEmail',
				type: 'boolean',
				default: false,
				description:
					'Whether TalkBox should treat the contact as unreachable by email (it sets this itself after 3 failed deliveries)',
			},
			{
				displayName: 'Unreachable by Mobile',
				name: 'unreachableMobile',
				type: 'boolean',
				default: false,
				description:
					'Whether TalkBox should treat the contact as unreachable by mobile (it sets this itself after 3 failed deliveries)',
			},
			versionTags,
		],
	},
	{
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
	},
	...listProperties(show(['getAll'])),
	...outputModeProperties(show(['findFirst', 'get', 'getAll'])),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(['getAll']),
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only contacts created after this time',
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only contacts created before this time',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description: 'Only contacts updated after this time',
			},
			{
				displayName: 'Updated Before',
				name: 'updatedBefore',
				type: 'dateTime',
				default: '',
				description: 'Only contacts updated before this time',
			},
		],
	},
];

export const contactResource: TalkBoxResource = {
	option: { name: 'Contact', value: 'contact' },
	properties,
};
