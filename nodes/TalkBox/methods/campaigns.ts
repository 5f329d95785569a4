/** Pickers of the campaign resources (listSearch for resource locators, loadOptions for fields). */
import type { ILoadOptionsFunctions, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { listSearch, directRequest } from '../../shared';
import { fieldRecords } from '../lib/fields';
import { talkBox } from '../profile';

/** Contact fields from `GET /fields` (one record per field), optionally of some types. */
async function loadFields(ctx: ILoadOptionsFunctions, types?: string[]): Promise<INodePropertyOptions[]> {
	const records = fieldRecords((await directRequest(ctx, talkBox, { method: 'GET', url: '/fields' })).body);
	return records
		.filter((field) => !types || types.includes(String(field.field_type ?? '')))
		.map((field) => ({
			name: `${String(field.name ?? field.system_name)} (${String(field.system_name)})`,
			value: String(field.system_name),
			description: field.field_type ? `${String(field.field_type)} field` : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const campaignPickers: NonNullable<INodeType['methods']> = {
	listSearch: {
		searchOffers: listSearch({ vendor: talkBox, url: '/offers', nameField: 'name', valueField: 'id' }),
		searchSections: listSearch({ vendor: talkBox, url: '/sections', nameField: 'system_name', valueField: 'id' }),
		searchTemplates: listSearch({ vendor: talkBox, url: '/templates', nameField: 'name', valueField: 'id' }),
		searchEmailSenderDetails: listSearch({
			vendor: talkBox,
			url: '/email_sender_details',
			nameField: 'name',
			valueField: 'id',
		}),
	},
	loadOptions: {
		async getCampaignFilterFields(this: ILoadOptionsFunctions) {
			return await loadFields(this);
		},
		async getCampaignDateFields(this: ILoadOptionsFunctions) {
			return await loadFields(this, ['Date']);
		},
	},
};
