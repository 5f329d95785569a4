import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { fail, setBodyPath } from '../../../shared';

const CHANNELS = [
	{ name: 'Email', key: 'email' },
	{ name: 'Mobile Push', key: 'mobile_push' },
	{ name: 'SMS', key: 'sms' },
	{ name: 'Web Push', key: 'web_push' },
] as const;

const CAMPAIGN_TYPES = [
	{ name: 'Bulk', key: 'bulk', about: 'bulk (mass) campaigns' },
	{ name: 'Chain', key: 'chain', about: 'chain (triggered) campaigns' },
	{
		name: 'Transactional',
		key: 'transactional',
		about: 'transactional messages (PersonaClick recommends keeping these subscribed)',
	},
] as const;

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Every manage flag: the parameter name inside the collection and PersonaClick's body key. */
export const CHANNEL_FLAGS = CHANNELS.flatMap((channel) =>
	CAMPAIGN_TYPES.map((type) => ({
		displayName: `${channel.name} ${type.name}`,
		name: camel(`${channel.key}_${type.key}`),
		key: `${channel.key}_${type.key}`,
		description: `Whether to subscribe the contact to ${channel.name} ${type.about}, or unsubscribe it`,
	})),
);

const SUBSCRIBE = 'subscribe';
const UNSUBSCRIBE = 'unsubscribe';
const UNCHANGED = 'unchanged';

const CHOICES: INodePropertyOptions[] = [
	{ name: 'Subscribe', value: SUBSCRIBE, description: 'Sends true' },
	{ name: 'Unsubscribe', value: UNSUBSCRIBE, description: 'Sends false' },
	{ name: "Don't Change", value: UNCHANGED, description: 'Sends nothing for this flag (handy in expressions)' },
];

export const CHANNEL_FLAGS_PARAMETER = 'channelFlags';
const LABEL = 'Channel Subscriptions';

/**
 * The manage flags as a collection: a flag the user did not add is never sent, so it can never
 * unsubscribe anyone. An added flag is Subscribe (true), Unsubscribe (false) or Don't Change.
 */
export function channelFlagsProperty(displayOptions: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: LABEL,
		name: CHANNEL_FLAGS_PARAMETER,
		type: 'collection',
		placeholder: 'Add Channel',
		default: {},
		description:
			'The subscriptions to change. Only the channels added here are sent; every other subscription stays as it is.',
		displayOptions,
		options: CHANNEL_FLAGS.map((flag) => ({
			displayName: flag.displayName,
			name: flag.name,
			type: 'options',
			options: CHOICES,
			default: SUBSCRIBE,
			description: flag.description,
		})),
	};
}

/** What an added flag sends: true, false, or nothing. Expressions may also give booleans. */
function flagValue(value: unknown): boolean | null | undefined {
	if (value === true || value === SUBSCRIBE || value === 'true') return true;
	if (value === false || value === UNSUBSCRIBE || value === 'false') return false;
	if (value === UNCHANGED || value === '' || value === null || value === undefined) return null;
	return undefined;
}

/** Puts the added flags into the body as booleans; no flag to change is an input error. */
export async function channelFlagsToBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const chosen = (this.getNodeParameter(CHANNEL_FLAGS_PARAMETER, {}) ?? {}) as IDataObject;
	let sent = 0;
	for (const flag of CHANNEL_FLAGS) {
		if (!(flag.name in chosen)) continue;
		const value = flagValue(chosen[flag.name]);
		if (value === undefined) {
			fail(
				this,
				`${LABEL} → ${flag.displayName}`,
				`"${String(chosen[flag.name])}" is not subscribe, unsubscribe, unchanged, true or false`,
			);
		}
		if (value === null) continue;
		setBodyPath(options, flag.key, value);
		sent += 1;
	}
	if (sent === 0) {
		fail(
				this,
				LABEL,
			'add at least one channel set to Subscribe or Unsubscribe; PersonaClick refuses a change with no flags',
		);
	}
	return options;
}
