import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { customOperationsOf, resourceProperties, retryProperty, withInputChecks, type NodeResource } from '../shared';
import { methods } from './methods';
import { talkBox } from './profile';
import { accountResource } from './resources/account';
import { communicationResource } from './resources/communication';
import { contactResource } from './resources/contact';
import { editorResource } from './resources/editor';
import { emailSenderDetailResource } from './resources/emailSenderDetail';
import { fieldResource } from './resources/field';
import { offerResource } from './resources/offer';
import { promotionResource } from './resources/promotion';
import { recipientResource } from './resources/recipient';
import { sectionResource } from './resources/section';
import { subscriptionResource } from './resources/subscription';
import { surveyResource } from './resources/survey';
import { tagResource } from './resources/tag';
import { templateResource } from './resources/template';
import { unsubscriptionResource } from './resources/unsubscription';
import { voucherResource } from './resources/voucher';

const resources: NodeResource[] = [
	accountResource,
	communicationResource,
	contactResource,
	editorResource,
	emailSenderDetailResource,
	fieldResource,
	offerResource,
	promotionResource,
	recipientResource,
	sectionResource,
	subscriptionResource,
	surveyResource,
	tagResource,
	templateResource,
	unsubscriptionResource,
	voucherResource,
];

export class TalkBox implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'TalkBox',
		name: 'talkBox',
		icon: { light: 'file:../../icons/talkbox.svg', dark: 'file:../../icons/talkbox.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage contacts, tags, promotions and vouchers in TalkBox (SMS and email CRM)',
		defaults: { name: 'TalkBox' },
		builderHint: {
			searchHint:
				'TalkBox SMS and email CRM. Add or update a contact: `resource: contact`, `operation: upsert` (required `contactFields`). Unsubscribe a person: `resource: unsubscription`, `operation: create` (required `channel`, then `contactInfo` or `externalIdentifier`). Add a contact to a list (TalkBox groups contacts with tags): `resource: tag`, `operation: addContact` (required `tagId`, `contactId`). Find a contact by email or mobile number: `resource: contact`, `operation: findFirst`. Send a promotion\'s email or SMS to contacts: `resource: communication`, `operation: trigger` (required `promotionIdentifier`). To start a workflow on contact, subscription or voucher changes, use TalkBox Trigger.',
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'talkBoxApi', required: true }],
		requestDefaults: {
			headers: { Accept: 'application/json' },
		},
		properties: withInputChecks([...resourceProperties(resources, 'contact'), retryProperty(talkBox)]),
	};

	/** Each operation runs through the shared runner: one evaluation per parameter per item. */
	customOperations = customOperationsOf(this.description);

	methods = methods;
}
