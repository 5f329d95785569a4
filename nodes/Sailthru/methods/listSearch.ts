/** Pickers ("From List" of resource locators): lists, templates and blasts of the account. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { directRequest } from '../../shared';
import { sailthru } from '../profile';

const BLAST_STATUSES = ['scheduled', 'created', 'sending', 'sent'];
const BLASTS_PER_STATUS = 100;

function matching(results: INodeListSearchItems[], filter?: string): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: results
			.filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.value === needle)
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

const records = (payload: unknown, key: string): IDataObject[] => {
	const value = (payload as IDataObject | undefined)?.[key];
	return Array.isArray(value) ? (value as IDataObject[]) : [];
};

export const sailthruListSearch = {
	async searchLists(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const { body: payload } = await directRequest(this, sailthru, { method: 'GET', url: '/list', body: {} });
		return matching(
			records(payload, 'lists').map((list) => ({ name: String(list.name), value: String(list.name) })),
			filter,
		);
	},

	async searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const { body: payload } = await directRequest(this, sailthru, { method: 'GET', url: '/template', body: {} });
		return matching(
			records(payload, 'templates').map((template) => ({ name: String(template.name), value: String(template.name) })),
			filter,
		);
	},

	/** Recent blasts of every status (Sailthru lists blasts by status only). */
	async searchBlasts(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const results: INodeListSearchItems[] = [];
		for (const status of BLAST_STATUSES) {
			const { body: payload } = await directRequest(this, sailthru, {
				method: 'GET',
				url: '/blast',
				body: { status, limit: BLASTS_PER_STATUS },
			});
			for (const blast of records(payload, 'blasts')) {
				results.push({ name: `${String(blast.name)} (${status}, ${String(blast.blast_id)})`, value: String(blast.blast_id) });
			}
		}
		return matching(results, filter);
	},
};
