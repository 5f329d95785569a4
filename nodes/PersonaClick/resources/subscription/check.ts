import { showFor, type ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import { CONTACT_IDENTIFIERS, identifierProperties } from '../../lib/common';
import { operation } from '../../lib/operation';

export const checkOperation: ResourceOperation = {
	option: operation({
		name: 'Check',
		value: 'check',
		action: 'Check the subscriptions of a contact',
		description: 'Get the current subscription status of a contact by email or phone',
		method: 'GET',
		url: '/subscriptions/check',
		preSend: [identifierFrom(['email', 'phone'])],
	}),
	fields: identifierProperties(showFor('subscription')(['check']), CONTACT_IDENTIFIERS),
};
