/**
 * The one transport: every request of every node and trigger goes through `exchangeOnce`
 * (n8n's authenticated request helper, the full response whatever its status, the body's depth
 * capped). Actions, paging and batches send through `sendWithRetry` (send.ts), which adds the
 * run's governor and retries on top of it; pickers, polls and webhook confirmations send once
 * through `directRequest`.
 */
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { vendorApiError } from './errors';
import { capDepth, isObject } from './record';
import { collectSecrets } from './redact';
import { isVendorSuccess, type VendorProfile, type VendorResponse } from './vendors';

/**
 * Plain words for system error codes. (The code itself must stay out of the message: n8n's
 * NodeApiError replaces any message that contains one with its own generic sentence.)
 */
const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ECONNABORTED: 'no answer within the request timeout',
	ETIMEDOUT: 'no answer within the request timeout',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved',
	EPIPE: 'the connection was closed while sending',
	BODY_CUT: 'the answer was cut off in the middle of its body',
};

/**
 * The system error code of a failed request (n8n puts it in httpCode of its NodeApiError).
 * `BODY_CUT` when the vendor's headers had arrived and the body then stalled or broke off.
 */
export function networkCode(error: unknown): string {
	const seen = new Set<unknown>();
	let current: unknown = error;
	let code: string | undefined;
	while ((isObject(current) || current instanceof Error) && !seen.has(current)) {
		seen.add(current);
		const record = current as IDataObject;
		// Thrown although HTTP statuses are not errors here: the status line came, the body broke.
		const status = String(record.httpCode ?? '');
		if (/^\d{3}$/.test(status) || /stream has been aborted|premature close/i.test(String(record.message ?? ''))) {
			return 'BODY_CUT';
		}
		for (const key of ['code', 'httpCode']) {
			const value = record[key];
			if (!code && typeof value === 'string' && /^E[A-Z_]+$/.test(value)) code = value;
		}
		current = record.cause;
	}
	if (code) return code;
	const message = error instanceof Error ? error.message : String(error);
	return /socket hang up/i.test(message) ? 'ECONNRESET' : 'network error';
}

/** The message of a request that got no answer: "Sailthru could not be reached: the connection was reset". */
export function unreachable(vendor: VendorProfile, code: string): string {
	return `${vendor.displayName} could not be reached: ${NETWORK_WORDS[code] ?? 'network error'}`;
}

/** The contexts that send requests: an item of an action, a picker, a poll, a webhook. */
export type RequestContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IPollFunctions | IWebhookFunctions;

/** n8n's third argument to `httpRequestWithAuthentication` (e.g. an already decrypted credential). */
export type CredentialOptions = Parameters<IExecuteSingleFunctions['helpers']['httpRequestWithAuthentication']>[2];

/** One HTTP exchange: the response whatever its status (a network failure throws). */
export async function exchangeOnce(
	ctx: RequestContext,
	vendor: VendorProfile,
	options: IHttpRequestOptions,
	credentialOptions?: CredentialOptions,
): Promise<VendorResponse> {
	const request = ctx.helpers.httpRequestWithAuthentication as IExecuteSingleFunctions['helpers']['httpRequestWithAuthentication'];
	const full = (await request.call(
		ctx as IExecuteSingleFunctions,
		vendor.credentialType,
		{ ...options, json: options.json !== false, returnFullResponse: true, ignoreHttpStatusErrors: true },
		credentialOptions,
	)) as IN8nHttpFullResponse;
	return { statusCode: full.statusCode, headers: (full.headers ?? {}) as IDataObject, body: capDepth(full.body) };
}

/** The answer of a direct request: the unwrapped success payload and the response headers. */
export interface DirectResponse {
	body: unknown;
	headers: IDataObject;
}

/**
 * One request without retries (a picker should answer at once; the next poll tries again, its
 * state has not moved): the credential's baseUrl, JSON, a 60 s timeout; the vendor's error
 * envelope, or a network failure, becomes a NodeApiError with every secret redacted.
 */
export async function directRequest(
	ctx: RequestContext,
	vendor: VendorProfile,
	options: IHttpRequestOptions,
): Promise<DirectResponse> {
	const credentials = await ctx.getCredentials(vendor.credentialType);
	const secrets = collectSecrets(credentials, vendor.secretFields);
	const baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	let response: VendorResponse;
	try {
		response = await exchangeOnce(ctx, vendor, {
			baseURL,
			headers: { Accept: 'application/json' },
			timeout: 60_000,
			...options,
		});
	} catch (error) {
		throw vendorApiError(ctx.getNode(), { vendor, itemIndex: 0, secrets, message: unreachable(vendor, networkCode(error)) });
	}
	if (!isVendorSuccess(vendor, response) || typeof response.body === 'string') {
		throw vendorApiError(ctx.getNode(), { vendor, response, itemIndex: 0, secrets });
	}
	return { body: vendor.unwrap(response.body), headers: response.headers };
}

