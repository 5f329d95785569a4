import {
	NodeApiError,
	NodeOperationError,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import { redactText, redactValue } from './redact';
import type { VendorProfile, VendorResponse } from './vendors';

const MAX_BODY_EXCERPT = 300;

/** A vendor body larger than this (as JSON) is attached to the error as an excerpt, not whole. */
const MAX_ATTACHED_BODY = 64 * 1024;

const shorten = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * A short, printable excerpt of a body that is not the vendor's JSON envelope. `body` is already
 * redacted (redaction comes first: a secret across the cut would otherwise lose its tail, and its
 * head would show), and `json` is its JSON when it is an object or list.
 */
function describeBody(body: unknown, json: string | undefined): string {
	if (body === undefined || body === null || body === '') return 'an empty body';
	if (typeof body === 'string') {
		if (/^\s*</.test(body)) return 'an HTML page instead of JSON';
		return `a body that is not valid JSON: ${shorten(body, MAX_BODY_EXCERPT)}`;
	}
	return shorten(json ?? String(body), MAX_BODY_EXCERPT);
}

export interface ApiErrorDetails {
	vendor: VendorProfile;
	response?: VendorResponse;
	itemIndex: number;
	secrets: readonly string[];
	/** Overrides the message derived from the response. */
	message?: string;
	/** Appended to the description: what the retry logic did. */
	note?: string;
	/** The HTTP status when there is no response to read it from (e.g. a wait that was refused). */
	httpCode?: number;
}

/**
 * The NodeApiError for a failed call: the vendor's own message (and code) as the message, the
 * HTTP status as httpCode, a hint of what to check as the description; every secret redacted.
 * The raw response is never attached, only the redacted body.
 */
export function vendorApiError(node: INode, details: ApiErrorDetails): NodeApiError {
	const { vendor, response, itemIndex, secrets } = details;
	const status = response?.statusCode ?? details.httpCode;
	const vendorError = response ? vendor.readError(response) : undefined;
	// Redacted first, then shortened; a copy cut at MAX_JSON_DEPTH levels (see copyJson).
	const body = response ? redactValue(response.body, secrets) : undefined;
	const json = body !== null && typeof body === 'object' ? JSON.stringify(body) : undefined;
	let message = details.message;
	if (!message) {
		if (vendorError) {
			const code = vendorError.code !== undefined ? ` (code ${vendorError.code})` : '';
			message = `${vendor.displayName} error${code}: ${vendorError.message}`;
		} else if (response) {
			message = `${vendor.displayName} answered HTTP ${status} with ${describeBody(body, json)}`;
		} else {
			message = `${vendor.displayName} request failed`;
		}
	}
	const descriptionParts = [
		vendorError?.description,
		status !== undefined ? vendor.statusHints[status] : undefined,
		details.note,
	].filter((part): part is string => typeof part === 'string' && part !== '');
	const description = descriptionParts.length ? descriptionParts.join(' ') : undefined;

	const errorResponse: JsonObject = {
		message: redactText(message, secrets),
		...(status !== undefined ? { httpCode: String(status) } : {}),
		...(vendorError?.code !== undefined ? { code: vendorError.code } : {}),
		...(json === undefined
			? {}
			: { body: json.length > MAX_ATTACHED_BODY ? `${json.slice(0, MAX_ATTACHED_BODY)}… (${json.length.toLocaleString('en-US')} characters in all)` : (body as JsonObject) }),
	};
	const error = new NodeApiError(node, errorResponse, {
		message: redactText(message, secrets),
		description: description ? redactText(description, secrets) : undefined,
		httpCode: status !== undefined ? String(status) : undefined,
		itemIndex,
	});
	if (vendorError?.code !== undefined) error.context.vendorCode = vendorError.code;
	return error;
}

/**
 * The fields a workflow branches on, for the JSON of a Continue On Fail error item: the HTTP
 * status (`httpCode`, a number) and the vendor's own error code (`vendorCode`).
 */
export function errorFields(error: NodeApiError | NodeOperationError): { httpCode?: number; vendorCode?: string | number } {
	const fields: { httpCode?: number; vendorCode?: string | number } = {};
	const status = Number((error as NodeApiError).httpCode);
	if (error instanceof NodeApiError && Number.isInteger(status) && status > 0) fields.httpCode = status;
	const code = error.context?.vendorCode;
	if (typeof code === 'string' || typeof code === 'number') fields.vendorCode = code;
	return fields;
}

/** The error for bad input: names the parameter and the item, before anything is sent. */
export function inputError(node: INode, itemIndex: number, parameter: string, problem: string): NodeOperationError {
	return new NodeOperationError(node, `${parameter}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: `Fix the "${parameter}" parameter of item ${itemIndex} and run again. Nothing was sent for this item.`,
	});
}
