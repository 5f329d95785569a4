import { requireValue, showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { memberPath } from './member';

const show = showFor('loyaltyMember');

/** Also shows the points notice (points.ts). */
export const adjustPointsOperation: ResourceOperation = {
	option: operation({
		name: 'Adjust Points',
		value: 'adjustPoints',
		action: 'Adjust the points of a loyalty member',
		description: 'Add or remove points by hand (a negative number removes points)',
		method: 'POST',
		url: '/loyalty/members',
		preSend: [memberPath('/manual_adjustment_actions'), requireValue('points', 'Points'), siteSlug],
		output: single(),
		retrySafe: false,
	}),
	fields: [
		{
			displayName: 'Points',
			name: 'points',
			type: 'number',
			required: true,
			default: 0,
			typeOptions: { numberPrecision: 0 },
			description: 'Points to add; a negative number removes points. The balance must stay within its range.',
			displayOptions: show(['adjustPoints']),
			routing: { send: { type: 'body', property: 'data.points' } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: show(['adjustPoints']),
			options: [
				{
					displayName: 'Description',
					name: 'description',
					type: 'string',
					default: '',
					description: 'Why the points were adjusted',
					routing: { send: { type: 'body', property: 'data.description' } },
				},
			],
		},
	],
};
