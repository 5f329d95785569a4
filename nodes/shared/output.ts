import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { vendorApiError } from './errors';
import { getPath, isObject } from './record';
import { isVendorSuccess, type VendorProfile, type VendorResponse } from './vendors';

/** How a response becomes output items. */
export interface OutputSpec {
	/** Dot path, inside the unwrapped payload, to the records (e.g. `person`, `referrals`). */
	path?: string;
	/**
	 * One item per record of a list. Such operations honour `returnAll` / `limit` and the
	 * `rawResponse` parameter (one item holding the whole response body instead).
	 */
	split?: boolean;
	/** The item to output when the vendor answers 2xx with an empty body (else that is an error). */
	emptyBody?: IDataObject;
	/** The vendor answers 2xx with bare text (not JSON): output it as `{ [textBody]: text }`. */
	textBody?: string;
	/**
	 * Reshape the records of one response (e.g. an object keyed by ID into one record per entry,
	 * or an empty-body success into a descriptive item). Runs before Return All / Limit.
	 */
	transform?: (this: IExecuteSingleFunctions, records: IDataObject[]) => IDataObject[];
	/**
	 * Runs after the request succeeded (and after `transform`), e.g. to wait for a job: `send`
	 * sends another request through the same retry, governor and error path and resolves to the
	 * unwrapped success payload. Returns the records to output.
	 */
	followUp?: (
		this: IExecuteSingleFunctions,
		records: IDataObject[],
		send: (options: IHttpRequestOptions) => Promise<unknown>,
	) => Promise<IDataObject[]>;
}

export const toItemJson = (record: unknown): IDataObject => (isObject(record) ? record : { value: record as string });

/** What reading a response needs: the vendor and the operation's output. */
export interface OutputConfig {
	vendor: VendorProfile;
	output?: OutputSpec;
}

/** Check a final response and turn it into records (or the raw body). */
export function readRecords(
	ctx: IExecuteSingleFunctions,
	config: OutputConfig,
	response: VendorResponse,
	raw: boolean,
	secrets: readonly string[],
): IDataObject[] {
	const { vendor } = config;
	const fail = () => vendorApiError(ctx.getNode(), { vendor, response, itemIndex: ctx.getItemIndex(), secrets });
	const { body } = response;
	const output = config.output ?? {};
	if (!isVendorSuccess(vendor, response)) throw fail();
	let records: IDataObject[];
	if (body === undefined || body === null || (typeof body === 'string' && body.trim() === '')) {
		if (!output.emptyBody) throw fail();
		records = [{ ...output.emptyBody }];
	} else if (typeof body === 'string') {
		if (!output.textBody) throw fail();
		records = [{ [output.textBody]: body.trim() }];
	} else if (raw) {
		return [toItemJson(body)];
	} else {
		const payload = getPath(vendor.unwrap(body), output.path);
		records = Array.isArray(payload) ? payload.map(toItemJson) : payload === undefined ? [] : [toItemJson(payload)];
	}
	return output.transform ? output.transform.call(ctx, records) : records;
}
