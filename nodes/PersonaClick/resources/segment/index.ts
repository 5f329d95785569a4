import { defineResource, showFor, type NodeResource } from '../../../shared';
import { CONTACT_IDENTIFIERS, identifierProperties } from '../../lib/common';
import { addOperation } from './add';
import { checkOperation } from './check';
import { getAllOperation } from './getAll';
import { removeOperation } from './remove';

const show = showFor('segment');

const segmentIdHelp =
	'The ID of the segment, from its page in PersonaClick (Audience → Segments). The API cannot list segments, so enter the number.';

export const segmentResource: NodeResource = defineResource({
	name: 'Segment',
	value: 'segment',
	operations: [addOperation, checkOperation, getAllOperation, removeOperation],
	defaultOperation: checkOperation,
	fields: [
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
		// The contact of Add, Remove and Get Many (Check takes any identifier: check.ts).
		...identifierProperties(show(['add', 'remove', 'getAll']), CONTACT_IDENTIFIERS),
	],
});
