/** User → Get (GET /user): a profile by email, Sailthru ID, cookie, SMS number or another key. */
import { outputModeProperties, outputModeTransform, requireValue, showFor, type ResourceOperation } from '../../../shared';
import { fieldsToReturnProperty, keyProperty } from './fields';
import { buildUserParameters } from './parameters';
import { operation } from '../../lib/operation';

const show = showFor('user');

/** What the Simplified output of Get keeps: who the user is, their data, lists and opt-out. */
const SIMPLIFIED_USER_FIELDS = ['keys', 'vars', 'lists', 'optout_email', 'engagement'];

export const getOperation: ResourceOperation = {
	option: operation({
		name: 'Get',
		value: 'get',
		action: 'Get a user',
		description: 'Retrieve a user profile by email, Sailthru ID, cookie, SMS number or another key',
		method: 'GET',
		url: '/user',
		preSend: [requireValue('id', 'ID'), buildUserParameters('get')],
		output: { transform: outputModeTransform(SIMPLIFIED_USER_FIELDS) },
	}),
	fields: [
		keyProperty(['email', 'extid', 'fb', 'cookie', 'sid', 'sms', 'twitter'], show(['get'])),
		fieldsToReturnProperty(show(['get'])),
		...outputModeProperties(show(['get'])),
	],
};
