/**
 * Origins: purchases, events and affiliate members (sign-ups), one at a time, in the generic
 * form, or in Talkable's (experimental, asynchronous) batches.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared';
import { operation, single, type TalkableResource } from '../common';
import { siteSlug } from '../siteSlug';
import { buildOrigin, originDataProperties } from './fields';

const show = showFor('origin');

/**
 * Talkable documents no maximum for its batch endpoints; 1000 records (and at most 5 MB of JSON)
 * per request keeps each request well below any proxy body limit.
 */
export const BATCH_MAX_ITEMS = 1000;
const BATCH_MAX_BYTES = 5_000_000;

const IDENTIFYING_KEYS = ['email', 'order_number', 'event_category', 'event_number'];

/** A batch answers `{ok:true}` for all: each item says it was accepted, with its own keys. */
function batchItemResult(_payload: unknown, _index: number, record: unknown) {
	const json: IDataObject = { success: true };
	for (const key of IDENTIFYING_KEYS) {
		const value = (record as IDataObject | undefined)?.[key];
		if (value !== undefined) json[key] = value;
	}
	return { json };
}

const batch = { path: 'data', maxItems: BATCH_MAX_ITEMS, maxBytes: BATCH_MAX_BYTES, itemResult: batchItemResult };

const BATCH_OPERATIONS = ['createAffiliateMemberBatch', 'createEventBatch', 'createPurchaseBatch'];

const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['origin'] } },
	options: [
		operation({
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
		operation({
			name: 'Create Affiliate Member',
			value: 'createAffiliateMember',
			action: 'Create an affiliate member',
			description: 'Register a sign-up (affiliate member origin) and create an advocate offer for it',
			method: 'POST',
			url: '/origins/affiliate_member',
			preSend: [buildOrigin('AffiliateMember'), siteSlug],
			output: single(),
			retrySafe: false,
		}),
		operation({
			name: 'Create Affiliate Members (Batch)',
			value: 'createAffiliateMemberBatch',
			action: 'Create affiliate members in a batch',
			description: 'Send the input items as one batch of affiliate members (experimental, asynchronous)',
			method: 'POST',
			url: '/origins/batch/affiliate_members',
			preSend: [buildOrigin('AffiliateMember'), siteSlug],
			batch,
			retrySafe: false,
		}),
		operation({
			name: 'Create Event',
			value: 'createEvent',
			action: 'Create an event',
			description: 'Register an event (e.g. a subscription) and create an advocate offer for it',
			method: 'POST',
			url: '/origins/event',
			preSend: [buildOrigin('Event'), siteSlug],
			output: single(),
			retrySafe: true,
		}),
		operation({
			name: 'Create Events (Batch)',
			value: 'createEventBatch',
			action: 'Create events in a batch',
			description: 'Send the input items as one batch of events (experimental, asynchronous)',
			method: 'POST',
			url: '/origins/batch/events',
			preSend: [buildOrigin('Event'), siteSlug],
			batch,
			retrySafe: true,
		}),
		operation({
			name: 'Create Purchase',
			value: 'createPurchase',
			action: 'Create a purchase',
			description: 'Register a purchase: it can complete a referral and creates an advocate offer',
			method: 'POST',
			url: '/origins/purchase',
			preSend: [buildOrigin('Purchase'), siteSlug],
			output: single(),
			retrySafe: true,
		}),
		operation({
			name: 'Create Purchases (Batch)',
			value: 'createPurchaseBatch',
			action: 'Create purchases in a batch',
			description: 'Send the input items as one batch of purchases (experimental, asynchronous)',
			method: 'POST',
			url: '/origins/batch/purchases',
			preSend: [buildOrigin('Purchase'), siteSlug],
			batch,
			retrySafe: true,
		}),
	],
	default: 'createPurchase',
};

const fields: INodeProperties[] = [
	{
		displayName:
			`Each input item is one record of the batch (up to ${BATCH_MAX_ITEMS} per request). Talkable's batch API is experimental and asynchronous: it accepts the whole batch with {"ok": true} and validates and creates the records later, so it reports no per-row errors. An output item of success only means "accepted".`,
		name: 'batchNotice',
		type: 'notice',
		default: '',
		displayOptions: show(BATCH_OPERATIONS),
	},
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
		displayOptions: show(['create']),
	},
	...originDataProperties,
	{
		displayName: 'Create Offers',
		name: 'createOffers',
		type: 'boolean',
		default: false,
		description:
			'Whether Talkable should also create advocate offers for the records. The API is asynchronous and reports no per-row errors.',
		displayOptions: show(BATCH_OPERATIONS),
		routing: { send: { type: 'body', property: 'create_offers' } },
	},
];

export const originResource: TalkableResource = {
	option: { name: 'Origin', value: 'origin', description: 'Purchases, events and affiliate members' },
	properties: [operations, ...fields],
};
