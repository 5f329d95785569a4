/** Template → Create or Update (POST /template): only the fields given change. */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { collectionProperty, list, type ResourceOperation, showFor, textProperty } from '../../../shared';
import { callParameters, flag, jsonObject, optional, required, type Read } from '../../lib/helpers';
import { operation } from '../../lib/operation';


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

const text = (displayName: string, name: string, description?: string, rows?: number) =>
	textProperty(displayName, name, { description, rows });

export const upsertOperation: ResourceOperation = {
	option: operation({
		name: 'Create or Update',
		value: 'upsert',
		action: 'Create or update a template',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		method: 'POST',
		url: '/template',
		retrySafe: true,
		preSend: [callParameters(templateParameters)],
	}),
	fields: [
		collectionProperty('Update Fields', 'updateFields', 'Add Field', showFor('template')(['upsert']), [
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
		], 'Only the fields given are changed'),
	],
};
