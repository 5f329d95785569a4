/** The advocate offer a request is about, shared by the Offer and Share resources. */
import type { INodeProperties } from 'n8n-workflow';

import { idPath, showFor } from '../../shared';

export const offerPath = (suffix = '') =>
	idPath(`/offers/{0}${suffix}`, [{ parameter: 'shortUrlCode', label: 'Offer Short URL Code' }]);

/** Advocate offer code parameter, shared with the Share resource. */
export const shortUrlCodeProperty = (operations: string[], resource: string): INodeProperties => ({
	displayName: 'Offer Short URL Code',
	name: 'shortUrlCode',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'mwCn1l',
	description: 'The short_url_code of the advocate offer (returned by Create Purchase and the other origin creates)',
	displayOptions: showFor(resource)(operations),
});
