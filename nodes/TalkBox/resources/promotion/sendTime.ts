import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { clockParts, fail } from '../../../shared';

/**
 * A date/time value as a wall-clock `yyyy-mm-dd hh:mm` (TalkBox's send_time). A value without a
 * zone is kept as typed; one with a zone (or a Luxon DateTime) is shown in the workflow's zone.
 */
export function wallClock(ctx: IExecuteSingleFunctions, value: unknown, label: string): string {
	const timeZone = ctx.getTimezone();
	let instant: number;
	if (value !== null && typeof value === 'object' && typeof (value as { toFormat?: unknown }).toFormat === 'function') {
		const zoned = value as { setZone: (zone: string) => { toFormat: (format: string) => string } };
		return zoned.setZone(timeZone).toFormat('yyyy-MM-dd HH:mm');
	}
	const raw = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	if (raw === '') fail(ctx, label, 'a date and time is required');
	const naive = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?$/.exec(raw);
	if (naive) return `${naive[1]} ${naive[2]}`;
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(raw) || Number.isNaN((instant = Date.parse(raw)))) {
		fail(ctx, label, `"${raw}" is not a date and time (expected e.g. 2025-12-11T12:34)`);
	}
	const get = clockParts(timeZone, instant);
	return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}
