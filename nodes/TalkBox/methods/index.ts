/**
 * The node's `methods`: the audience pickers (contact, field, tag) and the campaign pickers
 * (offer, section, template, email sender detail, campaign fields). Method names are unique across both.
 */
import { contactFieldMapping, contactSearchFields, contactTags, searchFields, searchTags } from './audience';
import { campaignPickers } from './campaigns';

export const methods = {
	listSearch: { searchTags, searchFields, ...campaignPickers.listSearch },
	loadOptions: { getContactTags: contactTags, getContactSearchFields: contactSearchFields, ...campaignPickers.loadOptions },
	resourceMapping: { getContactFieldMapping: contactFieldMapping, ...campaignPickers.resourceMapping },
};
