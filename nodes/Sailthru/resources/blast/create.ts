/** Blast → Create (POST /blast): own content, from a template, or a copy of a blast; scheduled or sent now. */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { collectionProperty, fail, isPlausibleEmail, requiredText, showFor, type ResourceOperation } from '../../../shared';
import { callParameters, nameLocator, optional, required, sailthruTime, type Read } from '../../lib/helpers';
import { blastOptionFields, blastOptions } from './options';
import { operation } from '../../lib/operation';

const show = showFor('blast');

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

/** A required text field of a blast written here (Create From: Content). */
const contentText = (displayName: string, name: string, placeholder: string, rows?: number): INodeProperties => ({
	...requiredText(displayName, name, placeholder, undefined, show(['create'], { createFrom: ['content'] })),
	...(rows ? { typeOptions: { rows } } : {}),
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

export const createOperation: ResourceOperation = {
	option: operation({
		name: 'Create',
		value: 'create',
		action: 'Create a blast',
		description: 'Create and schedule a campaign ("now" sends it at once)',
		method: 'POST',
		url: '/blast',
		retrySafe: false,
		preSend: [callParameters(createParameters)],
	}),
	fields: [
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
		contentText('Name', 'blastName', 'Weekly newsletter #42'),
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
		contentText('From Name', 'from_name', 'Acme News'),
		contentText('From Email', 'from_email', 'news@example.com'),
		contentText('Subject', 'subject', 'This week at Acme'),
		contentText('Content (HTML)', 'content_html', '<p>Hello {name}</p>', 5),
		contentText('Content (Text)', 'content_text', 'Hello {name}', 5),
		collectionProperty('Additional Fields', 'additionalFields', 'Add Field', show(['create']), blastOptionFields),
	],
};
