import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { customOperationsOf, retryProperty, withInputChecks } from '../shared';
import { eventFields, eventOperations } from './EventDescription';
import { orderFields, orderOperations } from './OrderDescription';
import { profileFields, profileOperations } from './ProfileDescription';
import { segmentFields, segmentOperations } from './SegmentDescription';
import { subscriptionFields, subscriptionOperations } from './SubscriptionDescription';
import { personaClick } from './profile';

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
		properties: withInputChecks([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Event', value: 'event' },
					{ name: 'Order', value: 'order' },
					{ name: 'Profile', value: 'profile' },
					{ name: 'Segment', value: 'segment' },
					{ name: 'Subscription', value: 'subscription' },
				],
				default: 'subscription',
			},
			...subscriptionOperations,
			...subscriptionFields,
			...profileOperations,
			...profileFields,
			...eventOperations,
			...eventFields,
			...segmentOperations,
			...segmentFields,
			...orderOperations,
			...orderFields,
			retryProperty(personaClick),
		]),
	};

	/** Each operation runs through the shared runner: one evaluation per parameter per item. */
	customOperations = customOperationsOf(this.description);
}
