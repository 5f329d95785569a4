import type { ResourceOperation } from '../../../shared';
import { forceChangeOperation } from './forceChange';

export const forceChangeEmailOperation: ResourceOperation = forceChangeOperation({
	operation: 'forceChangeEmail',
	name: 'Force Change Email',
	what: 'email',
	url: '/profile/force_change_email',
	key: 'email',
	bodyKey: 'email',
	oldParameter: 'oldEmail',
	newParameter: 'newEmail',
	placeholder: 'name@email.com',
});
