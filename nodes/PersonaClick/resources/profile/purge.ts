import { showFor, type ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import { ALL_IDENTIFIERS, identifierProperties, successOutput } from '../../lib/common';
import { operation } from '../../lib/operation';

const show = showFor('profile')(['purge']);

export const purgeOperation: ResourceOperation = {
	option: operation({
		name: 'Purge',
		value: 'purge',
		action: 'Purge the personal data of a profile',
		description:
			'GDPR erasure: permanently blanks the contacts, names, IDs and custom properties of a profile. Cannot be undone.',
		method: 'DELETE',
		url: '/profile/purge',
		preSend: [identifierFrom(ALL_IDENTIFIERS)],
		output: { transform: successOutput },
	}),
	fields: [
		{
			displayName:
				'Purge is irreversible: PersonaClick blanks the email, phone, names, loyalty ID, external ID and custom properties of the profile. Purging it again answers "Profile not found".',
			name: 'purgeNotice',
			type: 'notice',
			default: '',
			displayOptions: show,
		},
		...identifierProperties(show, ALL_IDENTIFIERS, 'the profile to purge'),
	],
};
