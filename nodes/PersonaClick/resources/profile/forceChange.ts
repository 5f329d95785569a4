/**
 * The three Force Change operations (email, external ID, phone): one builder (each operation's
 * file gives its kind), and the notice and confirmation the three share.
 */
import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { fail, showFor, type ResourceOperation } from '../../../shared';
import { checkedIdentifier, type IdentifierKey } from '../../lib/checks';
import { bodyOf, successOutput } from '../../lib/common';
import { operation } from '../../lib/operation';

const FORCE_CHANGES = ['forceChangeEmail', 'forceChangeExternalId', 'forceChangePhone'] as const;

export interface ForceChangeKind {
	operation: (typeof FORCE_CHANGES)[number];
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

/** One Force Change operation: the old and new values of its kind. */
export function forceChangeOperation(kind: ForceChangeKind): ResourceOperation {
	const show = showFor('profile')([kind.operation]);
	const title = kind.what === 'external ID' ? 'External ID' : kind.what.charAt(0).toUpperCase() + kind.what.slice(1);
	return {
		option: operation({
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
		fields: [
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
		],
	};
}

const allForceChanges = showFor('profile')([...FORCE_CHANGES]);

/** The warning every Force Change operation shows first (one of the resource's fields, index.ts). */
export const forceChangeNotice: INodeProperties = {
	displayName:
		'Dangerous: this bypasses PersonaClick’s identity merging and changes more than one profile. Any other profile that already has the new value loses it. PersonaClick advises against it; it is never retried automatically.',
	name: 'forceChangeNotice',
	type: 'notice',
	default: '',
	displayOptions: allForceChanges,
};

const forceChangeConfirmation: INodeProperties = {
	displayName: 'I Understand the Consequences',
	name: CONFIRM_PARAMETER,
	type: 'boolean',
	required: true,
	default: false,
	description:
		'Whether to confirm the forced change (sends i_understand_what_i_am_doing). Without it nothing is sent and the item fails.',
	displayOptions: allForceChanges,
};

/**
 * The three Force Change operations, in Operation-dropdown order, with the one confirmation all
 * three show after their own Old and New values: it is listed after the last one's fields.
 */
export function withForceChangeConfirmation(operations: ResourceOperation[]): ResourceOperation[] {
	const last = operations[operations.length - 1];
	return [...operations.slice(0, -1), { ...last, fields: [...(last.fields ?? []), forceChangeConfirmation] }];
}
