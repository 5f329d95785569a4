/** Blast fields shared by create and update: the optional settings collection and its reader. */
import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { list, textProperty } from '../../../shared';
import { flag, jsonObject, optional, sailthruTime } from '../../lib/helpers';

const TEXT = ['replyto', 'report_email', 'suppress_list', 'email_hour_range', 'abtest', 'data_feed_url', 'setup'];
const FLAGS = ['is_link_tracking', 'is_google_analytics', 'is_public', 'eval_template'];

/** The optional settings, in a fixed order (only those given). */
export function blastOptions(ctx: IExecuteSingleFunctions, options: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const name of TEXT) if (optional(options[name]) !== undefined) result[name] = optional(options[name]);
	for (const name of FLAGS) if (options[name] !== undefined) result[name] = flag(options[name]);
	if (options.test_percent !== undefined) result.test_percent = Number(options.test_percent);
	if (options.labels !== undefined) result.labels = list(options.labels);
	for (const [name, label] of [
		['vars', 'Vars'],
		['test_vars', 'Test Vars'],
		['link_params', 'Link Params'],
	]) {
		const value = jsonObject(ctx, label, options[name]);
		if (value) result[name] = value;
	}
	return result;
}

/** The message fields that an update may change (create has them as required parameters). */
export function blastMessageFields(ctx: IExecuteSingleFunctions, fields: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const name of ['name', 'list', 'from_name', 'from_email', 'subject', 'content_html', 'content_text']) {
		if (fields[name] !== undefined) result[name] = String(fields[name]);
	}
	if (fields.schedule_time !== undefined) result.schedule_time = sailthruTime(ctx, fields.schedule_time) ?? '';
	return result;
}

const text = (displayName: string, name: string, description: string, rows?: number) =>
	textProperty(displayName, name, { description, rows });

export const blastOptionFields: INodeProperties[] = [
	text('A/B Test', 'abtest', 'Name of the A/B test this blast belongs to'),
	text('Data Feed URL', 'data_feed_url', 'A JSON feed merged into the content'),
	text('Email Hour Range', 'email_hour_range', 'Spread sending over this many hours (Sailthru’s send-time optimisation)'),
	{ displayName: 'Evaluate Template', name: 'eval_template', type: 'boolean', default: false, description: 'Whether to evaluate Zephyr in the copied template' },
	{ displayName: 'Google Analytics', name: 'is_google_analytics', type: 'boolean', default: false, description: 'Whether to add Google Analytics parameters to links' },
	{ displayName: 'Labels', name: 'labels', type: 'string', default: '', placeholder: 'newsletter, weekly', description: 'Comma-separated' },
	{ displayName: 'Link Params (JSON)', name: 'link_params', type: 'json', default: '{}', description: 'Query parameters added to every link' },
	{ displayName: 'Link Tracking', name: 'is_link_tracking', type: 'boolean', default: true, description: 'Whether to track clicks on links' },
	{ displayName: 'Public', name: 'is_public', type: 'boolean', default: false, description: 'Whether the blast has a public web page' },
	text('Reply-To', 'replyto', 'Reply-To address'),
	text('Report Email', 'report_email', 'Who gets the delivery report'),
	text('Setup', 'setup', 'Zephyr code run before the content'),
	text('Suppress List', 'suppress_list', 'Users on this list are not sent the blast'),
	{ displayName: 'Test Percent', name: 'test_percent', type: 'number', default: 0, typeOptions: { minValue: 0, maxValue: 100 }, description: 'Share of the list used for the A/B test' },
	{ displayName: 'Test Vars (JSON)', name: 'test_vars', type: 'json', default: '{}', description: 'Vars for test sends' },
	{ displayName: 'Vars (JSON)', name: 'vars', type: 'json', default: '{}', description: 'Blast vars, e.g. {"issue": 42}' },
];
