import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { directRequest } from './transport';
import type { VendorProfile } from './vendors';

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
		const { body: payload } = await directRequest(this, spec.vendor, { method: 'GET', url: spec.url, qs });
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
