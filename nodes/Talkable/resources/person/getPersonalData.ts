import type { ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { personOutput, personPath } from './person';

export const getPersonalDataOperation: ResourceOperation = {
	option: operation({
		name: 'Get Personal Data',
		value: 'getPersonalData',
		action: 'Get the personal data of a person',
		description: 'Retrieve all personal data Talkable holds about a person (for data requests)',
		method: 'GET',
		url: '/people',
		preSend: [personPath('/personal_data'), siteSlug],
		output: personOutput,
	}),
};
