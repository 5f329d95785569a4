/** User fields that Get and Create or Update both show, each at its own place in the operation. */
import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { FIELD_OPTIONS, NO_KEY } from './parameters';

/** Key types, as Sailthru names them; the cookie can only look a user up, never be set. */
const KEY_TYPES: Record<string, INodePropertyOptions> = {
	email: { name: 'Email', value: 'email', description: 'The user’s email address' },
	extid: { name: 'External ID', value: 'extid', description: 'Your own user ID (if extid lookup is enabled)' },
	fb: { name: 'Facebook ID', value: 'fb', description: 'If Facebook lookup is enabled' },
	cookie: { name: 'Horizon Cookie', value: 'cookie', description: 'The sailthru_hid cookie value' },
	sid: { name: 'Sailthru ID (SID)', value: 'sid', description: 'The unique Sailthru identifier of the profile' },
	sms: { name: 'SMS Number', value: 'sms', description: 'A phone number such as +15551234567 (if SMS is enabled)' },
	twitter: { name: 'Twitter Name', value: 'twitter', description: 'If Twitter lookup is enabled' },
};

const noKeyOption: INodePropertyOptions = {
	name: 'Not Sent (Sailthru Default)',
	value: NO_KEY,
	description: 'Send no key type: Sailthru uses its default (email)',
};

export const keyOptions = (types: string[]) => [...types.map((type) => KEY_TYPES[type]), noKeyOption];

/** Key: what kind of value the ID is, among the key types the operation takes. */
export const keyProperty = (types: string[], displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: 'Key',
	name: 'key',
	type: 'options',
	default: 'email',
	description: 'What kind of value the ID is',
	options: keyOptions(types),
	displayOptions,
});

/** Fields to Return: the parts of the profile Sailthru answers with. */
export const fieldsToReturnProperty = (displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: 'Fields to Return',
	name: 'fields',
	type: 'multiOptions',
	default: [],
	description:
		'The parts of the profile to return. None: Get returns keys, vars, lists, engagement and opt-out; Create or Update returns {"ok": true}.',
	options: FIELD_OPTIONS,
	displayOptions,
});
