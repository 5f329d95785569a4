import { NodeConnectionTypes, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { retryProperty, sailthru } from '../shared';
import { userFields, userOperations } from './UserDescription';

export class Sailthru implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sailthru',
		name: 'sailthru',
		icon: { light: 'file:../../icons/sailthru.svg', dark: 'file:../../icons/sailthru.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Read and update user profiles in Sailthru: keys, vars, lists, opt-out and logins',
		defaults: { name: 'Sailthru' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'sailthruApi', required: true }],
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
				options: [{ name: 'User', value: 'user' }],
				default: 'user',
			},
			...userOperations,
			...userFields,
			retryProperty(sailthru),
		],
	};
}
