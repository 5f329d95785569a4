/** Blast → Update (POST /blast): a campaign's fields, or pause or resume it. */
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { collectionProperty, fail, type ResourceOperation, showFor } from '../../../shared';
import { callParameters, type Read } from '../../lib/helpers';
import { blastId } from './id';
import { blastMessageFields, blastOptionFields, blastOptions } from './options';
import { operation } from '../../lib/operation';


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

export const updateOperation: ResourceOperation = {
	option: operation({
		name: 'Update',
		value: 'update',
		action: 'Update a blast',
		description: 'Change a campaign’s fields, or pause or resume it',
		method: 'POST',
		url: '/blast',
		retrySafe: true,
		preSend: [callParameters(updateParameters)],
	}),
	fields: [
		collectionProperty('Update Fields', 'updateFields', 'Add Field', showFor('blast')(['update']), [
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
		]),
	],
};
