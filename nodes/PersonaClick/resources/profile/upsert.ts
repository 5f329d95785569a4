import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail, isEmpty, showFor, textProperty, type ResourceOperation } from '../../../shared';
import { identifierFrom, type IdentifierKey } from '../../lib/checks';
import {
	ALL_IDENTIFIERS,
	bodyOf,
	identifierProperties,
	namedFieldsToBody,
	optionalIdentifier,
	successOutput,
	wholeNumber,
	ymd,
} from '../../lib/common';
import { operation } from '../../lib/operation';

const show = showFor('profile')(['upsert']);

const GENDERS = [
	{ name: 'Female', value: 'f' },
	{ name: 'Male', value: 'm' },
];

/** Plain text fields of Additional Fields: parameter name → PersonaClick key. */
const TEXT_FIELDS: Record<string, string> = {
	appleAdvertisingId: 'apple_advertising_id',
	fbId: 'fb_id',
	firstName: 'first_name',
	googleAdvertisingId: 'google_advertising_id',
	lastName: 'last_name',
	location: 'location',
	vkId: 'vk_id',
	yandexId: 'yandex_id',
};

/** Extra identifiers of Additional Fields: parameter name → identifier key. */
const IDENTIFIER_FIELDS: Record<string, IdentifierKey> = {
	email: 'email',
	externalId: 'external_id',
	loyaltyId: 'loyalty_id',
	phone: 'phone',
	telegramId: 'telegram_id',
};

const LABELS: Record<string, string> = {
	email: 'Email',
	externalId: 'External ID',
	loyaltyId: 'Loyalty ID',
	phone: 'Phone',
	telegramId: 'Telegram ID',
};

const field = (label: string) => `Additional Fields → ${label}`;

/** Additional Fields into the body: only fields that were added and have a value. */
async function profileFieldsToBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const fields = (this.getNodeParameter('additionalFields', {}) ?? {}) as IDataObject;
	const body = bodyOf(options);
	for (const [parameter, key] of Object.entries(IDENTIFIER_FIELDS)) {
		const value = optionalIdentifier(this, key, fields[parameter], field(LABELS[parameter]));
		if (value === undefined) continue;
		if (key in body && body[key] !== value) {
			fail(this, field(LABELS[parameter]), `the Identifier already gives ${key} "${String(body[key])}"`);
		}
		body[key] = value;
	}
	for (const [parameter, key] of Object.entries(TEXT_FIELDS)) {
		if (!isEmpty(fields[parameter])) body[key] = String(fields[parameter]).trim();
	}
	if (!isEmpty(fields.gender)) {
		const gender = String(fields.gender).trim().toLowerCase();
		if (gender !== 'm' && gender !== 'f') fail(this, field('Gender'), `"${String(fields.gender)}" is not m or f`);
		body.gender = gender;
	}
	const birthday = ymd(this, fields.birthday, field('Birthday'));
	if (birthday) body.birthday = birthday;
	if (!isEmpty(fields.age)) body.age = wholeNumber(this, fields.age, field('Age'));

	const kids = ((fields.kids as IDataObject | undefined)?.kid ?? []) as IDataObject[];
	if (Array.isArray(kids) && kids.length > 0) {
		body.kids = kids.map((kid, index) => {
			const label = field(`Kids → Kid ${index + 1}`);
			const result: IDataObject = {};
			if (!isEmpty(kid.gender)) {
				const gender = String(kid.gender).trim().toLowerCase();
				if (gender !== 'm' && gender !== 'f') fail(this, label, `gender "${String(kid.gender)}" is not m or f`);
				result.gender = gender;
			}
			const kidBirthday = ymd(this, kid.birthday, label);
			if (kidBirthday) result.birthday = kidBirthday;
			if (Object.keys(result).length === 0) fail(this, label, 'set a gender or a birthday');
			return result;
		});
	}
	const cars = ((fields.auto as IDataObject | undefined)?.car ?? []) as IDataObject[];
	if (Array.isArray(cars) && cars.length > 0) {
		body.auto = cars.map((car, index) => {
			const result: IDataObject = {};
			for (const key of ['brand', 'model', 'vds']) {
				if (!isEmpty(car[key])) result[key] = String(car[key]).trim();
			}
			if (Object.keys(result).length === 0) fail(this, field(`Cars → Car ${index + 1}`), 'set a brand, model or VIN');
			return result;
		});
	}
	return options;
}

const text = (displayName: string, name: string, description: string, placeholder?: string) =>
	textProperty(displayName, name, { description, placeholder });

export const upsertOperation: ResourceOperation = {
	option: operation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a customer profile',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		method: 'POST',
		url: '/profile/set',
		preSend: [
			identifierFrom(ALL_IDENTIFIERS),
			profileFieldsToBody,
			namedFieldsToBody({
				pairs: 'customProperties.property',
				pairsLabel: 'Custom Properties',
				json: 'customPropertiesJson',
				jsonLabel: 'Custom Properties (JSON)',
			}),
		],
		output: { transform: successOutput },
		retrySafe: true,
	}),
	fields: [
		...identifierProperties(show, ALL_IDENTIFIERS, 'the profile (created when no profile has it)'),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Profile fields to set; fields not added are left as they are',
			displayOptions: show,
			options: [
				{
					displayName: 'Age',
					name: 'age',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 0, numberPrecision: 0 },
					description: 'Age in years',
				},
				text('Apple Advertising ID', 'appleAdvertisingId', 'The Apple advertising identifier (IDFA)'),
				{
					displayName: 'Birthday',
					name: 'birthday',
					type: 'dateTime',
					default: '',
					description: 'Date of birth (its date is sent, YYYY-MM-DD)',
				},
				{
					displayName: 'Cars',
					name: 'auto',
					type: 'fixedCollection',
					placeholder: 'Add Car',
					default: {},
					typeOptions: { multipleValues: true },
					description: 'The customer’s cars (sent as auto[])',
					options: [
						{
							displayName: 'Car',
							name: 'car',
							values: [
								text('Brand', 'brand', 'Car brand', 'e.g. Nissan'),
								text('Model', 'model', 'Car model', 'e.g. Qashqai'),
								text('VIN', 'vds', 'Vehicle identification number (sent as vds)'),
							],
						},
					],
				},
				text('Email', 'email', 'An email to add to the profile (another identifier)', 'name@email.com'),
				text('External ID', 'externalId', 'Your store’s own ID of the user (another identifier)'),
				text('Facebook ID', 'fbId', 'The customer’s Facebook ID'),
				text('First Name', 'firstName', 'First name'),
				{
					displayName: 'Gender',
					name: 'gender',
					type: 'options',
					options: GENDERS,
					default: 'f',
					description: 'Gender (sent as m or f)',
				},
				text('Google Advertising ID', 'googleAdvertisingId', 'The Google advertising identifier (GAID)'),
				{
					displayName: 'Kids',
					name: 'kids',
					type: 'fixedCollection',
					placeholder: 'Add Kid',
					default: {},
					typeOptions: { multipleValues: true },
					description: 'The customer’s children (sent as kids[])',
					options: [
						{
							displayName: 'Kid',
							name: 'kid',
							values: [
								{
									displayName: 'Birthday',
									name: 'birthday',
									type: 'dateTime',
									default: '',
									description: 'Date of birth (its date is sent, YYYY-MM-DD)',
								},
								{
									displayName: 'Gender',
									name: 'gender',
									type: 'options',
									options: [...GENDERS, { name: 'Not Set', value: '' }],
									default: '',
									description: 'Gender (sent as m or f; Not Set sends none)',
								},
							],
						},
					],
				},
				text('Last Name', 'lastName', 'Last name'),
				text('Location', 'location', 'The current city: a location ID from your product feed'),
				text('Loyalty ID', 'loyaltyId', 'The loyalty program ID (another identifier)'),
				text('Phone', 'phone', 'A phone to add to the profile, in international format (another identifier)', 'e.g. +15550100000'),
				text('Telegram ID', 'telegramId', 'The Telegram ID (another identifier)'),
				text('VK ID', 'vkId', 'The customer’s VK ID'),
				text('Yandex ID', 'yandexId', 'The Yandex advertising identifier'),
			],
		},
		{
			displayName: 'Custom Properties',
			name: 'customProperties',
			type: 'fixedCollection',
			placeholder: 'Add Custom Property',
			default: {},
			typeOptions: { multipleValues: true },
			description:
				'Custom properties created in your PersonaClick account. Names are lowercase letters, digits and _ (e.g. vip_tier).',
			displayOptions: show,
			options: [
				{
					displayName: 'Property',
					name: 'property',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. vip_tier' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Custom Properties (JSON)',
			name: 'customPropertiesJson',
			type: 'json',
			default: '',
			placeholder: '{ "vip_tier": "gold", "favourite_sizes": ["M", "L"] }',
			description:
				'Custom properties as a JSON object, for typed values (numbers, lists, objects). Added to the ones above; a name may appear only once.',
			displayOptions: show,
		},
	],
};
