import { createHash, timingSafeEqual } from 'crypto';
import {
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type IPollFunctions,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { vendorApiError } from './errors';
import { capDepth } from './record';
import { collectSecrets } from './redact';
import { isVendorSuccess, type VendorProfile } from './vendors';

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

/** The answer of one polling request: the unwrapped success payload and the response headers. */
export interface TriggerResponse {
	body: unknown;
	headers: IDataObject;
}

/**
 * One request of a polling trigger (or a webhook's confirmation call): the credential's baseUrl
 * and authentication, the vendor's error envelope as a NodeApiError with every secret redacted,
 * no retries (the next poll tries again; the state has not moved).
 */
export async function triggerRequest(
	ctx: IPollFunctions | IWebhookFunctions,
	vendor: VendorProfile,
	options: IHttpRequestOptions,
): Promise<TriggerResponse> {
	const credentials = await ctx.getCredentials(vendor.credentialType);
	const secrets = collectSecrets(credentials, vendor.secretFields);
	const baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	let full: IN8nHttpFullResponse;
	try {
		full = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, vendor.credentialType, {
			baseURL,
			json: true,
			headers: { Accept: 'application/json' },
			timeout: 60_000,
			...options,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
	} catch (error) {
		const code = (error as { code?: string }).code;
		throw vendorApiError(ctx.getNode(), {
			vendor,
			itemIndex: 0,
			secrets,
			message: `${vendor.displayName} could not be reached${code ? ` (${code})` : ''}`,
		});
	}
	const response = { statusCode: full.statusCode, headers: (full.headers ?? {}) as IDataObject, body: capDepth(full.body) };
	if (!isVendorSuccess(vendor, response) || typeof full.body === 'string') {
		throw vendorApiError(ctx.getNode(), { vendor, response, itemIndex: 0, secrets });
	}
	return { body: vendor.unwrap(response.body), headers: response.headers };
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
