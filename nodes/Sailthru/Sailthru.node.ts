import { NodeConnectionTypes, type INodeType } from 'n8n-workflow';

import type { HintedNodeTypeDescription } from '../shared/builderHint';
import { customOperationsOf, resourceProperties, retryProperty, withInputChecks } from '../shared';
import { sailthruListSearch } from './methods/listSearch';
import { sailthru } from './profile';
import { blastResource } from './resources/blast';
import { contentResource } from './resources/content';
import { eventResource } from './resources/event';
import { jobResource } from './resources/job';
import { listResource } from './resources/list';
import { purchaseResource } from './resources/purchase';
import { returnResource } from './resources/return';
import { sendResource } from './resources/send';
import { statsResource } from './resources/stats';
import { templateResource } from './resources/template';
import { userResource } from './resources/user';

const resources = [
	blastResource,
	contentResource,
	eventResource,
	jobResource,
	listResource,
	purchaseResource,
	returnResource,
	sendResource,
	statsResource,
	templateResource,
	userResource,
];

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
		properties: withInputChecks([...resourceProperties(resources, 'user'), retryProperty(sailthru)]),
	};

	/** Each operation runs through the shared runner: one evaluation per parameter per item. */
	customOperations = customOperationsOf(this.description);

	methods = { listSearch: sailthruListSearch };
}
