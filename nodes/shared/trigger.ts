import { createHash, timingSafeEqual } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IPollFunctions,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';


/**
 * Helpers shared by the trigger nodes (webhook verification answers, polling requests and
 * state). Nothing here logs or returns a secret.
 */

/**
 * Constant-time string comparison: lengths first (timingSafeEqual throws on a length
 * mismatch), then every byte.
 */
export function safeEqual(given: string, expected: string): boolean {
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	if (a.length !== b.length) return false;
	return timingSafeEqual(a, b);
}

/**
 * The webhook lifecycle of a vendor with no API to register webhooks: the user pastes the URL
 * into the vendor's UI, so there is nothing to create or delete, and the webhook always "exists".
 */
const pastedUrl = async function (this: IHookFunctions): Promise<boolean> {
	return true;
};
export const pastedUrlWebhookMethods = {
	default: { checkExists: pastedUrl, create: pastedUrl, delete: pastedUrl },
};

/** One POST webhook that n8n answers when it has started the run (Respond: Immediately). */
export const receivedPostWebhook: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		// Without it n8n answers the text "firstEntryJson": answer {"message":"Workflow was started"}.
		responseData: '',
		path: 'webhook',
	},
];

/** A header value as one string ('' when absent). */
export function headerValue(ctx: IWebhookFunctions, name: string): string {
	const value = ctx.getHeaderData()[name.toLowerCase()];
	if (Array.isArray(value)) return String(value[0] ?? '');
	return typeof value === 'string' ? value : '';
}

/** The request body exactly as received (read it first when n8n has not yet). */
export async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = ctx.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		await request.readRawBody();
	}
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** The media type of the request, without parameters, lower case. */
export function contentTypeOf(ctx: IWebhookFunctions): string {
	return headerValue(ctx, 'content-type').split(';')[0].trim().toLowerCase();
}

/**
 * Refuse a request: answers `status` (401 by default) with a short JSON body and starts no
 * execution. The reason is generic text, never a key, secret or signature.
 */
export function refuse(ctx: IWebhookFunctions, reason: string, status = 401): IWebhookResponseData {
	const response = ctx.getResponseObject();
	response.status(status).json({ error: reason });
	return { noWebhookResponse: true };
}

/** Accept a verified request without starting an execution (200, the vendor stops retrying). */
export function acceptWithoutRun(webhookResponse: IDataObject): IWebhookResponseData {
	return { webhookResponse };
}

/** Form fields of an `application/x-www-form-urlencoded` body, in order, duplicates kept. */
export function formPairs(raw: Buffer): Array<[string, string]> {
	return [...new URLSearchParams(raw.toString('utf8')).entries()];
}

/** SHA-256 hex of a value's canonical JSON (object keys sorted), for dedupe keys. */
export function fingerprint(value: unknown): string {
	return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value as IDataObject)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** The server's clock from a response's Date header, when it has a valid one. */
export function serverTime(headers: IDataObject): number | undefined {
	const key = Object.keys(headers).find((name) => name.toLowerCase() === 'date');
	const ms = key === undefined ? NaN : Date.parse(String(headers[key]));
	return Number.isNaN(ms) ? undefined : ms;
}

/** ISO-8601 instant in UTC, whole seconds (`2026-11-28T10:00:00Z`). */
export const isoInstant = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A UTC calendar day (`YYYY-MM-DD`) `offsetDays` from the day of `ms`. */
export function utcDay(ms: number, offsetDays = 0): string {
	return new Date(ms + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The error a manual test run gives when it finds nothing (n8n's own wording). */
export function noDataError(ctx: IPollFunctions): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), 'No data with the current filter could be found', {
		description: 'Make a change at the vendor (or widen the filters) and test the step again.',
	});
}

/**
 * The node's polling state in the workflow's static data. `read` returns a copy, so a poll can
 * work on it and `write` it only once every page has been read.
 */
export function pollState<T extends object>(ctx: IPollFunctions, key: string) {
	const data = ctx.getWorkflowStaticData('node');
	return {
		read(): T | undefined {
			const stored = data[key];
			return stored && typeof stored === 'object' ? (JSON.parse(JSON.stringify(stored)) as T) : undefined;
		},
		write(value: T): void {
			data[key] = value as unknown as IDataObject;
		},
	};
}

/** The credential's secret fields must not be empty: a clear setup error otherwise. */
export function requireCredentialField(
	ctx: IPollFunctions,
	credentials: IDataObject,
	field: string,
	label: string,
	where: string,
): void {
	const value = credentials[field];
	if (typeof value !== 'string' || value.trim() === '') {
		throw new NodeOperationError(ctx.getNode(), `The credential has no ${label}`, {
			description: `Set "${label}" in the credential (${where}) and activate the workflow again.`,
		});
	}
}
