/**
 * Pickers of the audience resources (contact, field, tag): the contact resource mapper, the
 * contact search fields, and the field and tag lists, read from the account's contact fields.
 */
import type {
	FieldType,
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
	ResourceMapperField,
	ResourceMapperFields,
} from 'n8n-workflow';

import { isObject, listSearch, directRequest } from '../../shared';
import { hasOwn } from '../../shared/record';
import { fieldRecords, TYPE_LABELS, type TalkBoxField } from '../lib/fields';
import { talkBox } from '../profile';

/** The entry of a type table for a type TalkBox named (only the table's own entries: never `constructor`). */
const ownEntry = <T>(table: Record<string, T>, type: string): T | undefined =>
	hasOwn(table, type) ? table[type] : undefined;

/** Contact attributes every contact endpoint documents, even if GET /fields leaves them out. */
const BUILT_IN: TalkBoxField[] = [
	{ systemName: 'email', name: 'Email', fieldType: 'Text', options: {} },
	{ systemName: 'mobile_number', name: 'Mobile number', fieldType: 'MobileNumber', options: {} },
];

export async function loadFields(ctx: ILoadOptionsFunctions): Promise<TalkBoxField[]> {
	const { body: payload } = await directRequest(ctx, talkBox, { method: 'GET', url: '/fields' });
	const fields = fieldRecords(payload).map((record) => ({
		systemName: String(record.system_name),
		name: String(record.name ?? record.system_name),
		fieldType: String(record.field_type ?? 'Text'),
		options: Object.fromEntries(
			Object.entries(isObject(record.options) ? record.options : {}).map(([id, label]) => [id, String(label)]),
		),
	}));
	for (const builtIn of BUILT_IN) {
		if (!fields.some((field) => field.systemName === builtIn.systemName)) fields.push(builtIn);
	}
	return fields;
}

const N8N_TYPES: Record<string, FieldType> = {
	Text: 'string',
	MobileNumber: 'string',
	Boolean: 'boolean',
	SingleChoice: 'options',
	// Free text, not a single-choice dropdown: "Harpo, Chico" (names or IDs, comma-separated) or a
	// list from an expression. n8n would refuse anything but one option before the node runs.
	MultipleChoice: 'string',
	Number: 'number',
	Float: 'number',
	Currency: 'number',
	Date: 'dateTime',
};

/**
 * The label of a field in the contact mapper: `First name (Text)`. The TalkBox type in brackets
 * tells the user the format, and tells the node how to convert the value (the saved mapping
 * keeps labels, not TalkBox types).
 */
export const mapperLabel = (field: TalkBoxField) =>
	`${field.name} (${ownEntry(TYPE_LABELS, field.fieldType) ?? field.fieldType})`;

const PRIORITY = ['email', 'mobile_number', 'first_name', 'last_name'];

/** The contact resource mapper: one entry per account field, with its type and options. */
export async function contactFieldMapping(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const fields = await loadFields(this);
	const rank = (field: TalkBoxField) => {
		const index = PRIORITY.indexOf(field.systemName);
		return index === -1 ? PRIORITY.length : index;
	};
	fields.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
	return {
		fields: fields.map((field): ResourceMapperField => {
			const isChoice = field.fieldType === 'SingleChoice' || field.fieldType === 'MultipleChoice';
			return {
				id: field.systemName,
				displayName: mapperLabel(field),
				required: false,
				defaultMatch: false,
				canBeUsedToMatch: false,
				display: true,
				type: ownEntry(N8N_TYPES, field.fieldType) ?? 'string',
				...(isChoice
					? {
							options: Object.entries(field.options).map(([id, label]) => ({
								name: label,
								value: Number(id),
							})),
						}
					: {}),
			};
		}),
		emptyFieldsNotice: 'This TalkBox account has no contact fields',
	};
}

/** Fields to search contacts by (find first): text fields, email and mobile number. */
export async function contactSearchFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await loadFields(this);
	return fields
		.filter((field) => field.fieldType === 'Text' || field.fieldType === 'MobileNumber')
		.map((field) => ({ name: field.name, value: field.systemName, description: field.systemName }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Resource locator list of fields: value is the system name (what the field URLs take). */
export async function searchFields(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const fields = await loadFields(this);
	const needle = (filter ?? '').trim().toLowerCase();
	const results = fields
		.map((field) => ({ name: `${field.name} (${field.systemName})`, value: field.systemName }))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

/** Resource locator list of tags. */
export const searchTags = listSearch({ vendor: talkBox, url: '/tags', nameField: 'name', valueField: 'id' });

/** Tags as dropdown options (contact create: tag IDs). */
export async function contactTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { body: payload } = await directRequest(this, talkBox, { method: 'GET', url: '/tags' });
	const tags = Array.isArray(payload) ? (payload as IDataObject[]) : [];
	return tags
		.map((tag) => ({ name: String(tag.name ?? tag.id), value: Number(tag.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
