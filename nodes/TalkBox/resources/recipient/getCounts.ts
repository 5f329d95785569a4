import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { showFor, type ResourceOperation } from '../../../shared';
import { filterCriteriaProperty, readFilterCriteria } from '../../lib/filterCriteria';
import { operation } from '../../lib/operation';

const show = showFor('recipient');

/** `{sms_body?, filter_criteria?, preferred_channel?}`: only what was set (nothing = every contact). */
async function buildCounts(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const body: IDataObject = {};
	const criteria = readFilterCriteria(this);
	const extra = this.getNodeParameter('countOptions', {}) as IDataObject;
	if (typeof extra.smsBody === 'string' && extra.smsBody.trim() !== '') body.sms_body = extra.smsBody;
	if (criteria) body.filter_criteria = criteria;
	if (extra.preferredChannel) body.preferred_channel = String(extra.preferredChannel);
	options.body = body;
	return options;
}

export const getCountsOperation: ResourceOperation = {
	option: operation({
		name: 'Get Counts',
		value: 'getCounts',
		action: 'Get prospective recipient counts',
		description:
			'Count who a send would reach now (total, email, SMS, both) and estimate SMS parts and cost',
		// TalkBox takes PUT here (criteria can be too long for a query string); nothing changes.
		method: 'PUT',
		url: '/recipients',
		preSend: [buildCounts],
	}),
	fields: [
		filterCriteriaProperty(show(['getCounts']), false),
		{
			displayName: 'Options',
			name: 'countOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show(['getCounts']),
			options: [
				{
					displayName: 'Preferred Channel',
					name: 'preferredChannel',
					type: 'options',
					default: 'email',
					description: 'Count contacts reachable by both only on this channel',
					options: [
						{ name: 'Email', value: 'email' },
						{ name: 'SMS', value: 'sms' },
					],
				},
				{
					displayName: 'SMS Body',
					name: 'smsBody',
					type: 'string',
					typeOptions: { rows: 3 },
					default: '',
					description: 'SMS text the part and cost estimates are based on (multipart SMS, merge fields)',
				},
			],
		},
	],
};
