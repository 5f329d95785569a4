/**
 * Audience resources: account, field, contact, tag, subscription, unsubscription, survey, editor.
 * Each resource lives in its own <Resource>Description.ts and is listed here.
 */
import { accountResource } from './AccountDescription';
import { contactFieldMapping, contactSearchFields, contactTags, searchFields, searchTags } from './audience/fields';
import { contactResource } from './ContactDescription';
import { editorResource } from './EditorDescription';
import { fieldResource } from './FieldDescription';
import { subscriptionResource } from './SubscriptionDescription';
import { surveyResource } from './SurveyDescription';
import { tagResource } from './TagDescription';
import type { TalkBoxMethods, TalkBoxResource } from './types';
import { unsubscriptionResource } from './UnsubscriptionDescription';

export const audienceResources: TalkBoxResource[] = [
	accountResource,
	contactResource,
	editorResource,
	fieldResource,
	subscriptionResource,
	surveyResource,
	tagResource,
	unsubscriptionResource,
];

/** Method names are the audience half's own (the campaigns half uses other names). */
export const audienceMethods: TalkBoxMethods = {
	listSearch: { searchTags, searchFields },
	loadOptions: { getContactTags: contactTags, getContactSearchFields: contactSearchFields },
	resourceMapping: { getContactFieldMapping: contactFieldMapping },
};
