import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationFactory, outputModeProperties, outputModeTransform, showFor } from '../../shared';
import { identifierFrom } from '../checks';
import { ALL_IDENTIFIERS, identifierProperties } from '../common';
import { personaClick } from '../profile';

const operation = operationFactory(personaClick);
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

export const getOperation: INodePropertyOptions = operation({
	name: 'Get',
	value: 'get',
	action: 'Get a customer profile',
	description: 'Get the full profile of a customer (names, contacts, tags, custom properties, orders)',
	method: 'GET',
	url: '/profile',
	preSend: [identifierFrom(ALL_IDENTIFIERS)],
	output: { transform: outputModeTransform(SIMPLIFIED) },
});

export const getFields: INodeProperties[] = [
	...identifierProperties(show, ALL_IDENTIFIERS, 'the profile'),
	...outputModeProperties(show),
];
