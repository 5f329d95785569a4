import type { ResourceOperation } from '../../../shared';
import { forceChangeOperation } from './forceChange';

export const forceChangeExternalIdOperation: ResourceOperation = forceChangeOperation({
	operation: 'forceChangeExternalId',
	name: 'Force Change External ID',
	what: 'external ID',
	url: '/profile/force_change_id',
	key: 'external_id',
	bodyKey: 'external_id',
	oldParameter: 'oldExternalId',
	newParameter: 'newExternalId',
	placeholder: 'e.g. cust-1001',
});
