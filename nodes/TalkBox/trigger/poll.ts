import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { isoInstant, noDataError, pollState, serverTime, triggerRequest } from '../../shared/trigger';
import { talkBox } from '../../shared/vendors';
import { TALKBOX_EVENTS, timeOf, type EventSource } from './sources';

export const PAGE_SIZE = 100;
/** Each poll reads from `since` minus this, so records stamped late or by a skewed clock are not missed. */
export const OVERLAP_MS = 5 * 60_000;
const MANUAL_WINDOWS_MS = [3_600_000, 86_400_000, 7 * 86_400_000];
const MANUAL_LIMIT = 5;
/** A safety stop for a server that never sends a short page. */
const MAX_PAGES = 10_000;

export interface TalkBoxPollState {
	event: string;
	/** Start of the last successful poll (ISO-8601, the server's clock when it said). */
	since: string;
	/** Dedupe keys of the records that poll returned. */
	seen: string[];
}

/** Every record of the event's list from `afterMs` on, all pages; and the server's clock at the first answer. */
async function readAll(ctx: IPollFunctions, source: EventSource, afterMs: number) {
	const records: IDataObject[] = [];
	let serverNow: number | undefined;
	for (let page = 1; page <= MAX_PAGES; page++) {
		const qs: IDataObject = { [source.afterParam]: isoInstant(afterMs) };
		if (source.paged) Object.assign(qs, { page, per_page: PAGE_SIZE });
		const { body, headers } = await triggerRequest(ctx, talkBox, { method: 'GET', url: source.url, qs });
		if (page === 1) serverNow = serverTime(headers);
		if (!Array.isArray(body)) {
			throw new NodeOperationError(ctx.getNode(), `TalkBox answered GET ${source.url} with something other than a list`);
		}
		records.push(...(body as IDataObject[]));
		if (!source.paged || body.length < PAGE_SIZE) return { records: records.filter(source.keep ?? (() => true)), serverNow };
	}
	throw new NodeOperationError(ctx.getNode(), `TalkBox kept sending full pages of GET ${source.url}`);
}

const byTime = (source: EventSource) => (a: IDataObject, b: IDataObject) =>
	(timeOf(source.time(a)) || 0) - (timeOf(source.time(b)) || 0);

/** Manual test: the newest few records, looking back an hour, a day, then a week. No state. */
async function manualPoll(ctx: IPollFunctions, source: EventSource): Promise<INodeExecutionData[][]> {
	for (const window of MANUAL_WINDOWS_MS) {
		const { records } = await readAll(ctx, source, Date.now() - window);
		if (records.length === 0) continue;
		const timed = records.every((record) => !Number.isNaN(timeOf(source.time(record))));
		const newest = timed ? [...records].sort(byTime(source)).reverse() : [...records].reverse();
		return [newest.slice(0, MANUAL_LIMIT).map((json) => ({ json }))];
	}
	throw noDataError(ctx);
}

/**
 * One poll: records after the last poll's start (minus the overlap) whose key was not seen.
 * The first poll (activation) only records where it starts. The state is written after every
 * page has been read; a failure throws before that, so the next poll reads the same window.
 */
export async function pollTalkBox(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = ctx.getNodeParameter('event') as string;
	const source = TALKBOX_EVENTS[event];
	if (!source) throw new NodeOperationError(ctx.getNode(), `Unknown event "${event}"`);
	if (ctx.getMode() === 'manual') return await manualPoll(ctx, source);

	const state = pollState<TalkBoxPollState>(ctx, 'talkBoxTrigger');
	const previous = state.read();
	const startedAt = Date.now();
	const baseline = !previous || previous.event !== event;
	const sinceMs = baseline ? startedAt : Date.parse(previous.since);
	const { records, serverNow } = await readAll(ctx, source, (Number.isNaN(sinceMs) ? startedAt : sinceMs) - OVERLAP_MS);
	const seen = new Set(baseline ? [] : previous.seen);
	const fresh: IDataObject[] = [];
	const keys = new Set<string>();
	for (const record of records) {
		const key = source.key(record);
		if (!seen.has(key) && !keys.has(key)) fresh.push(record);
		keys.add(key);
	}
	state.write({ event, since: isoInstant(serverNow ?? startedAt), seen: [...keys] });
	if (baseline || fresh.length === 0) return null;
	return [fresh.sort(byTime(source)).map((json) => ({ json }))];
}
