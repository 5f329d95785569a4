import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { customOperationsOf, retryProperty, withInputChecks } from '../shared';
import { blastFields, blastOperations } from './BlastDescription';
import { contentFields, contentOperations } from './ContentDescription';
import { eventFields, eventOperations } from './EventDescription';
import { jobFields, jobOperations } from './JobDescription';
import { listFields, listOperations } from './ListDescription';
import { sailthruListSearch } from './methods/listSearch';
import { purchaseFields, purchaseOperations } from './PurchaseDescription';
import { returnFields, returnOperations } from './ReturnDescription';
import { sendFields, sendOperations } from './SendDescription';
import { statsFields, statsOperations } from './StatsDescription';
import { templateFields, templateOperations } from './TemplateDescription';
import { userFields, userOperations } from './UserDescription';
import { sailthru } from './profile';

export class Sailthru implements INodeType {
	description: HintedNodeTypeDescription = {
		displayName: 'Sailthru',
		name: 'sailthru',
		icon: { light: 'file:../../icons/sailthru.svg', dark: 'file:../../icons/sailthru.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Sailthru users, transactional sends, events, purchases, lists, content, templates, campaigns, jobs and stats',
		defaults: { name: 'Sailthru' },
		builderHint: {
			searchHint:
				'Sailthru email marketing and personalization. Add a user to a list, set profile vars or unsubscribe (opt out) a user: `resource: user`, `operation: upsert` (required `id`, usually the email; `lists` sets list membership, `optout_email` opts out). Send a transactional email: `resource: send`, `operation: send` (required `template`, `email`). Record a purchase: `resource: purchase`, `operation: create` (required `email`, `items`). Post a custom event: `resource: event`, `operation: create` (required `id`, `event`). Bulk import or export: `resource: job`, `operation: create` (required `jobType`). To start a workflow on opt-outs, bounces or job completion, use Sailthru Trigger.',
		},
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: 'sailthruApi', required: true }],
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
					{ name: 'Blast', value: 'blast' },
					{ name: 'Content', value: 'content' },
					{ name: 'Event', value: 'event' },
					{ name: 'Job', value: 'job' },
					{ name: 'List', value: 'list' },
					{ name: 'Purchase', value: 'purchase' },
					{ name: 'Return', value: 'return' },
					{ name: 'Send', value: 'send' },
					{ name: 'Stat', value: 'stats' },
					{ name: 'Template', value: 'template' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...userOperations,
			...userFields,
			...sendOperations,
			...sendFields,
			...eventOperations,
			...eventFields,
			...purchaseOperations,
			...purchaseFields,
			...returnOperations,
			...returnFields,
			...listOperations,
			...listFields,
			...contentOperations,
			...contentFields,
			...templateOperations,
			...templateFields,
			...blastOperations,
			...blastFields,
			...jobOperations,
			...jobFields,
			...statsOperations,
			...statsFields,
			retryProperty(sailthru),
		]),
	};

	/** Each operation runs through the shared runner: one evaluation per parameter per item. */
	customOperations = customOperationsOf(this.description);

	methods = { listSearch: sailthruListSearch };
}
