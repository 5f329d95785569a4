import { outputModeProperties, outputModeTransform, showFor, type OutputSpec, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { personOutput, personPath } from './person';

/** What Output → Simplified keeps of a person. */
export const PERSON_SIMPLIFIED_KEYS = [
	'email',
	'first_name',
	'last_name',
	'username',
	'customer_id',
	'phone_number',
	'sub_choice',
	'unsubscribed_at',
	'custom_properties',
	'referral_counts',
	'reward_counts',
	'personal_claim_url',
];

const simplifiedPerson = outputModeTransform(PERSON_SIMPLIFIED_KEYS);
const personGetOutput: OutputSpec = {
	transform(records) {
		return simplifiedPerson.call(this, personOutput.transform!.call(this, records));
	},
};

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a person',
		description: 'Retrieve a person by email, phone number, customer ID or username',
		method: 'GET',
		url: '/people',
		preSend: [personPath(), siteSlug],
		output: personGetOutput,
	}),
	fields: outputModeProperties(showFor('person')(['get'])),
};
