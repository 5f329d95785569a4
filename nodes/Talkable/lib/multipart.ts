/**
 * A multipart/form-data body with one file part, built by hand (no runtime dependency): the
 * shared executor sends a Buffer body as is when `json` is false.
 */
import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fail } from '../../shared';

/** Quotes and line breaks escaped as browsers do (WHATWG multipart/form-data: %22, %0D, %0A). */
const quoted = (value: string) => value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export function multipartBody(
	field: string,
	file: { name: string; contentType: string; data: Buffer },
	boundary = `----n8nTalkable${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`,
): { body: Buffer; contentType: string } {
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="${quoted(field)}"; filename="${quoted(file.name)}"\r\n` +
		`Content-Type: ${file.contentType.replace(/[\r\n]+/g, '')}\r\n\r\n`;
	const body = Buffer.concat([Buffer.from(head, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * preSend: the item's binary property (parameter `binaryPropertyName`) as the multipart part
 * `file`; the file name (parameter `fileName`, else the binary's) names the asset.
 */
export async function binaryFileBody(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const property = String(this.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	if (!property) fail(this, 'Input Binary Field', 'a value is required but this item has none');
	const item = this.getInputData();
	const binary = item.binary?.[property];
	if (!binary) {
		const available = Object.keys(item.binary ?? {});
		fail(
			this,
			'Input Binary Field',
			`this item has no binary field "${property}"${available.length ? ` (it has: ${available.join(', ')})` : ''}`,
		);
	}
	const data = await this.helpers.getBinaryDataBuffer(property);
	const override = String(this.getNodeParameter('fileName', '') ?? '').trim();
	const name = override || binary.fileName || `${property}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const { body, contentType } = multipartBody('file', {
		name,
		contentType: binary.mimeType || 'application/octet-stream',
		data,
	});
	options.body = body;
	options.json = false;
	options.headers = { ...(options.headers ?? {}), 'Content-Type': contentType };
	return options;
}
