import { defineResource, type NodeResource } from '../../../shared';
import { forceChangeNotice, withForceChangeConfirmation } from './forceChange';
import { forceChangeEmailOperation } from './forceChangeEmail';
import { forceChangeExternalIdOperation } from './forceChangeExternalId';
import { forceChangePhoneOperation } from './forceChangePhone';
import { getOperation } from './get';
import { purgeOperation } from './purge';
import { upsertOperation } from './upsert';

export const profileResource: NodeResource = defineResource({
	name: 'Profile',
	value: 'profile',
	operations: [
		upsertOperation,
		...withForceChangeConfirmation([forceChangeEmailOperation, forceChangeExternalIdOperation, forceChangePhoneOperation]),
		getOperation,
		purgeOperation,
	],
	defaultOperation: getOperation,
	fields: [forceChangeNotice],
});
