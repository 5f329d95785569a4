import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { customOperationsOf, retryProperty, withInputChecks } from '../shared';
import { audienceMethods, audienceResources } from './audience';
import { campaignMethods, campaignResources } from './campaigns';
import { talkBox } from './profile';

const resources = [...audienceResources, ...campaignResources].sort((a, b) =>
	String(a.option.name).localeCompare(String(b.option.name)),
);

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
		properties: withInputChecks([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources.map((resource) => resource.option),
				default: 'contact',
			},
			...resources.flatMap((resource) => resource.properties),
			retryProperty(talkBox),
		]),
	};

	/** Each operation runs through the shared runner: one evaluation per parameter per item. */
	customOperations = customOperationsOf(this.description);

	methods = {
		listSearch: { ...audienceMethods.listSearch, ...campaignMethods.listSearch },
		loadOptions: { ...audienceMethods.loadOptions, ...campaignMethods.loadOptions },
		resourceMapping: { ...audienceMethods.resourceMapping, ...campaignMethods.resourceMapping },
	};
}
