import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { retryProperty, talkable } from '../shared';
import { personFields, personOperations } from './PersonDescription';
import { siteSlugProperty } from './siteSlug';

export class Talkable implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Talkable',
		name: 'talkable',
		icon: { light: 'file:../../icons/talkable.svg', dark: 'file:../../icons/talkable.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Read and update people in a Talkable referral program',
		defaults: { name: 'Talkable' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'talkableApi', required: true }],
		requestDefaults: {
			baseURL: '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}',
			headers: { Accept: 'application/json' },
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Person', value: 'person' }],
				default: 'person',
			},
			...personOperations,
			...personFields,
			siteSlugProperty,
			retryProperty(talkable),
		],
	};
}
