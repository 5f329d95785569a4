/**
 * Templates (GET/POST/DELETE /template): read one (by name or revision) or all, create or
 * update (only the fields given change), delete.
 */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { list, listProperties, operationFactory, rawResponseProperty, showFor, textProperty } from '../shared';
import { callParameters, flag, jsonObject, nameLocator, optional, required, type Read } from './lib/helpers';
import { sailthru } from './profile';

const operation = operationFactory(sailthru);
const show = showFor('template');

const TEXT_FIELDS = [
	'public_name',
	'from_name',
	'from_email',
	'replyto_email',
	'subject',
	'content_html',
	'content_text',
	'content_sms',
	'verify_post_url',
	'success_url',
	'error_url',
	'data_feed_url',
	'setup',
	'sample',
];

function templateParameters(this: IExecuteSingleFunctions, read: Read): IDataObject {
	const fields = (read('updateFields', {}) as IDataObject) ?? {};
	const parameters: IDataObject = { template: required(this, read, 'template', 'Template') };
	if (optional(fields.revision)) parameters.revision = Number(fields.revision) || optional(fields.revision);
	for (const name of TEXT_FIELDS) {
		if (fields[name] !== undefined) parameters[name] = String(fields[name]);
	}
	for (const name of ['is_link_tracking', 'is_google_analytics']) {
		if (fields[name] !== undefined) parameters[name] = flag(fields[name]);
	}
	if (fields.labels !== undefined) parameters.labels = list(fields.labels);
	const linkParams = jsonObject(this, 'Link Params', fields.link_params);
	if (linkParams) parameters.link_params = linkParams;
	const testVars = jsonObject(this, 'Test Vars', fields.test_vars);
	if (testVars) parameters.test_vars = testVars;
	return parameters;
}

export const templateOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			operation({
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a template',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				method: 'POST',
				url: '/template',
				retrySafe: true,
				preSend: [callParameters(templateParameters)],
			}),
			operation({
				name: 'Delete',
				value: 'delete',
				action: 'Delete a template',
				description: 'Delete a template',
				method: 'DELETE',
				url: '/template',
				retrySafe: true,
				preSend: [callParameters(function (read) {
					return { template: required(this, read, 'template', 'Template') };
				})],
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a template',
				description: 'Get a template with all its fields, by name or by revision ID',
				method: 'GET',
				url: '/template',
				retrySafe: true,
				preSend: [
					callParameters(function (read) {
						if (read('getBy', 'template') === 'revision') {
							const revision = required(this, read, 'revision', 'Revision ID');
							return { revision: /^\d+$/.test(revision) ? Number(revision) : revision };
						}
						return { template: required(this, read, 'template', 'Template') };
					}),
				],
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many templates',
				description: 'Get all templates of the account, one item each',
				method: 'GET',
				url: '/template',
				retrySafe: true,
				preSend: [callParameters(() => ({}))],
				output: { path: 'templates', split: true },
			}),
		],
		default: 'get',
	},
];

const text = (displayName: string, name: string, description?: string, rows?: number) =>
	textProperty(displayName, name, { description, rows });

export const templateFields: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		default: 'template',
		options: [
			{ name: 'Template Name', value: 'template' },
			{ name: 'Revision ID', value: 'revision', description: 'One saved revision of a template' },
		],
		displayOptions: show(['get']),
	},
	nameLocator({
		displayName: 'Template',
		name: 'template',
		description: 'The template, by name',
		searchListMethod: 'searchTemplates',
		typedName: 'By Name',
		placeholder: 'e.g. welcome',
		displayOptions: show(['get'], { getBy: ['template'] }),
	}),
	nameLocator({
		displayName: 'Template',
		name: 'template',
		description: 'The template, by name (pick one to update or type a new name)',
		searchListMethod: 'searchTemplates',
		typedName: 'By Name',
		placeholder: 'e.g. welcome',
		displayOptions: show(['upsert', 'delete']),
	}),
	{
		displayName: 'Revision ID',
		name: 'revision',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1234',
		displayOptions: show(['get'], { getBy: ['revision'] }),
	},
	{
		displayName: 'Deleting a template cannot be undone; sends that use it will fail',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['delete']),
	},
	...listProperties(show(['getAll'])),
	rawResponseProperty(show(['getAll'])),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields given are changed',
		displayOptions: show(['upsert']),
		options: [
			text('Content (HTML)', 'content_html', 'The HTML body (Zephyr allowed)', 5),
			text('Content (SMS)', 'content_sms', 'The SMS body', 2),
			text('Content (Text)', 'content_text', 'The plain-text body', 5),
			text('Data Feed URL', 'data_feed_url'),
			text('Error URL', 'error_url', 'Where a failed double opt-in goes'),
			text('From Email', 'from_email', 'A verified sender address'),
			text('From Name', 'from_name'),
			{ displayName: 'Google Analytics', name: 'is_google_analytics', type: 'boolean', default: false, description: 'Whether to add Google Analytics parameters to links' },
			{ displayName: 'Labels', name: 'labels', type: 'string', default: '', placeholder: 'welcome, onboarding', description: 'Comma-separated' },
			{ displayName: 'Link Params (JSON)', name: 'link_params', type: 'json', default: '{}', description: 'Query parameters added to every link, e.g. {"utm_source": "sailthru"}' },
			{ displayName: 'Link Tracking', name: 'is_link_tracking', type: 'boolean', default: true, description: 'Whether to track clicks on links' },
			text('Public Name', 'public_name', 'The name users see on preference pages'),
			text('Reply-To Email', 'replyto_email'),
			text('Revert to Revision', 'revision', 'Restore this revision ID of the template'),
			text('Sample', 'sample', 'The A/B sample to change'),
			text('Setup', 'setup', 'Zephyr code run before the template'),
			text('Subject', 'subject'),
			text('Success URL', 'success_url', 'Where a confirmed double opt-in goes'),
			{ displayName: 'Test Vars (JSON)', name: 'test_vars', type: 'json', default: '{}', description: 'Vars used for test sends and previews' },
			text('Verify Post URL', 'verify_post_url', 'Double opt-in postback URL'),
		],
	},
];
