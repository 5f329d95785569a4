import { showFor, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { personOutput, personPath } from './person';

export const anonymizeOperation: ResourceOperation = {
	option: operation({
		name: 'Anonymize',
		value: 'anonymize',
		action: 'Anonymize a person',
		description: 'Replace a person’s personal data with anonymous values (cannot be undone)',
		method: 'POST',
		url: '/people',
		preSend: [personPath('/anonymize'), siteSlug],
		output: personOutput,
	}),
	fields: [
		{
			displayName:
				'Anonymizing permanently replaces this person’s name, email and identifiers at Talkable. It cannot be undone.',
			name: 'anonymizeNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor('person')(['anonymize']),
		},
	],
};
