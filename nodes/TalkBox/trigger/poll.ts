import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { isoInstant, noDataError, pollState, serverTime } from '../../shared/trigger';
import { directRequest } from '../../shared/transport';
import { TALKBOX_EVENTS, timeOf, type EventSource } from './sources';
import { talkBox } from '../profile';

export const PAGE_SIZE = 100;
/** Each poll reads from `since` minus this, so records stamped late or by a skewed clock are not missed. */
export const OVERLAP_MS = 5 * 60_000;
/**
 * A poll that has to read a backlog stops after this many requests or records (at the end of a
 * time window, and not before it has read as far as the last poll did); the next poll goes on
 * from there. 50 requests a poll stay well inside TalkBox's 10,000 requests an hour even at one
 * poll a minute.
 */
export const MAX_REQUESTS_PER_POLL = 50;
export const MAX_RECORDS_PER_POLL = 5_000;
const MANUAL_WINDOWS_MS = [3_600_000, 86_400_000, 7 * 86_400_000];
const MANUAL_LIMIT = 5;
/** A safety stop for a server that never sends a short page. */
const MAX_PAGES = 10_000;
const SECOND = 1000;

export interface TalkBoxPollState {
	event: string;
	/**
	 * The next poll reads from this minus OVERLAP_MS (ISO-8601): the start of the last successful
	 * poll (the server's clock when it said), or, when a backlog stopped it early, 5 minutes after
	 * where it stopped (no later than its start).
	 */
	since: string;
	/** How far the last poll read (ISO-8601; absent in states of older versions: `since`). */
	readTo?: string;
	/** Dedupe keys of the records that poll returned. */
	seen: string[];
}

const wholeSecond = (ms: number) => Math.floor(ms / SECOND) * SECOND;

/** One page of the event's list stamped after `after` and, when given, before `before` (both exclusive). */
async function listPage(ctx: IPollFunctions, source: EventSource, after: number, before: number | undefined, page: number) {
	const qs: IDataObject = { [source.afterParam]: isoInstant(after) };
	if (before !== undefined) qs[source.beforeParam] = isoInstant(before);
	if (source.paged) Object.assign(qs, { page, per_page: PAGE_SIZE });
	const { body, headers } = await directRequest(ctx, talkBox, { method: 'GET', url: source.url, qs });
	if (!Array.isArray(body)) {
		throw new NodeOperationError(ctx.getNode(), `TalkBox answered GET ${source.url} with something other than a list`);
	}
	return { records: body as IDataObject[], serverNow: serverTime(headers) };
}

interface ReadOptions {
	/** The instant to use as "now" when TalkBox sends no Date header. */
	clock: number;
	/** Time windows newest first (the manual test) instead of oldest first. */
	newestFirst?: boolean;
	/** Asked after each complete time window while some are left (`until`: read up to there): true stops the read. */
	enough?: (progress: { requests: number; records: number; until: number }) => boolean;
}

/** Records a window is sized for: about 3/4 of a page. */
const TARGET = 75;

/**
 * A window size (whole seconds inside) at most `size` for a window that starts at the oldest
 * (or, newest first, ends at the newest) edge of (from, to), guessed from a full page of it: up
 * to the stamp of its TARGET-th oldest (newest) record. When TalkBox lists in time order that
 * window holds fewer than TARGET records; in another order it may hold more, and `size` bounds
 * it. A wrong guess costs a request, never a record.
 */
function sizeFrom(source: EventSource, page: IDataObject[], from: number, to: number, size: number, newestFirst = false) {
	const stamps = page
		.map((record) => wholeSecond(timeOf(source.time(record))))
		.filter((ms) => ms > from && ms < to)
		.sort((a, b) => (newestFirst ? b - a : a - b));
	const edge = stamps[TARGET - 1];
	const guess = edge === undefined ? size : (newestFirst ? to - edge : edge - from) / SECOND - 1;
	return Math.max(1, Math.min(size, guess));
}

/**
 * The event's records stamped after `after` (whole seconds). `upper` is TalkBox's clock at the
 * first answer; when `complete`, everything stamped before it was read, else everything stamped
 * up to `until` (a read that goes on starts after `until`).
 *
 * One request when they fit on one page. When the first page is full, pages of that list would
 * shift under a record that enters or leaves it between two requests (a record skipped that way
 * never comes back; the doc states no order), so the span from `after` to `upper` is read in
 * consecutive time windows (exclusive `…_after`/`…_before` bounds) that each fit on one page:
 * every answer is complete on its own, and a record that changes meanwhile moves past `upper`,
 * where the next poll finds it. A window that comes back full shrinks; the next one is sized for
 * TARGET records at the density just seen. Only a single second that holds a full page is read
 * by pages (its set can still lose a record that is deleted or, for updated_after, updated
 * meanwhile, and so shift).
 */
async function readSince(ctx: IPollFunctions, source: EventSource, after: number, options: ReadOptions) {
	const keep = source.keep ?? (() => true);
	const newestFirst = options.newestFirst ?? false;
	const first = await listPage(ctx, source, after, undefined, 1);
	const upper = wholeSecond(first.serverNow ?? options.clock);
	if (!source.paged || first.records.length < PAGE_SIZE) {
		return { records: first.records.filter(keep), complete: true, until: upper, upper };
	}

	const records: IDataObject[] = [];
	let requests = 1;
	// Still to read: (low, high). A window of `size` whole seconds spans size + 1 s between its bounds.
	let low = after;
	// A poll leaves the current second to the next poll; the manual test shows it too.
	let high = newestFirst ? upper + SECOND : upper;
	let size = sizeFrom(source, first.records, low, high, (high - low) / SECOND - 1, newestFirst);
	while (high - low >= 2 * SECOND) {
		size = Math.max(1, Math.min(size, (high - low) / SECOND - 1));
		const from = newestFirst ? high - (size + 1) * SECOND : low;
		const to = from + (size + 1) * SECOND;
		let batch: IDataObject[] = [];
		if (size >= 2) {
			const { records: page } = await listPage(ctx, source, from, to, 1);
			requests++;
			if (page.length >= PAGE_SIZE) {
				size = sizeFrom(source, page, from, to, Math.floor(size / 2), newestFirst);
				continue;
			}
			batch = page;
		} else {
			for (let page = 1; ; page++) {
				if (page > MAX_PAGES) {
					throw new NodeOperationError(ctx.getNode(), `TalkBox kept sending full pages of GET ${source.url}`);
				}
				const { records: more } = await listPage(ctx, source, from, to, page);
				requests++;
				batch.push(...more);
				if (more.length < PAGE_SIZE) break;
			}
		}
		records.push(...batch.filter(keep));
		if (newestFirst) high = from + SECOND;
		else low = to - SECOND;
		// Sized for TARGET records at the density just seen; after one crowded second, the rest.
		const scale = batch.length === 0 ? 16 : Math.min(16, TARGET / batch.length);
		size = size === 1 && batch.length >= PAGE_SIZE ? Infinity : Math.floor(size * scale);
		if (high - low >= 2 * SECOND && options.enough?.({ requests, records: records.length, until: low })) {
			return { records, complete: false, until: low, upper };
		}
	}
	return { records, complete: true, until: upper, upper };
}

const byTime = (source: EventSource) => (a: IDataObject, b: IDataObject) =>
	(timeOf(source.time(a)) || 0) - (timeOf(source.time(b)) || 0);

/** Manual test: the newest few records, looking back an hour, a day, then a week. No state. */
async function manualPoll(ctx: IPollFunctions, source: EventSource): Promise<INodeExecutionData[][]> {
	for (const window of MANUAL_WINDOWS_MS) {
		const clock = Date.now();
		const { records } = await readSince(ctx, source, wholeSecond(clock - window), {
			clock,
			newestFirst: true,
			enough: (progress) => progress.records >= MANUAL_LIMIT,
		});
		if (records.length === 0) continue;
		const timed = records.every((record) => !Number.isNaN(timeOf(source.time(record))));
		const newest = timed ? [...records].sort(byTime(source)).reverse() : [...records].reverse();
		return [newest.slice(0, MANUAL_LIMIT).map((json) => ({ json }))];
	}
	throw noDataError(ctx);
}

/**
 * One poll: records after the last poll's cursor (minus the overlap) whose key was not seen.
 * The first poll (activation) only records where it starts. A backlog stops at the per-poll
 * limits, at the end of a time window past the last cursor; the next poll goes on from there.
 * The state is written after the last request; a failure throws before that, so the next poll
 * reads the same window.
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
	const parsed = baseline ? startedAt : Date.parse(previous.since);
	const sinceMs = wholeSecond(Number.isNaN(parsed) ? startedAt : parsed);
	const parsedReadTo = baseline ? NaN : Date.parse(previous.readTo ?? previous.since);
	const readTo = Number.isNaN(parsedReadTo) ? sinceMs : wholeSecond(parsedReadTo);
	const read = await readSince(ctx, source, sinceMs - OVERLAP_MS, {
		clock: startedAt,
		// The activation reads its overlap window whole: it emits nothing, and a cut would let the
		// rest through next time. Any other poll stops at the limits, but only once it has read as
		// far as the last one: `seen` must hold every record this poll's successor can read again.
		enough: baseline
			? undefined
			: (progress) =>
					progress.until >= readTo &&
					(progress.requests >= MAX_REQUESTS_PER_POLL || progress.records >= MAX_RECORDS_PER_POLL),
	});
	// A poll that stopped early read what lies before `until` long after it was stamped: the next
	// one needs the overlap only where this read came within OVERLAP_MS of its own start.
	const next = read.complete ? read.upper : Math.min(read.until + OVERLAP_MS, read.upper);
	const { records } = read;
	const seen = new Set(baseline ? [] : previous.seen);
	const fresh: IDataObject[] = [];
	const keys = new Set<string>();
	for (const record of records) {
		const key = source.key(record);
		if (!seen.has(key) && !keys.has(key)) fresh.push(record);
		keys.add(key);
	}
	state.write({ event, since: isoInstant(next), readTo: isoInstant(read.until), seen: [...keys] });
	if (baseline || fresh.length === 0) return null;
	return [fresh.sort(byTime(source)).map((json) => ({ json }))];
}
