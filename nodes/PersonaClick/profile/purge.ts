import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationFactory, showFor } from '../../shared';
import { identifierFrom } from '../checks';
import { ALL_IDENTIFIERS, identifierProperties, successOutput } from '../common';
import { personaClick } from '../profile';

const operation = operationFactory(personaClick);
const show = showFor('profile')(['purge']);

export const purgeOperation: INodePropertyOptions = operation({
	name: 'Purge',
	value: 'purge',
	action: 'Purge the personal data of a profile',
	description:
		'GDPR erasure: permanently blanks the contacts, names, IDs and custom properties of a profile. Cannot be undone.',
	method: 'DELETE',
	url: '/profile/purge',
	preSend: [identifierFrom(ALL_IDENTIFIERS)],
	output: { transform: successOutput },
});

export const purgeFields: INodeProperties[] = [
	{
		displayName:
			'Purge is irreversible: PersonaClick blanks the email, phone, names, loyalty ID, external ID and custom properties of the profile. Purging it again answers "Profile not found".',
		name: 'purgeNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	...identifierProperties(show, ALL_IDENTIFIERS, 'the profile to purge'),
];
