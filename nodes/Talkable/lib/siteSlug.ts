import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { fail, placeByMethod, runCredentials, type VendorProfile } from '../../shared';
import { talkable } from '../profile';

/**
 * Send a value that comes from the node parameter when set, else from the credential, where
 * the vendor expects it for the method (see placeByMethod). Missing in both is an input error.
 */
export function credentialValueWithOverride(spec: {
	parameter: string;
	/** The vendor whose credential holds the default (read once per node run). */
	vendor: VendorProfile;
	credentialField: string;
	key: string;
	label: string;
}): PreSendAction {
	return async function (this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
		const override = this.getNodeParameter(spec.parameter, '') as string;
		let value = typeof override === 'string' ? override.trim() : '';
		if (!value) {
			const credentials = await runCredentials(this, spec.vendor);
			value = String(credentials[spec.credentialField] ?? '').trim();
		}
		if (!value) fail(this, spec.label, 'no value here and none in the credential');
		return placeByMethod(options, spec.key, value);
	};
}

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
