/**
 * Campaigns (GET/POST/DELETE /blast): read one or many (by status, paged with limit/skip),
 * create (own content, from a template, or a copy of a blast), update, unschedule, delete.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { fail, isPlausibleEmail, listProperties, operationFactory, showFor } from '../shared';
import { blastMessageFields, blastOptionFields, blastOptions } from './blast/options';
import { callParameters, nameLocator, optional, required, sailthruTime, type Read } from './lib/helpers';
import { sailthru } from './profile';

const operation = operationFactory(sailthru);
const show = showFor('blast');

const blastId = (ctx: IExecuteSingleFunctions, read: Read) => {
	const id = required(ctx, read, 'blastId', 'Blast');
	return /^\d+$/.test(id) ? Number(id) : id;
};

function createParameters(this: IExecuteSingleFunctions, read: Read): IDataObject {
	const from = read('createFrom', 'content');
	const scheduleTime = sailthruTime(this, read('schedule_time', ''));
	if (!scheduleTime) fail(this, 'Schedule Time', 'a value is required ("now" sends at once)');
	const options = blastOptions(this, (read('additionalFields', {}) as IDataObject) ?? {});
	if (from === 'blast') {
		const copy = required(this, read, 'copyBlast', 'Blast to Copy');
		return { copy_blast: /^\d+$/.test(copy) ? Number(copy) : copy, schedule_time: scheduleTime, name: optional(read('blastNameOptional', '')), ...options };
	}
	if (from === 'template') {
		return {
			copy_template: required(this, read, 'copyTemplate', 'Template'),
			list: required(this, read, 'list', 'List'),
			schedule_time: scheduleTime,
			name: optional(read('blastNameOptional', '')),
			...options,
		};
	}
	const fromEmail = required(this, read, 'from_email', 'From Email');
	if (!isPlausibleEmail(fromEmail)) fail(this, 'From Email', `"${fromEmail}" is not a valid email address`);
	return {
		name: required(this, read, 'blastName', 'Name'),
		list: required(this, read, 'list', 'List'),
		schedule_time: scheduleTime,
		from_name: required(this, read, 'from_name', 'From Name'),
		from_email: fromEmail,
		subject: required(this, read, 'subject', 'Subject'),
		content_html: required(this, read, 'content_html', 'Content (HTML)'),
		content_text: required(this, read, 'content_text', 'Content (Text)'),
		...options,
	};
}

function updateParameters(this: IExecuteSingleFunctions, read: Read): IDataObject {
	const fields = (read('updateFields', {}) as IDataObject) ?? {};
	const parameters: IDataObject = {
		blast_id: blastId(this, read),
		...blastMessageFields(this, fields),
		...blastOptions(this, fields),
	};
	if (fields.paused !== undefined) parameters.paused = fields.paused === 'pause';
	if (Object.keys(parameters).length === 1) fail(this, 'Update Fields', 'choose at least one field to change');
	return parameters;
}

export const blastOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blast'] } },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a blast',
				description: 'Create and schedule a campaign ("now" sends it at once)',
				method: 'POST',
				url: '/blast',
				retrySafe: false,
				preSend: [callParameters(createParameters)],
			}),
			operation({
				name: 'Delete',
				value: 'delete',
				action: 'Delete a blast',
				description: 'Delete a campaign that has not started sending',
				method: 'DELETE',
				url: '/blast',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return { blast_id: blastId(this, read) };
				})],
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a blast',
				description: 'Get a campaign',
				method: 'GET',
				url: '/blast',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return { blast_id: blastId(this, read) };
				})],
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many blasts',
				description: 'Get the campaigns with one status, one item each',
				method: 'GET',
				url: '/blast',
				retrySafe: true,
				preSend: [
					callParameters(function (read) {
						const filters = (read('filters', {}) as IDataObject) ?? {};
						return {
							status: required(this, read, 'status', 'Status'),
							list: optional(filters.list),
							start_date: sailthruTime(this, filters.start_date),
							end_date: sailthruTime(this, filters.end_date),
						};
					}),
				],
				output: { path: 'blasts', split: true },
				pagination: { type: 'offset', positionParam: 'skip', sizeParam: 'limit', pageSize: 100 },
			}),
			operation({
				name: 'Unschedule',
				value: 'unschedule',
				action: 'Unschedule a blast',
				description: 'Take a scheduled campaign back to draft',
				method: 'POST',
				url: '/blast',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return { blast_id: blastId(this, read), schedule_time: '', status: 'draft' };
				})],
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a blast',
				description: 'Change a campaign’s fields, or pause or resume it',
				method: 'POST',
				url: '/blast',
				retrySafe: true,
				preSend: [callParameters(updateParameters)],
			}),
		],
		default: 'get',
	},
];

const requiredText = (displayName: string, name: string, placeholder: string, rows?: number): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required: true,
	default: '',
	placeholder,
	...(rows ? { typeOptions: { rows } } : {}),
	displayOptions: show(['create'], { createFrom: ['content'] }),
});

const listLocator = (displayOptions: INodeProperties['displayOptions']) =>
	nameLocator({
		displayName: 'List',
		name: 'list',
		description: 'The list to send to',
		searchListMethod: 'searchLists',
		typedName: 'By Name',
		placeholder: 'e.g. Newsletter',
		displayOptions: displayOptions!,
	});

export const blastFields: INodeProperties[] = [
	nameLocator({
		displayName: 'Blast',
		name: 'blastId',
		description: 'The campaign',
		searchListMethod: 'searchBlasts',
		typedName: 'By ID',
		placeholder: 'e.g. 12345',
		displayOptions: show(['get', 'update', 'unschedule', 'delete']),
	}),
	{
		displayName: 'Sailthru refuses (HTTP 403) to delete a blast that has started sending',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['delete']),
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		required: true,
		default: 'sent',
		options: [
			{ name: 'Created (Draft)', value: 'created' },
			{ name: 'Scheduled', value: 'scheduled' },
			{ name: 'Sending', value: 'sending' },
			{ name: 'Sent', value: 'sent' },
		],
		displayOptions: show(['getAll']),
	},
	...listProperties(show(['getAll'])),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show(['getAll']),
		options: [
			{ displayName: 'End Date', name: 'end_date', type: 'string', default: '', placeholder: '2025-01-31 UTC', description: 'Latest schedule date, with its time zone' },
			{ displayName: 'List', name: 'list', type: 'string', default: '', placeholder: 'Newsletter', description: 'Only blasts to this list' },
			{ displayName: 'Start Date', name: 'start_date', type: 'string', default: '', placeholder: '2025-01-01 UTC', description: 'Earliest schedule date, with its time zone' },
		],
	},
	{
		displayName: 'Create From',
		name: 'createFrom',
		type: 'options',
		default: 'content',
		options: [
			{ name: 'Own Content', value: 'content', description: 'Give the subject, sender and HTML and text content' },
			{ name: 'Template', value: 'template', description: 'Copy a template’s content' },
			{ name: 'Copy of a Blast', value: 'blast', description: 'Copy another campaign (its list included)' },
		],
		displayOptions: show(['create']),
	},
	requiredText('Name', 'blastName', 'Weekly newsletter #42'),
	listLocator(show(['create'], { createFrom: ['content', 'template'] })),
	nameLocator({
		displayName: 'Template',
		name: 'copyTemplate',
		description: 'The template whose content the blast copies',
		searchListMethod: 'searchTemplates',
		typedName: 'By Name',
		placeholder: 'e.g. weekly',
		displayOptions: show(['create'], { createFrom: ['template'] }),
	}),
	nameLocator({
		displayName: 'Blast to Copy',
		name: 'copyBlast',
		description: 'The campaign to copy',
		searchListMethod: 'searchBlasts',
		typedName: 'By ID',
		placeholder: 'e.g. 12345',
		displayOptions: show(['create'], { createFrom: ['blast'] }),
	}),
	{
		displayName: 'Name',
		name: 'blastNameOptional',
		type: 'string',
		default: '',
		description: 'Name of the new campaign (default: Sailthru’s)',
		displayOptions: show(['create'], { createFrom: ['template', 'blast'] }),
	},
	{
		displayName: 'Schedule Time',
		name: 'schedule_time',
		type: 'string',
		required: true,
		default: 'now',
		placeholder: '2025-01-02 10:00 UTC',
		description: '"now" sends at once; otherwise a date and time with its time zone, or e.g. "+1 day"',
		displayOptions: show(['create']),
	},
	{
		displayName: 'With Schedule Time "now" the blast is sent to the whole list at once and cannot be undone',
		name: 'sendNowNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['create'], { schedule_time: ['now'] }),
	},
	requiredText('From Name', 'from_name', 'Acme News'),
	requiredText('From Email', 'from_email', 'news@example.com'),
	requiredText('Subject', 'subject', 'This week at Acme'),
	requiredText('Content (HTML)', 'content_html', '<p>Hello {name}</p>', 5),
	requiredText('Content (Text)', 'content_text', 'Hello {name}', 5),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['create']),
		options: blastOptionFields,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show(['update']),
		options: [
			{ displayName: 'Content (HTML)', name: 'content_html', type: 'string', default: '', typeOptions: { rows: 5 } },
			{ displayName: 'Content (Text)', name: 'content_text', type: 'string', default: '', typeOptions: { rows: 5 } },
			{ displayName: 'From Email', name: 'from_email', type: 'string', default: '' },
			{ displayName: 'From Name', name: 'from_name', type: 'string', default: '' },
			{ displayName: 'List', name: 'list', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Pause or Resume',
				name: 'paused',
				type: 'options',
				default: 'pause',
				options: [
					{ name: 'Pause', value: 'pause', description: 'Stop sending (paused: true)' },
					{ name: 'Resume', value: 'resume', description: 'Continue sending (paused: false)' },
				],
			},
			{ displayName: 'Schedule Time', name: 'schedule_time', type: 'string', default: '', placeholder: '2025-01-02 10:00 UTC', description: 'A date and time with its time zone, or "now"' },
			{ displayName: 'Subject', name: 'subject', type: 'string', default: '' },
			...blastOptionFields,
		],
	},
];
