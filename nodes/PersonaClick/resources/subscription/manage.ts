import { showFor, type ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import { ALL_IDENTIFIERS, identifierProperties } from '../../lib/common';
import { operation } from '../../lib/operation';
import { channelFlagsProperty, channelFlagsToBody } from './channelFlags';

const show = showFor('subscription')(['manage']);

export const manageOperation: ResourceOperation = {
	option: operation({
		name: 'Manage',
		value: 'manage',
		action: 'Change the subscriptions of a contact',
		description: 'Subscribe or unsubscribe a contact per channel and campaign type; channels not added stay unchanged',
		method: 'POST',
		url: '/subscriptions/manage',
		preSend: [identifierFrom(['email', 'phone', 'external_id', 'loyalty_id', 'telegram_id']), channelFlagsToBody],
	}),
	fields: [...identifierProperties(show, ALL_IDENTIFIERS), channelFlagsProperty(show)],
};
