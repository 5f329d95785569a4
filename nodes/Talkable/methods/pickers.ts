/**
 * Pickers: campaigns (for the metric campaign filter) and assets (Asset ID resource locator).
 * They run without an input item, so they send the credential's site slug in the query.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { directRequest } from '../../shared';
import type { TalkableMethods } from '../lib/common';
import { talkable } from '../profile';

async function get(ctx: ILoadOptionsFunctions, url: string, qs: IDataObject = {}): Promise<IDataObject> {
	const credentials = await ctx.getCredentials(talkable.credentialType);
	const { body: payload } = await directRequest(ctx, talkable, {
		method: 'GET',
		url,
		qs: { site_slug: String(credentials.siteSlug ?? '').trim(), ...qs },
	});
	return (payload ?? {}) as IDataObject;
}

/** The site's campaigns as options: "name (#id, status)" → id. */
async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { campaigns } = (await get(this, '/campaigns')) as { campaigns?: IDataObject[] };
	return (campaigns ?? [])
		.map((campaign) => ({
			name: `${String(campaign.name ?? 'Campaign')} (#${String(campaign.id)}, ${String(campaign.status ?? 'unknown')})`,
			value: Number(campaign.id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The member's redemption options ("name (points)" → id); empty until a member email is set. */
async function getRedemptionBatches(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const email = String(this.getCurrentNodeParameter('memberEmail') ?? '').trim();
	if (!email || email.startsWith('=')) return [];
	const { redemption_batches: batches } = (await get(this, `/loyalty/members/${encodeURIComponent(email)}/redemption_batches`)) as {
		redemption_batches?: IDataObject[];
	};
	return (batches ?? []).map((batch) => ({
		name: `${String(batch.name ?? batch.description ?? 'Option')} (${String(batch.points ?? '?')} points)`,
		value: Number(batch.id),
	}));
}

const ASSET_PAGE = 100;

/** Assets page by page (newest first), filtered by the typed text. */
async function searchAssets(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const { assets } = (await get(this, '/assets', { page, per_page: ASSET_PAGE })) as { assets?: IDataObject[] };
	const list = assets ?? [];
	const needle = (filter ?? '').trim().toLowerCase();
	const results = list
		.map((asset) => ({
			name: `${String(asset.name)} (${String(asset.content_type ?? 'file')})`,
			value: String(asset.id),
			url: typeof asset.url === 'string' ? asset.url : undefined,
		}))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.value === needle);
	return { results, paginationToken: list.length >= ASSET_PAGE ? String(page + 1) : undefined };
}

export const pickerMethods: TalkableMethods = {
	loadOptions: { getCampaigns, getRedemptionBatches },
	listSearch: { searchAssets },
};
