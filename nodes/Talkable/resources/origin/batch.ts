/** Talkable's (experimental, asynchronous) batches: the request's limits, its output and its fields. */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../shared';

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

export const batch = { path: 'data', maxItems: BATCH_MAX_ITEMS, maxBytes: BATCH_MAX_BYTES, itemResult: batchItemResult };

const BATCH_OPERATIONS = ['createAffiliateMemberBatch', 'createEventBatch', 'createPurchaseBatch'];

/** Shown first by the batch operations. */
export const batchNoticeProperty: INodeProperties = {
	displayName:
		`Each input item is one record of the batch (up to ${BATCH_MAX_ITEMS} per request). Talkable's batch API is experimental and asynchronous: it accepts the whole batch with {"ok": true} and validates and creates the records later, so it reports no per-row errors. An output item of success only means "accepted".`,
	name: 'batchNotice',
	type: 'notice',
	default: '',
	displayOptions: show(BATCH_OPERATIONS),
};

/** Shown last by the batch operations. */
export const createOffersProperty: INodeProperties = {
	displayName: 'Create Offers',
	name: 'createOffers',
	type: 'boolean',
	default: false,
	description:
		'Whether Talkable should also create advocate offers for the records. The API is asynchronous and reports no per-row errors.',
	displayOptions: show(BATCH_OPERATIONS),
	routing: { send: { type: 'body', property: 'create_offers' } },
};
