import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { fingerprint, noDataError, pollState, requireCredentialField, utcDay } from '../../shared/trigger';
import { directRequest } from '../../shared/transport';
import { personaClick } from '../profile';

/** The API's largest page. */
export const PAGE_LIMIT = 20_000;
const MANUAL_LIMIT = 5;
const MAX_PAGES = 1_000;

export interface PersonaClickPollState {
	/** First day the next poll reads (UTC `YYYY-MM-DD`): the last successful poll's day minus one. */
	fromDay: string;
	/** Fingerprint → day (`YYYY-MM-DD` of its `datetime`) of every change the last poll read. */
	seen: Record<string, string>;
	/** The filters the state was made with (changing them starts over from a baseline). */
	filters: string;
}

export interface ChangeFilters {
	events: string[];
	channels: string[];
	contactTypes: string[];
}

const FINGERPRINT_FIELDS = ['contact_type', 'contact', 'campaign_type', 'event', 'channel', 'datetime', 'ip'];

/** A change's fingerprint: a hash of its identifying fields as raw strings (changes have no ID). */
export const changeFingerprint = (change: IDataObject) =>
	fingerprint(FINGERPRINT_FIELDS.map((field) => (change[field] === undefined || change[field] === null ? null : String(change[field]))));

/** `YYYY-MM-DD H:i:s` (REES46) or `YYYY-MM-DDThh:mm:ss.SSS` (PersonaClick) → sortable `YYYY-MM-DDThh:mm:ss.SSS`. */
export function sortableDatetime(value: unknown): string {
	const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.(\d{1,6}))?/.exec(String(value ?? ''));
	if (!match) return String(value ?? '');
	const [, day, hour, minute, second = '00', fraction = ''] = match;
	return `${day}T${hour.padStart(2, '0')}:${minute}:${second}.${fraction.padEnd(3, '0').slice(0, 3)}`;
}

const dayOf = (change: IDataObject) => sortableDatetime(change.datetime).slice(0, 10);

/** Every change from `from` to `to` (whole UTC days), all pages. Single event/channel filters go to the API. */
async function readChanges(ctx: IPollFunctions, from: string, to: string, filters: ChangeFilters) {
	const changes: IDataObject[] = [];
	const base: IDataObject = { from, to };
	if (filters.events.length === 1) base.event = filters.events[0];
	if (filters.channels.length === 1) base.channel = filters.channels[0];
	for (let page = 0; page < MAX_PAGES; page++) {
		const qs = { ...base, offset: page * PAGE_LIMIT, limit: PAGE_LIMIT };
		const { body } = await directRequest(ctx, personaClick, { method: 'GET', url: '/subscriptions/changes', qs });
		if (!Array.isArray(body)) {
			throw new NodeOperationError(ctx.getNode(), 'PersonaClick answered /subscriptions/changes with something other than a list');
		}
		changes.push(...(body as IDataObject[]));
		if (body.length < PAGE_LIMIT) {
			return changes.filter(
				(change) =>
					(filters.events.length === 0 || filters.events.includes(String(change.event))) &&
					(filters.channels.length === 0 || filters.channels.includes(String(change.channel))) &&
					(filters.contactTypes.length === 0 || filters.contactTypes.includes(String(change.contact_type))),
			);
		}
	}
	throw new NodeOperationError(ctx.getNode(), 'PersonaClick kept sending full pages of /subscriptions/changes');
}

/** Changes in time order, identical ones once, each with its fingerprint. */
function distinct(changes: IDataObject[]) {
	const byPrint = new Map<string, IDataObject>();
	for (const change of changes) {
		const print = changeFingerprint(change);
		if (!byPrint.has(print)) byPrint.set(print, change);
	}
	return [...byPrint.entries()]
		.map(([print, change]) => ({ print, change, at: sortableDatetime(change.datetime) }))
		.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function readFilters(ctx: IPollFunctions): ChangeFilters {
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
	return {
		events: list(filters.events),
		channels: list(filters.channels),
		contactTypes: list(filters.contactTypes),
	};
}

/**
 * One poll of GET /subscriptions/changes. Its dates are whole days, so each poll re-reads from
 * the day before its last successful one and skips the fingerprints already seen. The first
 * poll (activation) only records the window; a failure throws before the state is written.
 *
 * `seen` keeps every change this poll read, whatever its `datetime` says: the next poll reads
 * from `fromDay`, within this poll's window, so it can only return these again, or new ones.
 * (Keeping only those whose `datetime` falls on or after `fromDay` assumed that PersonaClick
 * counts the days of `from` in the zone its `datetime`s are written in; the docs name no zone,
 * and where the two differ a change near midnight came back as new a day later.)
 */
export async function pollPersonaClick(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const credentials = await ctx.getCredentials(personaClick.credentialType);
	requireCredentialField(ctx, credentials, 'shopSecret', 'Shop Secret', 'PersonaClick → Account → Settings → Store Settings');
	const filters = readFilters(ctx);
	const now = Date.now();
	const tomorrow = utcDay(now, 1);

	if (ctx.getMode() === 'manual') {
		for (const from of [utcDay(now, -1), utcDay(now, -7)]) {
			const found = distinct(await readChanges(ctx, from, tomorrow, filters));
			if (found.length === 0) continue;
			return [found.reverse().slice(0, MANUAL_LIMIT).map(({ change }) => ({ json: change }))];
		}
		throw noDataError(ctx);
	}

	const state = pollState<PersonaClickPollState>(ctx, 'personaClickTrigger');
	const previous = state.read();
	const filterKey = JSON.stringify(filters);
	const baseline = !previous || previous.filters !== filterKey;
	const fromDay = utcDay(now, -1);
	const changes = distinct(await readChanges(ctx, baseline ? fromDay : previous.fromDay, tomorrow, filters));
	const seen: Record<string, string> = {};
	for (const { print, change } of changes) seen[print] = dayOf(change);
	const fresh = baseline ? [] : changes.filter(({ print }) => !(print in previous.seen));
	state.write({ fromDay, seen, filters: filterKey });
	if (baseline || fresh.length === 0) return null;
	return [fresh.map(({ change }) => ({ json: change }))];
}
