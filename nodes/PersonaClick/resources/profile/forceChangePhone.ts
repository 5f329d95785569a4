import type { ResourceOperation } from '../../../shared';
import { forceChangeOperation } from './forceChange';

export const forceChangePhoneOperation: ResourceOperation = forceChangeOperation({
	operation: 'forceChangePhone',
	name: 'Force Change Phone',
	what: 'phone',
	url: '/profile/force_change_phone',
	key: 'phone',
	bodyKey: 'phone',
	oldParameter: 'oldPhone',
	newParameter: 'newPhone',
	placeholder: 'e.g. +15550100000',
});
