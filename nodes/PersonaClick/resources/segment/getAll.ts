import { listProperties, showFor, type ResourceOperation } from '../../../shared';
import { identifierFrom } from '../../lib/checks';
import { CONTACT_IDENTIFIERS } from '../../lib/common';
import { operation } from '../../lib/operation';

export const getAllOperation: ResourceOperation = {
	option: operation({
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
	fields: listProperties(showFor('segment')(['getAll'])),
};
