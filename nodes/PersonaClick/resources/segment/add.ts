import type { ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import { CONTACT_IDENTIFIERS, successOutput } from '../../lib/common';
import { operation } from '../../lib/operation';
import { segmentIdToBody } from './segmentId';

export const addOperation: ResourceOperation = {
	option: operation({
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
};
