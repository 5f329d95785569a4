import type { IDataObject } from 'n8n-workflow';

import type { RetrySettings } from './retry';

/** A response as the shared executor sees it (n8n's full response, never thrown on a status). */
export interface VendorResponse {
	statusCode: number;
	headers: IDataObject;
	body: unknown;
}

/** The vendor's own account of a failure: what the node error shows. */
export interface VendorError {
	message: string;
	description?: string;
	/** The vendor's own error code, when its envelope has one. */
	code?: string | number;
}

/**
 * Everything vendor-specific that the shared request layer needs: its envelope, how it says
 * "slow down", which credential fields are secret. Each vendor has one, in its own folder
 * (`nodes/<Vendor>/profile.ts`); the shared layer only knows this shape.
 */
export interface VendorProfile {
	displayName: string;
	credentialType: string;
	/** Credential fields whose values must never appear in output, errors or logs. */
	secretFields: readonly string[];
	retryDefaults: RetrySettings;
	/** The vendor error carried by a response, or undefined when it is a success. */
	readError(response: VendorResponse): VendorError | undefined;
	/** A success body without its envelope. */
	unwrap(body: unknown): unknown;
	/** Whether the answer means "too many requests". */
	isRateLimited(response: VendorResponse): boolean;
	/**
	 * Whether an answer that is not a 5xx still means "the server failed, the request may or may
	 * not have been applied" (Sailthru's error 9): treated like a 5xx (retried only when safe).
	 */
	isServerError?(response: VendorResponse): boolean;
	/** How long the vendor asked us to wait (ms), when it said. */
	rateLimitWaitMs(response: VendorResponse, now: number): number | undefined;
	/** The requests left until the vendor's window resets, when it announces them (paces the run). */
	rateLimitBudget?(response: VendorResponse): { remaining: number; resetAt: number } | undefined;
	/** What to check for a status, shown as the error description when the vendor gives none. */
	statusHints: Readonly<Record<number, string>>;
	/**
	 * The call's parameters reach the wire as one JSON text (Sailthru's signed `json`), not
	 * through n8n's HTTP client as JSON or a query: every key the user names is kept, so no key
	 * is refused (see `unsendableKeyError`).
	 */
	sendsParametersAsJsonText?: boolean;
}

/** Whether an HTTP status is a success (2xx). */
export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** Whether a response is a success by the vendor's rules: a 2xx that carries no error envelope. */
export const isVendorSuccess = (vendor: VendorProfile, response: VendorResponse): boolean =>
	isSuccess(response.statusCode) && !vendor.readError(response);

/** A response header by name, in any case (undefined when absent). */
export const responseHeader = (response: VendorResponse, name: string): unknown => {
	const key = Object.keys(response.headers).find((k) => k.toLowerCase() === name);
	return key === undefined ? undefined : response.headers[key];
};

/** A string that is not blank, else undefined. */
export const nonBlank = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** What to check for a status, for every vendor (each adds its own). */
export const COMMON_HINTS: Readonly<Record<number, string>> = {
	401: 'Check the credential: the vendor did not accept it.',
	403: 'Check that the credential has access to this resource.',
	404: 'Check the identifier: the vendor found nothing under it.',
	429: 'The vendor is rate-limiting this account.',
};
