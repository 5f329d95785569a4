/** Pickers of the campaign resources (listSearch for resource locators, loadOptions for fields). */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listSearch, talkBox, vendorRequest } from '../../shared';
import type { TalkBoxMethods } from '../types';

/** Contact fields from `GET /fields` (an object keyed by system name), optionally of some types. */
async function loadFields(ctx: ILoadOptionsFunctions, types?: string[]): Promise<INodePropertyOptions[]> {
	const payload = (await vendorRequest(ctx, talkBox, { method: 'GET', url: '/fields' })) as IDataObject | undefined;
	const fields = payload && typeof payload === 'object' && !Array.isArray(payload) ? payload : {};
	return Object.entries(fields)
		.filter(([, field]) => !types || types.includes(String((field as IDataObject)?.field_type ?? '')))
		.map(([systemName, field]) => {
			const details = (field ?? {}) as IDataObject;
			return {
				name: `${String(details.name ?? systemName)} (${systemName})`,
				value: systemName,
				description: details.field_type ? `${String(details.field_type)} field` : undefined,
			};
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

export const campaignPickers: TalkBoxMethods = {
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
