import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { showFor, type ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import { ALL_IDENTIFIERS, identifierProperties } from '../../lib/common';
import { operation } from '../../lib/operation';
import { segmentIdToBody } from './segmentId';

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

export const checkOperation: ResourceOperation = {
	option: operation({
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
	fields: identifierProperties(showFor('segment')(['check']), ALL_IDENTIFIERS),
};
