/** What Send and Send to Many share: the Additional Fields they both take and their reader, and the template vars. */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail, isEmpty } from '../../../shared';
import { keyValueJsonProperties, singleEmail, trimmed, type Read } from '../../lib/helpers';

/** `options` and `limit`, from the Additional Fields collection. */
export function sendOptions(ctx: IExecuteSingleFunctions, read: Read): { options?: IDataObject; limit?: IDataObject } {
	const extra = (read('additionalFields', {}) as IDataObject) ?? {};
	const options: IDataObject = {};
	if (!isEmpty(extra.replyto)) options.replyto = trimmed(extra.replyto);
	if (extra.test === true) options.test = 1;
	if (!isEmpty(extra.behalf_email)) options.behalf_email = singleEmail(ctx, 'Behalf Email', trimmed(extra.behalf_email));
	const limitRow = ((extra.limit as IDataObject | undefined)?.settings ?? undefined) as IDataObject | undefined;
	let limit: IDataObject | undefined;
	if (limitRow) {
		const name = trimmed(limitRow.name);
		if (!name) fail(ctx, 'Limit', 'the limit name is required');
		limit = { name };
		if (!isEmpty(limitRow.within_time)) limit.within_time = trimmed(limitRow.within_time);
		if (!isEmpty(limitRow.conflict)) limit.conflict = trimmed(limitRow.conflict);
	}
	return { options: Object.keys(options).length ? options : undefined, limit };
}

/** Vars: the template's variables, for one of the two sends. */
export const varsProperties = (operation: string): INodeProperties[] =>
	keyValueJsonProperties(
		{
			name: 'vars',
			displayName: 'Vars',
			description: 'Variables for the template, used in it as {name}',
			jsonExample: '{"order_id": "A-100", "carrier": "UPS"}',
		},
		'send',
		[operation],
	);

const scheduleTime: INodeProperties = {
	displayName: 'Schedule Time',
	name: 'schedule_time',
	type: 'string',
	default: '',
	placeholder: '2025-01-02 10:00 UTC',
	description:
		'Send later instead of now: a date and time with its time zone, or a relative time such as "+3 hours" (a date picker value is taken in the workflow’s time zone)',
};

export const commonOptions: INodeProperties[] = [
	{
		displayName: 'Behalf Email',
		name: 'behalf_email',
		type: 'string',
		default: '',
		placeholder: 'partner@example.com',
		description: 'Send on behalf of this address (sets the Sender header)',
	},
	{
		displayName: 'Reply-To',
		name: 'replyto',
		type: 'string',
		default: '',
		placeholder: 'support@example.com',
		description: 'Reply-To address that overrides the template’s',
	},
	scheduleTime,
	{
		displayName: 'Test',
		name: 'test',
		type: 'boolean',
		default: false,
		description: 'Whether to send as a test: marked as a test and left out of the stats',
	},
];
