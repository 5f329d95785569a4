import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { idPath } from '../../shared';

/** The origin a referral or refund belongs to (URL-encoded into its own path segment). */
export const originSlugProperty = (displayOptions: IDisplayOptions): INodeProperties => ({
	displayName: 'Origin',
	name: 'originSlug',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'B00K2EOONI',
	description:
		'The order number of a purchase, or event_category:event_number of an event (e.g. newsletter_subscription:42)',
	displayOptions,
});

export const originPath = (suffix: string) => idPath(`/origins/{0}${suffix}`, [{ parameter: 'originSlug', label: 'Origin' }]);
