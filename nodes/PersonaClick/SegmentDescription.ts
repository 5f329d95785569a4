import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { listProperties, operationFactory, showFor } from '../shared';
import { identifierFrom } from './checks';
import { ALL_IDENTIFIERS, CONTACT_IDENTIFIERS, identifierProperties, segmentIdToBody, successOutput } from './common';
import { personaClick } from './profile';

const operation = operationFactory(personaClick);
const show = showFor('segment');

const asBoolean = (value: unknown): boolean | undefined =>
	value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;

/**
 * /segments/includes answers a bare `true`/`false` today and `{status, payload: {segment_id,
 * result}}` after an announced change: both become `{segment_id, result}`.
 */
function checkOutput(this: IExecuteSingleFunctions, records: IDataObject[]): IDataObject[] {
	const segmentId = Number(this.getNodeParameter('segmentId', 0));
	return records.map((record) => {
		const payload = record.payload as IDataObject | undefined;
		if (payload && typeof payload === 'object' && 'result' in payload) {
			return { segment_id: payload.segment_id ?? segmentId, result: asBoolean(payload.result) ?? payload.result };
		}
		const bare = asBoolean(record.value);
		if (bare !== undefined && Object.keys(record).length === 1) return { segment_id: segmentId, result: bare };
		return record;
	});
}

const segmentIdHelp =
	'The ID of the segment, from its page in PersonaClick (Audience → Segments). The API cannot list segments, so enter the number.';

export const segmentOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['segment'] } },
		options: [
			operation({
				name: 'Add Contact',
				value: 'add',
				action: 'Add a contact to a static segment',
				description: 'Add a contact (by email or phone) to a static segment; nothing changes when it is already in',
				method: 'POST',
				url: '/segments/add',
				preSend: [segmentIdToBody(), identifierFrom(CONTACT_IDENTIFIERS)],
				output: { transform: successOutput },
				retrySafe: true,
			}),
			operation({
				name: 'Check Contact',
				value: 'check',
				action: 'Check whether a contact is in a segment',
				description: 'Check whether a contact is in a segment; outputs the segment ID and the result',
				method: 'POST',
				url: '/segments/includes',
				preSend: [segmentIdToBody(), identifierFrom(ALL_IDENTIFIERS)],
				output: { transform: checkOutput, textBody: 'value' },
				retrySafe: true,
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get the segments of a contact',
				description: 'List the segments a contact (by email or phone) is in, one item per segment',
				method: 'POST',
				url: '/segments/get',
				preSend: [identifierFrom(CONTACT_IDENTIFIERS)],
				output: { split: true },
				retrySafe: true,
			}),
			operation({
				name: 'Remove Contact',
				value: 'remove',
				action: 'Remove a contact from a static segment',
				description: 'Remove a contact (by email or phone) from a static segment; no error when it is not in',
				method: 'POST',
				url: '/segments/remove',
				preSend: [segmentIdToBody(), identifierFrom(CONTACT_IDENTIFIERS)],
				output: { transform: successOutput },
				retrySafe: true,
			}),
		],
		default: 'check',
	},
];

export const segmentFields: INodeProperties[] = [
	{
		displayName: 'Segment ID',
		name: 'segmentId',
		type: 'number',
		required: true,
		default: 0,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		placeholder: 'e.g. 313',
		description: segmentIdHelp,
		displayOptions: show(['add', 'remove', 'check']),
	},
	...identifierProperties(show(['add', 'remove', 'getAll']), CONTACT_IDENTIFIERS),
	...identifierProperties(show(['check']), ALL_IDENTIFIERS),
	...listProperties(show(['getAll'])),
];
