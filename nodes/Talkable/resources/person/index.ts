import { defineResource, listProperties, rawResponseProperty, requiredText, showFor, type NodeResource } from '../../../shared';
import { anonymizeOperation } from './anonymize';
import { getOperation } from './get';
import { getPersonalDataOperation } from './getPersonalData';
import { getReferralsAsAdvocateOperation } from './getReferralsAsAdvocate';
import { getReferralsAsFriendOperation } from './getReferralsAsFriend';
import { getRewardsOperation } from './getRewards';
import { getSharesOperation } from './getShares';
import { LIST_OPERATIONS } from './person';
import { unsubscribeOperation } from './unsubscribe';
import { upsertOperation } from './upsert';

const show = showFor('person');

export const personResource: NodeResource = defineResource({
	name: 'Person',
	value: 'person',
	operations: [
		anonymizeOperation,
		upsertOperation,
		getOperation,
		getPersonalDataOperation,
		getReferralsAsAdvocateOperation,
		getReferralsAsFriendOperation,
		getRewardsOperation,
		getSharesOperation,
		unsubscribeOperation,
	],
	defaultOperation: getOperation,
	fields: [
		requiredText('Person', 'personSlug', 'customer@example.com', 'Email, phone number (E.164), customer ID or username of the person (Talkable calls it the person slug). Create or Update needs an email here or in Email.', { show: { resource: ['person'] } }),
		...listProperties(show(LIST_OPERATIONS)),
		rawResponseProperty(show(LIST_OPERATIONS)),
	],
});
