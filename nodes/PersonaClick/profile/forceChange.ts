import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
	PreSendAction,
} from 'n8n-workflow';

import { fail, operationFactory, showFor } from '../../shared';
import { checkedIdentifier, type IdentifierKey } from '../checks';
import { bodyOf, successOutput } from '../common';
import { personaClick } from '../profile';

const operation = operationFactory(personaClick);

interface ForceChangeKind {
	operation: 'forceChangeEmail' | 'forceChangePhone' | 'forceChangeExternalId';
	name: string;
	what: string;
	url: string;
	key: IdentifierKey;
	/** Body keys old_… / new_… */
	bodyKey: string;
	/** Parameter names. */
	oldParameter: string;
	newParameter: string;
	placeholder: string;
}

const KINDS: ForceChangeKind[] = [
	{
		operation: 'forceChangeEmail',
		name: 'Force Change Email',
		what: 'email',
		url: '/profile/force_change_email',
		key: 'email',
		bodyKey: 'email',
		oldParameter: 'oldEmail',
		newParameter: 'newEmail',
		placeholder: 'name@email.com',
	},
	{
		operation: 'forceChangeExternalId',
		name: 'Force Change External ID',
		what: 'external ID',
		url: '/profile/force_change_id',
		key: 'external_id',
		bodyKey: 'external_id',
		oldParameter: 'oldExternalId',
		newParameter: 'newExternalId',
		placeholder: 'e.g. cust-1001',
	},
	{
		operation: 'forceChangePhone',
		name: 'Force Change Phone',
		what: 'phone',
		url: '/profile/force_change_phone',
		key: 'phone',
		bodyKey: 'phone',
		oldParameter: 'oldPhone',
		newParameter: 'newPhone',
		placeholder: 'e.g. +15550100000',
	},
];

export const CONFIRM_PARAMETER = 'confirmForceChange';

/** The old and new values, checked for their kind, and the flag only when the user ticked it. */
function forceChangeBody(kind: ForceChangeKind): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const capital = kind.what.charAt(0).toUpperCase() + kind.what.slice(1);
		const label = (prefix: string) => `${prefix} ${kind.what === 'external ID' ? 'External ID' : capital}`;
		const oldValue = checkedIdentifier(this, kind.key, this.getNodeParameter(kind.oldParameter, ''), label('Old'));
		const newValue = checkedIdentifier(this, kind.key, this.getNodeParameter(kind.newParameter, ''), label('New'));
		if (oldValue === newValue) fail(this, label('New'), `it is the same as the old ${kind.what}`);
		if (this.getNodeParameter(CONFIRM_PARAMETER, false) !== true) {
			fail(
				this,
				'I Understand the Consequences',
				`tick it to force the change: another profile that has ${newValue} loses its ${kind.what}`,
			);
		}
		const body = bodyOf(options);
		body[`old_${kind.bodyKey}`] = oldValue;
		body[`new_${kind.bodyKey}`] = newValue;
		body.i_understand_what_i_am_doing = true;
		return options;
	};
}

export const forceChangeOperations: INodePropertyOptions[] = KINDS.map((kind) =>
	operation({
		name: kind.name,
		value: kind.operation,
		action: `Force change the ${kind.what} of a profile`,
		description: `Overwrite the ${kind.what} of a profile, bypassing identity merging. Another profile that has the new ${kind.what} loses it. Never retried automatically.`,
		method: 'POST',
		url: kind.url,
		preSend: [forceChangeBody(kind)],
		output: { transform: successOutput },
		retrySafe: false,
	}),
);

const allForceChanges = KINDS.map((kind) => kind.operation);

export const forceChangeFields: INodeProperties[] = [
	{
		displayName:
			'Dangerous: this bypasses PersonaClick’s identity merging and changes more than one profile. Any other profile that already has the new value loses it. PersonaClick advises against it; it is never retried automatically.',
		name: 'forceChangeNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('profile')(allForceChanges),
	},
	...KINDS.flatMap((kind): INodeProperties[] => {
		const show = showFor('profile')([kind.operation]);
		const title = kind.what === 'external ID' ? 'External ID' : kind.what.charAt(0).toUpperCase() + kind.what.slice(1);
		return [
			{
				displayName: `Old ${title}`,
				name: kind.oldParameter,
				type: 'string',
				required: true,
				default: '',
				placeholder: kind.placeholder,
				description: `The current ${kind.what} of the profile to change${kind.key === 'phone' ? ', in international format' : ''}`,
				displayOptions: show,
			},
			{
				displayName: `New ${title}`,
				name: kind.newParameter,
				type: 'string',
				required: true,
				default: '',
				placeholder: kind.placeholder,
				description: `The ${kind.what} to set. Another profile that has it loses it.`,
				displayOptions: show,
			},
		];
	}),
	{
		displayName: 'I Understand the Consequences',
		name: CONFIRM_PARAMETER,
		type: 'boolean',
		required: true,
		default: false,
		description:
			'Whether to confirm the forced change (sends i_understand_what_i_am_doing). Without it nothing is sent and the item fails.',
		displayOptions: showFor('profile')(allForceChanges),
	},
];
