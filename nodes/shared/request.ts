import type {
	IDataObject,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { vendorApiError } from './errors';
import { capDepth } from './record';
import { collectSecrets } from './redact';
import { isVendorSuccess, type VendorProfile } from './vendors';

/**
 * One request outside the routing engine (pickers, resource mappers): the credential's baseUrl
 * and authentication, the vendor's error envelope as a NodeApiError (secrets redacted), the
 * success payload unwrapped. No retries: a picker should answer at once.
 */
export async function vendorRequest(
	ctx: ILoadOptionsFunctions,
	vendor: VendorProfile,
	options: IHttpRequestOptions,
): Promise<unknown> {
	const credentials = await ctx.getCredentials(vendor.credentialType);
	const secrets = collectSecrets(credentials, vendor.secretFields);
	const baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const full = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, vendor.credentialType, {
		baseURL,
		json: true,
		...options,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as IN8nHttpFullResponse;
	const response = { statusCode: full.statusCode, headers: (full.headers ?? {}) as IDataObject, body: capDepth(full.body) };
	if (!isVendorSuccess(vendor, response) || typeof full.body === 'string') {
		throw vendorApiError(ctx.getNode(), { vendor, response, itemIndex: 0, secrets });
	}
	return vendor.unwrap(response.body);
}

export interface ListSearchSpec {
	vendor: VendorProfile;
	/** Path below the baseUrl, e.g. `/tags`. */
	url: string;
	/** Dot path to the records inside the unwrapped payload (omit when it is the array itself). */
	path?: string;
	/** The record field shown to the user. */
	nameField: string;
	/** The record field used as the value (the ID). */
	valueField: string;
	/** When the list is paged: the page-number and page-size query names and the page size. */
	pagination?: { positionParam: string; sizeParam: string; pageSize: number };
}

/**
 * A `listSearch` method for a resource locator's "From list" mode: loads the records (page by
 * page when paged), filters by the typed text, sorts by name.
 */
export function listSearch(spec: ListSearchSpec) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = paginationToken ? Number(paginationToken) : 1;
		const qs = spec.pagination
			? { [spec.pagination.positionParam]: page, [spec.pagination.sizeParam]: spec.pagination.pageSize }
			: undefined;
		const payload = await vendorRequest(this, spec.vendor, { method: 'GET', url: spec.url, qs });
		let records: unknown = payload;
		for (const key of (spec.path ?? '').split('.').filter(Boolean)) {
			records = (records as IDataObject | undefined)?.[key];
		}
		const list = Array.isArray(records) ? (records as IDataObject[]) : [];
		const needle = (filter ?? '').trim().toLowerCase();
		const results: INodeListSearchItems[] = list
			.map((record) => ({
				name: String(record[spec.nameField] ?? record[spec.valueField]),
				value: String(record[spec.valueField]),
			}))
			.filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.value === needle)
			.sort((a, b) => a.name.localeCompare(b.name));
		const more = spec.pagination !== undefined && list.length >= spec.pagination.pageSize;
		return { results, paginationToken: more ? String(page + 1) : undefined };
	};
}
