import { idPath, type ResourceOperation } from '../../../shared';
import { operation } from '../../lib/operation';
import { asRecords } from './records';

export const deleteOperation: ResourceOperation = {
	option: operation({
		name: 'Delete',
		value: 'delete',
		action: 'Delete a field',
		description: 'Delete a contact field (system fields cannot be deleted)',
		method: 'DELETE',
		url: '/fields',
		preSend: [idPath('/fields/{0}', [{ parameter: 'fieldId', label: 'Field' }])],
		output: { transform: asRecords },
	}),
};
