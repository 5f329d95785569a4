/**
 * Sailthru's file uploads (job imports): `multipart/form-data` with the parts `api_key`,
 * `format`, `json`, `sig` and `file`, where `sig` covers only the first three (never the file).
 *
 * The node builds the body with the call's parameters (`json`) and the file; the credential's
 * signing (see nodes/Sailthru/lib/signature.ts) reads the `json` part back and writes the body
 * again with the signed parts first.
 */
import { randomBytes } from 'crypto';

export const MULTIPART_TYPE = 'multipart/form-data';

export interface MultipartPart {
	name: string;
	data: Buffer;
	fileName?: string;
	contentType?: string;
}

const CRLF = '\r\n';

/** A fresh boundary (random: it cannot appear in a CSV or JSON-lines file by chance). */
export const newBoundary = () => `----n8nSailthru${randomBytes(16).toString('hex')}`;

/** The header value `multipart/form-data; boundary=…`. */
export const multipartContentType = (boundary: string) => `${MULTIPART_TYPE}; boundary=${boundary}`;

/** The boundary of a multipart Content-Type header, or undefined for any other type. */
export function boundaryOf(contentType: unknown): string | undefined {
	if (typeof contentType !== 'string' || !contentType.toLowerCase().startsWith(MULTIPART_TYPE)) return undefined;
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? match[1] ?? match[2] : undefined;
}

const quoted = (value: string) => value.replace(/[\r\n"\\]/g, (char) => encodeURIComponent(char));

/** The multipart body of the parts, in order. */
export function buildMultipart(boundary: string, parts: MultipartPart[]): Buffer {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}${CRLF}Content-Disposition: form-data; name="${quoted(part.name)}"`;
		if (part.fileName !== undefined) head += `; filename="${quoted(part.fileName)}"`;
		head += CRLF;
		if (part.contentType) head += `Content-Type: ${part.contentType}${CRLF}`;
		chunks.push(Buffer.from(`${head}${CRLF}`, 'utf8'), part.data, Buffer.from(CRLF, 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--${CRLF}`, 'utf8'));
	return Buffer.concat(chunks);
}

/** The parts of a body written by buildMultipart. */
export function parseMultipart(boundary: string, body: Buffer): MultipartPart[] {
	const delimiter = Buffer.from(`--${boundary}`, 'utf8');
	const parts: MultipartPart[] = [];
	let position = body.indexOf(delimiter);
	while (position !== -1) {
		const start = position + delimiter.length;
		if (body.subarray(start, start + 2).toString() === '--') break;
		const next = body.indexOf(delimiter, start);
		if (next === -1) break;
		// Between the delimiters: CRLF, headers, CRLF CRLF, data, CRLF.
		const section = body.subarray(start + 2, next - 2);
		const headerEnd = section.indexOf(Buffer.from(`${CRLF}${CRLF}`, 'utf8'));
		const headers = section.subarray(0, headerEnd).toString('utf8');
		const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
		const fileName = /filename="([^"]*)"/.exec(headers)?.[1];
		const contentType = /^Content-Type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
		parts.push({
			name: decodeURIComponent(name),
			data: section.subarray(headerEnd + 4),
			...(fileName !== undefined ? { fileName: decodeURIComponent(fileName) } : {}),
			...(contentType ? { contentType } : {}),
		});
		position = next;
	}
	return parts;
}
