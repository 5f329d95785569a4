import type { INodeProperties } from 'n8n-workflow';

import { defineResource, idLocator, showFor, type NodeResource } from '../../../shared';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getAllOperation } from './getAll';
import { updateOperation } from './update';

const show = showFor('field');

const fieldLocator = (operations: string[]): INodeProperties => {
	const locator = idLocator({
		displayName: 'Field',
		name: 'fieldId',
		description: 'The contact field, by its system name (e.g. favourite_marx_bro)',
		searchListMethod: 'searchFields',
		displayOptions: show(operations),
	});
	return {
		...locator,
		modes: [
			locator.modes![0],
			{ displayName: 'By System Name', name: 'id', type: 'string', placeholder: 'e.g. favourite_marx_bro' },
		],
	};
};

export const fieldResource: NodeResource = defineResource({
	name: 'Field',
	value: 'field',
	operations: [createOperation, deleteOperation, getAllOperation, updateOperation],
	defaultOperation: getAllOperation,
	fields: [
		fieldLocator(['update', 'delete']),
		{
			displayName: 'Name',
			name: 'fieldName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Favourite Marx Brother',
			description: 'The field name shown in TalkBox (the system name is derived from it on create)',
			displayOptions: show(['create', 'update']),
			routing: { send: { type: 'body', property: 'name' } },
		},
	],
});
