/** The filters of Get Changes: a contact and a period, checked and sent as query parameters. */
import type { IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { fail, isEmpty } from '../../../shared';
import { checkedIdentifier, datePart } from '../../lib/checks';
import { placeForPersonaClick } from '../../lib/placement';

/** An optional filter of the given kind (email or phone): checked, and sent when set. */
export function optionalContactFilter(parameter: string, key: 'email' | 'phone', label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const raw = this.getNodeParameter(parameter, '');
		if (isEmpty(raw)) return options;
		return placeForPersonaClick(options, key, checkedIdentifier(this, key, raw, label));
	};
}

/**
 * A period filter: the From and To date-time parameters sent as PersonaClick's `from` / `to`
 * dates (`YYYY-MM-DD`, the date as written). Unset ones are left to PersonaClick's defaults.
 */
export function periodToQuery(fromParameter: string, toParameter: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const dates: Record<'from' | 'to', string | undefined> = { from: undefined, to: undefined };
		for (const [key, parameter, label] of [
			['from', fromParameter, 'From'],
			['to', toParameter, 'To'],
		] as const) {
			const raw = this.getNodeParameter(parameter, '') as unknown;
			if (isEmpty(raw)) continue;
			const date = datePart(raw);
			if (!date) {
				fail(this, label, `"${String(raw)}" is not a date (use the date picker, YYYY-MM-DD or an ISO date-time)`);
			}
			dates[key] = date;
		}
		if (dates.from && dates.to && dates.from > dates.to) {
			fail(this, 'From', `the period starts (${dates.from}) after it ends (${dates.to})`);
		}
		if (dates.from) placeForPersonaClick(options, 'from', dates.from);
		if (dates.to) placeForPersonaClick(options, 'to', dates.to);
		return options;
	};
}
