/** What the contact operations share: the contact mapper, option fields, output keys and the contact path. */
import type { INodeProperties } from 'n8n-workflow';

import { idPath, outputModeTransform, showFor } from '../../../shared';
import { CONTACT_FIELDS_PARAMETER } from '../../lib/contactBody';

const show = showFor('contact');

export const contactPath = (suffix = '') =>
	idPath(`/contact/{0}${suffix}`, [{ parameter: 'contactId', label: 'Contact ID', numeric: true }]);

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

export const contactFieldsProperty = (operation: keyof typeof MAPPER_DESCRIPTIONS, mode: 'add' | 'map'): INodeProperties => ({
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

export const contactOutput = outputModeTransform(CONTACT_SIMPLIFIED_KEYS);

export const versionTags: INodeProperties = {
	displayName: 'Version Tags',
	name: 'versionTags',
	type: 'string',
	default: '',
	placeholder: 'e.g. mobile_app_v3, pos',
	description:
		'Comma-separated labels shown with this change in the contact change log (agent, source or reason of the change)',
};

export const tagString = (description: string): INodeProperties => ({
	displayName: 'Tag Names',
	name: 'tagString',
	type: 'string',
	default: '',
	placeholder: 'e.g. VIP, Gaming',
	description,
});
