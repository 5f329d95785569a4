import type { INodeProperties } from 'n8n-workflow';

import { credentialValueWithOverride, talkable } from '../shared';

/** site_slug: the credential's, unless the node overrides it (query for GET, body otherwise). */
export const siteSlug = credentialValueWithOverride({
	parameter: 'siteSlug',
	credentialType: talkable.credentialType,
	credentialField: 'siteSlug',
	key: 'site_slug',
	label: 'Site Slug',
});

export const siteSlugProperty: INodeProperties = {
	displayName: 'Site Slug',
	name: 'siteSlug',
	type: 'string',
	default: '',
	placeholder: 'my-store',
	description: 'The Talkable site to use. Leave empty to use the site slug from the credential.',
};
