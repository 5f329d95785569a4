/**
 * Job create: the parameters of each job type, and the file upload of the import types
 * (a multipart body with the call's `json` and the `file`; the credential signs it).
 */
import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { emailList, fail } from '../../../shared';
import { sailthruJson } from '../../lib/signature';
import { buildMultipart, multipartContentType, newBoundary } from '../../lib/multipart';
import { compact, jsonObject, optional, reader, required, sailthruTime, type Read } from '../../lib/helpers';

/** Job types whose data can come from a file (sent as the multipart `file` part). */
export const UPLOAD_TYPES = ['import', 'update', 'purchase_import', 'content_update'];

/** Where an import or update job takes its users from. */
function source(ctx: IExecuteSingleFunctions, read: Read, jobType: string): { parameters: IDataObject; file: boolean } {
	if (jobType === 'purchase_import' || jobType === 'content_update') return { parameters: {}, file: true };
	const from = String(read(jobType === 'import' ? 'importSource' : 'updateSource', 'file'));
	if (from === 'file') return { parameters: {}, file: true };
	if (from === 'emails') return { parameters: { emails: emailList(ctx, 'Emails', read('emails', '')) }, file: false };
	if (from === 'url') return { parameters: { url: required(ctx, read, 'fileUrl', 'File URL') }, file: false };
	const query = jsonObject(ctx, 'Query', read('query', ''));
	if (!query) fail(ctx, 'Query', 'a JSON object is required (the users the update applies to)');
	return { parameters: { query }, file: false };
}

/** The job's own parameters, in order: job, its type's parameters, report_email, postback_url. */
export function jobParameters(ctx: IExecuteSingleFunctions, read: Read): { parameters: IDataObject; file: boolean } {
	const jobType = required(ctx, read, 'jobType', 'Job Type');
	const extra = (read('additionalFields', {}) as IDataObject) ?? {};
	let own: IDataObject = {};
	let file = false;
	switch (jobType) {
		case 'import': {
			const from = source(ctx, read, jobType);
			own = { list: required(ctx, read, 'list', 'List'), ...from.parameters };
			file = from.file;
			break;
		}
		case 'update': {
			const from = source(ctx, read, jobType);
			own = { ...from.parameters, update: jsonObject(ctx, 'Update', read('update', '')) };
			file = from.file;
			break;
		}
		case 'purchase_import':
		case 'content_update':
			file = true;
			break;
		case 'export_list_data':
			own = { list: required(ctx, read, 'list', 'List'), fields: jsonObject(ctx, 'Fields', read('exportFields', '')) };
			break;
		case 'export_purchase_log': {
			const start = sailthruTime(ctx, read('start_date', ''));
			const end = sailthruTime(ctx, read('end_date', ''));
			if (!start) fail(ctx, 'Start Date', 'a value is required but this item has none');
			if (!end) fail(ctx, 'End Date', 'a value is required but this item has none');
			own = { start_date: start, end_date: end };
			break;
		}
		case 'export_scheduled_sends':
			break;
		case 'blast_query': {
			const id = required(ctx, read, 'blastId', 'Blast');
			own = { blast_id: /^\d+$/.test(id) ? Number(id) : id };
			break;
		}
		case 'snapshot': {
			const query = jsonObject(ctx, 'Query', read('query', ''));
			if (!query) fail(ctx, 'Query', 'a JSON object is required (the users to export)');
			own = { query };
			break;
		}
		default:
			fail(ctx, 'Job Type', `"${jobType}" is not a job type this node can create`);
	}
	const parameters = compact({
		job: jobType,
		...own,
		report_email: optional(extra.report_email),
		postback_url: optional(extra.postback_url),
	});
	return { parameters, file };
}

/**
 * The preSend hook of job create: the parameters as the body (signed as `json` by the
 * credential), or, for a file, a multipart body with a `json` part and the `file` part.
 */
export async function buildJobRequest(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const read = reader(this);
	const { parameters, file } = jobParameters(this, read);
	if (!file) {
		options.body = parameters;
		return options;
	}
	const property = required(this, read, 'binaryPropertyName', 'Input Binary Field');
	let binary;
	try {
		binary = this.helpers.assertBinaryData(property);
	} catch {
		fail(this, 'Input Binary Field', `the input item has no binary field "${property}" (the file to upload)`);
	}
	const data = await this.helpers.getBinaryDataBuffer(property);
	const boundary = newBoundary();
	options.body = buildMultipart(boundary, [
		{ name: 'json', data: Buffer.from(sailthruJson(parameters), 'utf8') },
		{
			name: 'file',
			data,
			fileName: binary.fileName ?? `${parameters.job as string}.${binary.fileExtension ?? 'csv'}`,
			contentType: binary.mimeType || 'application/octet-stream',
		},
	]);
	options.json = false;
	options.headers = { ...(options.headers ?? {}), 'Content-Type': multipartContentType(boundary) };
	return options;
}
