import type { ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import { CONTACT_IDENTIFIERS, successOutput } from '../../lib/common';
import { operation } from '../../lib/operation';
import { segmentIdToBody } from './segmentId';

export const removeOperation: ResourceOperation = {
	option: operation({
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
};
