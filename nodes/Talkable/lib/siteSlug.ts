import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { credentialValueWithOverride } from '../../shared';
import { talkable } from '../profile';

/** site_slug: the credential's, unless the node overrides it (query for GET, body otherwise). */
export const siteSlug = credentialValueWithOverride({
	parameter: 'siteSlug',
	vendor: talkable,
	credentialField: 'siteSlug',
	key: 'site_slug',
	label: 'Site Slug',
});

/**
 * site_slug in the query string whatever the method: `POST /offer_claims`,
 * `PUT /visitor_offers/{id}/track_visit` and `POST /assets` take it there.
 */
export async function siteSlugInQuery(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const probe: IHttpRequestOptions = { url: options.url, method: 'GET', qs: {} };
	await siteSlug.call(this, probe);
	options.qs = { ...(options.qs ?? {}), ...(probe.qs ?? {}) };
	return options;
}

export const siteSlugProperty: INodeProperties = {
	displayName: 'Site Slug',
	name: 'siteSlug',
	type: 'string',
	default: '',
	placeholder: 'my-store',
	description: 'The Talkable site to use. Leave empty to use the site slug from the credential.',
};
