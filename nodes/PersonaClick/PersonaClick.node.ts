import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { customOperationsOf, resourceProperties, retryProperty, withInputChecks } from '../shared';
import { personaClick } from './profile';
import { eventResource } from './resources/event';
import { orderResource } from './resources/order';
import { profileResource } from './resources/profile';
import { segmentResource } from './resources/segment';
import { subscriptionResource } from './resources/subscription';

const resources = [eventResource, orderResource, profileResource, segmentResource, subscriptionResource];

export class PersonaClick implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'PersonaClick',
		name: 'personaClick',
		icon: { light: 'file:../../icons/personaclick.svg', dark: 'file:../../icons/personaclick.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage customer profiles, subscriptions, custom events, segments and orders in PersonaClick (REES46)',
		defaults: { name: 'PersonaClick' },
		builderHint: {
			searchHint:
				'PersonaClick (REES46) e-commerce CDP. Subscribe or unsubscribe a contact (per channel): `resource: subscription`, `operation: manage` (required `identifier`, its kind in `identifierType`). Report a bounce or complaint: `resource: subscription`, `operation: reportEvent` (required `email`). Create or update a customer: `resource: profile`, `operation: upsert` (required `identifier`). Add a contact to a segment (list): `resource: segment`, `operation: add` (required `segmentId`, `identifier`). Track a custom event: `resource: event`, `operation: create` (required `eventCode`, `identifier`). To start a workflow on subscription changes, use PersonaClick Trigger.',
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'personaClickApi', required: true }],
		requestDefaults: {
			headers: { Accept: 'application/json' },
		},
		properties: withInputChecks([...resourceProperties(resources, 'subscription'), retryProperty(personaClick)]),
	};

	/** Each operation runs through the shared runner: one evaluation per parameter per item. */
	customOperations = customOperationsOf(this.description);
}
