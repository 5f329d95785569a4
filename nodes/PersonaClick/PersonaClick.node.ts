import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { personaClick, retryProperty } from '../shared';
import { subscriptionFields, subscriptionOperations } from './SubscriptionDescription';

export class PersonaClick implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'PersonaClick',
		name: 'personaClick',
		icon: { light: 'file:../../icons/personaclick.svg', dark: 'file:../../icons/personaclick.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage e-commerce subscriptions (email, SMS, push) in PersonaClick',
		defaults: { name: 'PersonaClick' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'personaClickApi', required: true }],
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
				options: [{ name: 'Subscription', value: 'subscription' }],
				default: 'subscription',
			},
			...subscriptionOperations,
			...subscriptionFields,
			retryProperty(personaClick),
		],
	};
}
