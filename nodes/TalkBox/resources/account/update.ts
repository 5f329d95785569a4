import { bodyEmail, collectionProperty, requireBody, showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';

const show = showFor('account');

/** The business contact details TalkBox lets the API change (PUT /account). */
const UPDATABLE: Array<{ displayName: string; name: string; key: string; description: string; placeholder?: string }> = [
	{ displayName: 'Country', name: 'country', key: 'country', description: 'Country in which the business is located' },
	{ displayName: 'Post Code', name: 'postcode', key: 'postcode', description: 'Post code of the business' },
	{
		displayName: 'Public Email',
		name: 'publicEmail',
		key: 'public_email',
		description: "Address for contacts' email enquiries for the business",
		placeholder: 'name@email.com',
	},
	{
		displayName: 'Public Phone',
		name: 'publicPhone',
		key: 'public_phone',
		description: "Phone number for contacts' phone enquiries for the business",
	},
	{ displayName: 'State', name: 'state', key: 'state', description: 'State, county, etc. in which the business is located' },
	{ displayName: 'Street Address', name: 'streetAddress', key: 'street_address', description: 'Street address of the business' },
	{ displayName: 'Suburb', name: 'suburb', key: 'suburb', description: 'Suburb, town, etc. in which the business is located' },
	{ displayName: 'Website', name: 'website', key: 'website', description: "The business's public website" },
];

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update the account',
		description: 'Update the business contact details of the account',
		method: 'PUT',
		url: '/account',
		preSend: [
			requireBody('Update Fields', 'add at least one field to update'),
			bodyEmail('public_email', 'Update Fields → Public Email'),
		],
	}),
	fields: [
		collectionProperty(
			'Update Fields',
			'updateFields',
			'Add Field',
			show(['update']),
			UPDATABLE.map((field) => ({
				displayName: field.displayName,
				name: field.name,
				type: 'string' as const,
				default: '',
				description: field.description,
				...(field.placeholder ? { placeholder: field.placeholder } : {}),
				routing: { send: { type: 'body' as const, property: field.key } },
			})),
			'The business contact details to change; only these can be changed through the API',
		),
	],
};
