import { showFor, type ResourceOperation } from '../../../shared';
import { single } from '../../lib/common';
import { operation } from '../../lib/operation';
import { siteSlug } from '../../lib/siteSlug';
import { buildOrigin } from './data';
import { createDataProperties } from './fields';

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create an origin of any type',
		description: 'Create a purchase, event or affiliate member through the generic endpoint',
		method: 'POST',
		url: '/origins',
		preSend: [buildOrigin(), siteSlug],
		output: single(),
		retrySafe: false,
	}),
	fields: [
		{
			displayName: 'Type',
			name: 'originType',
			type: 'options',
			required: true,
			default: 'Purchase',
			options: [
				{ name: 'Affiliate Member', value: 'AffiliateMember', description: 'A sign-up' },
				{ name: 'Event', value: 'Event', description: 'Any other conversion, identified by category and number' },
				{ name: 'Purchase', value: 'Purchase', description: 'An order, identified by its order number' },
			],
			description: 'The kind of origin to create',
			displayOptions: showFor('origin')(['create']),
		},
		...createDataProperties,
	],
};
