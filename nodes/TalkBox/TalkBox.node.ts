import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { customOperationsOf, retryProperty, talkBox, withInputChecks } from '../shared';
import { audienceMethods, audienceResources } from './audience';
import { campaignMethods, campaignResources } from './campaigns';

const resources = [...audienceResources, ...campaignResources].sort((a, b) =>
	String(a.option.name).localeCompare(String(b.option.name)),
);

export class TalkBox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'TalkBox',
		name: 'talkBox',
		icon: { light: 'file:../../icons/talkbox.svg', dark: 'file:../../icons/talkbox.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage contacts, tags, promotions and vouchers in TalkBox (SMS and email CRM)',
		defaults: { name: 'TalkBox' },
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
