import type { IDataObject } from 'n8n-workflow';

import { fingerprint } from '../../shared/trigger';

/** Where one TalkBox Trigger event comes from, and how its records are told apart. */
export interface EventSource {
	/** List endpoint below the baseUrl. */
	url: string;
	/** The query parameter taking the ISO-8601 lower bound (exclusive). */
	afterParam: string;
	/** The query parameter taking the ISO-8601 upper bound (exclusive), on the same time as `afterParam`. */
	beforeParam: string;
	/** Whether the endpoint is paged with page/per_page (GET /surveys is not). */
	paged: boolean;
	/** Only records this keeps are the event's. */
	keep?: (record: IDataObject) => boolean;
	/** The dedupe key of a record. */
	key: (record: IDataObject) => string;
	/** The record's time for "newest" ordering. */
	time: (record: IDataObject) => string;
}

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export const TALKBOX_EVENTS: Record<string, EventSource> = {
	contactCreated: {
		url: '/contact',
		afterParam: 'created_after',
		beforeParam: 'created_before',
		paged: true,
		key: (record) => `contact:${str(record.id)}`,
		time: (record) => str(record.created_at),
	},
	contactUpdated: {
		url: '/contact',
		afterParam: 'updated_after',
		beforeParam: 'updated_before',
		paged: true,
		key: (record) =>
			record.updated_at ? `contact:${str(record.id)}@${str(record.updated_at)}` : `contact#${fingerprint(record)}`,
		time: (record) => str(record.updated_at ?? record.created_at),
	},
	subscriptionCreated: {
		url: '/subscriptions',
		afterParam: 'created_after',
		beforeParam: 'created_before',
		paged: true,
		keep: (record) => record.subscribed === true,
		key: (record) => `subscription:${str(record.id)}`,
		time: (record) => str(record.created_at),
	},
	unsubscriptionCreated: {
		url: '/subscriptions',
		afterParam: 'created_after',
		beforeParam: 'created_before',
		paged: true,
		keep: (record) => record.subscribed === false,
		key: (record) => `subscription:${str(record.id)}`,
		time: (record) => str(record.created_at),
	},
	voucherIssued: {
		url: '/vouchers',
		afterParam: 'issued_after',
		beforeParam: 'issued_before',
		paged: true,
		key: (record) => `voucher:${str(record.url)}`,
		time: (record) => str(record.created_at),
	},
	voucherRedeemed: {
		url: '/vouchers',
		afterParam: 'redeemed_after',
		beforeParam: 'redeemed_before',
		paged: true,
		keep: (record) => Boolean(record.redeemed_at),
		key: (record) => `voucher:${str(record.url)}@${str(record.redeemed_at)}`,
		time: (record) => str(record.redeemed_at),
	},
	surveyResponseCreated: {
		url: '/surveys',
		afterParam: 'from',
		beforeParam: 'to',
		paged: false,
		key: (record) => `survey:${str(record.id)}`,
		time: (record) => str(record.created_at),
	},
};

/** Milliseconds of a record time (TalkBox writes offsets like `T10:00`, too), NaN when unreadable. */
export function timeOf(value: string): number {
	const normalized = value.replace(/(T\d{2}:\d{2}(:\d{2})?)T(\d{2}:\d{2})$/, '$1+$3').replace(' ', 'T');
	return Date.parse(normalized);
}
