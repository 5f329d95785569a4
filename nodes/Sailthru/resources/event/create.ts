/** Event → Create (POST /event): a custom event for a user, to start Lifecycle Optimizer flows. */
import { fail, isPlausibleEmail, requiredText, showFor, type ResourceOperation } from '../../../shared';
import { callParameters, keyValueJson, keyValueJsonProperties, required, trimmed } from '../../lib/helpers';
import { operation } from '../../lib/operation';

const show = showFor('event');

/** Event names Sailthru keeps for itself (it answers HTTP 400 to them). */
export const RESERVED_EVENTS = ['send', 'cancel', 'open', 'click', 'purchase', 'daily'];

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Post a custom event',
		description: 'Post a custom event for a user, to start Lifecycle Optimizer flows',
		method: 'POST',
		url: '/event',
		retrySafe: false,
		preSend: [
			callParameters(function (read) {
				const id = required(this, read, 'id', 'ID');
				const event = required(this, read, 'event', 'Event Name');
				if (RESERVED_EVENTS.includes(event.toLowerCase())) {
					fail(this, 'Event Name', `"${event}" is reserved by Sailthru (${RESERVED_EVENTS.join(', ')}): choose another name`);
				}
				const key = trimmed(read('key', 'email'));
				if (key === 'email' && !isPlausibleEmail(id)) fail(this, 'ID', `"${id}" is not a valid email address (Key is Email)`);
				return {
					id,
					event,
					key: key === 'email' ? undefined : key,
					vars: keyValueJson(this, read, 'vars', 'Vars'),
				};
			}),
		],
	}),
	fields: [
		requiredText('ID', 'id', 'name@email.com', 'The user, identified by the key type chosen under Key', show(['create'])),
		{
			displayName: 'Key',
			name: 'key',
			type: 'options',
			default: 'email',
			description: 'What kind of value the ID is',
			options: [
				{ name: 'Email', value: 'email', description: 'Sailthru’s default (not sent)' },
				{ name: 'External ID', value: 'extid' },
				{ name: 'Sailthru ID (SID)', value: 'sid' },
				{ name: 'SMS Number', value: 'sms' },
			],
			displayOptions: show(['create']),
		},
		requiredText('Event Name', 'event', 'wishlist_add', 'Any name but the reserved send, cancel, open, click, purchase and daily', show(['create'])),
		...keyValueJsonProperties(
			{
				name: 'vars',
				displayName: 'Vars',
				description: 'Data about the event, usable in the flow and its templates',
				jsonExample: '{"url": "https://shop.example.com/p/1", "name": "Widget"}',
			},
			'event',
			['create'],
		),
	],
};
