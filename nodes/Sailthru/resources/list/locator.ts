/** The List locator: a list picked by name or typed. */
import { showFor } from '../../../shared';
import { nameLocator } from '../../lib/helpers';

const show = showFor('list');

export const listName = (operations: string[], description: string) =>
	nameLocator({
		displayName: 'List',
		name: 'list',
		description,
		searchListMethod: 'searchLists',
		typedName: 'By Name',
		placeholder: 'e.g. Newsletter',
		displayOptions: show(operations),
	});
