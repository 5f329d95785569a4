/**
 * The account's contact fields (`GET /fields`, an object keyed by system name) as records, and the
 * TalkBox type labels of the contact mapper: read by the pickers, the contact body and the field
 * resource's output.
 */
import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../../shared';
import { recordFrom } from '../../shared/record';

/** One TalkBox field as n8n sees it. */
export interface TalkBoxField {
	systemName: string;
	name: string;
	fieldType: string;
	/** Option id → label (choice fields). */
	options: Record<string, string>;
}

/**
 * A fields map (`{ system_name: { name, field_type, options } }`, the shape of GET /fields and of
 * the field create/update/delete answers) as one record per field, system name included. The
 * keys are the account's system names and TalkBox's: each record is a null-prototype record, so
 * any of them is a plain key.
 */
export function fieldRecords(payload: unknown): IDataObject[] {
	if (!isObject(payload)) return [];
	return Object.entries(payload).map(([systemName, details]) =>
		recordFrom([['system_name', systemName], ...Object.entries(isObject(details) ? details : { value: details })]),
	);
}

/** TalkBox field types → the label shown in n8n (also read back when converting values). */
export const TYPE_LABELS: Record<string, string> = {
	Text: 'Text',
	MobileNumber: 'Mobile Number',
	Boolean: 'Boolean',
	SingleChoice: 'Single Choice',
	MultipleChoice: 'Multiple Choice',
	Number: 'Number',
	Float: 'Float',
	Currency: 'Currency',
	Date: 'Date',
};

/** The TalkBox type and plain name back from a mapper label. */
export function parseMapperLabel(label: string | undefined): { fieldType?: string; name?: string } {
	const match = /^(.*) \(([A-Za-z ]+)\)$/.exec(label ?? '');
	if (!match) return {};
	const fieldType = Object.keys(TYPE_LABELS).find((type) => TYPE_LABELS[type] === match[2]);
	return fieldType ? { fieldType, name: match[1] } : {};
}
