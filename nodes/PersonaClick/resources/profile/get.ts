import { outputModeProperties, outputModeTransform, showFor, type ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import { ALL_IDENTIFIERS, identifierProperties } from '../../lib/common';
import { operation } from '../../lib/operation';

const show = showFor('profile')(['get']);

/** What Output → Simplified keeps of a profile. */
const SIMPLIFIED = [
	'email',
	'phone',
	'first_name',
	'last_name',
	'gender',
	'birthday',
	'location',
	'loyalty_id',
	'telegram_id',
	'tags',
	'custom_properties',
];

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a customer profile',
		description: 'Get the full profile of a customer (names, contacts, tags, custom properties, orders)',
		method: 'GET',
		url: '/profile',
		preSend: [identifierFrom(ALL_IDENTIFIERS)],
		output: { transform: outputModeTransform(SIMPLIFIED) },
	}),
	fields: [
		...identifierProperties(show, ALL_IDENTIFIERS, 'the profile'),
		...outputModeProperties(show),
	],
};
